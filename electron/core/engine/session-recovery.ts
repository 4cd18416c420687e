import { coded, DeskError, type SessionSummary } from '../contract/index.js';
import { replayKpis } from '../metrics/kpi-replay.js';
import type { KpiTracker } from '../metrics/kpi-tracker.js';
import type { CommerceRepo } from '../store/commerce-repo.js';
import type { SessionsRepo } from '../store/sessions-repo.js';

interface RecoveryDeps {
  sessions: SessionsRepo;
  commerce: CommerceRepo;
  live: SessionSummary | null;
}

function findInterrupted(sessions: SessionsRepo, id: string | undefined): SessionSummary {
  const session = id === undefined ? sessions.latestInterrupted() : sessions.get(id);
  if (!session) {
    const text = id === undefined ? coded('session.noInterrupted', {}, 'no interrupted session to resume or close') : coded('session.notFound', { id }, `no session with id "${id}"`);
    throw new DeskError('not_found', text, { field: 'id' });
  }
  if (session.status !== 'interrupted') {
    const detail = `session "${session.title}" is ${session.status}; only an interrupted session can be resumed or closed`;
    throw new DeskError('conflict', coded('session.notInterrupted', { title: session.title, status: session.status }, detail), { field: 'id' });
  }
  return session;
}

/**
 * Reopens a session a crash cut off. Its KPIs are rebuilt from its durable log, which is exactly what
 * was acknowledged before the crash; the caller makes it live.
 */
export function resumeInterrupted(deps: RecoveryDeps, id: string | undefined, at: number): { session: SessionSummary; kpi: KpiTracker } {
  if (deps.live) throw new DeskError('conflict', coded('session.otherLive', { title: deps.live.title }, `session "${deps.live.title}" is live; end it before resuming another`));
  const session = findInterrupted(deps.sessions, id);
  // Every figure is rebuilt from the log, through the tracker the live path uses (see kpi-replay).
  const segments = deps.sessions.segments(session.id);
  const explainedAt = (sku: string, ts: number) => segments.some((s) => s.sku === sku && ts >= s.startedAt && (s.endedAt === null || ts < s.endedAt));
  const kpi = replayKpis(deps.sessions.ingestEvents(session.id), explainedAt, session.startedAt);
  kpi.touch(at);
  deps.sessions.reopen(session.id);
  return { session, kpi };
}

/** Marks an interrupted session ended (keeping the end time of its last event). */
export function closeInterrupted(sessions: SessionsRepo, id: string | undefined): SessionSummary {
  const session = findInterrupted(sessions, id);
  sessions.end(session.id, session.endedAt ?? session.startedAt, 'ended');
  return sessions.get(session.id) as SessionSummary;
}
