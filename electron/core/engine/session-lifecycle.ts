import { coded, DeskError, type ObsState, type SessionSummary } from '../contract/index.js';
import type { KpiTracker } from '../metrics/kpi-tracker.js';
import type { CommerceRepo } from '../store/commerce-repo.js';
import type { NewEvent, SessionsRepo } from '../store/sessions-repo.js';
import type { AlertSink } from './ports.js';
import { closeInterrupted, resumeInterrupted } from './session-recovery.js';

export interface SessionLifecycleDeps {
  sessions: SessionsRepo;
  commerce: CommerceRepo;
  /** The session log: which session is live, and its entries. */
  log: { readonly live: SessionSummary | null; setLive(session: SessionSummary | null): void; log(event: NewEvent): unknown };
  kpis: { reset(): void; restore(kpi: KpiTracker): void };
  /** 讲解 segments follow the session: one opens with it and closes with it. */
  explain: { openSegment(at: number): void; closeSegment(at: number): void; clear(at: number): unknown };
  /** The show (flash sale, plan) stops with its session. */
  show: { onSessionEnd(): void };
  review: { buildInBackground(sessionId: string): void };
  /** The 弹幕 feed follows the live session: a new one starts empty. */
  comments: { follow(sessionId: string): void };
  alerts: Pick<AlertSink, 'resolve'>;
  obs: () => ObsState;
  rehearsing: () => boolean;
}

/** A session's life: start, end, and after a crash resume or close (DESIGN §4: the unit of history). */
export class SessionLifecycle {
  constructor(private readonly deps: SessionLifecycleDeps) {}

  start(title: string, planId: string | undefined, at: number): SessionSummary {
    const { log, sessions, kpis, explain } = this.deps;
    const live = log.live;
    if (live) throw new DeskError('conflict', coded('session.alreadyLive', { title: live.title }, `session "${live.title}" is already live; end it before starting another`));
    const session = sessions.create({ title, planId, rehearsal: this.deps.rehearsing(), startedAt: at });
    kpis.reset();
    log.setLive(session);
    this.deps.comments.follow(session.id);
    const { status, programScene, streaming, recording } = this.deps.obs();
    log.log({ ts: at, kind: 'session.start', data: { title, planId: planId ?? null, rehearsal: session.rehearsal, obs: { status, programScene, streaming, recording } } });
    explain.openSegment(at);
    return session;
  }

  end(at: number): SessionSummary {
    const { log, sessions, kpis, explain } = this.deps;
    const live = log.live;
    if (!live) throw new DeskError('conflict', coded('session.notLive', {}, 'no live session to end'));
    this.deps.show.onSessionEnd();
    explain.closeSegment(at);
    const totals = this.deps.commerce.totals(live.id);
    log.log({ ts: at, kind: 'session.end', data: { ...totals } });
    sessions.end(live.id, at);
    this.deps.review.buildInBackground(live.id);
    log.setLive(null);
    // The show is over: the card leaves the stream with it.
    explain.clear(at);
    kpis.reset();
    return sessions.get(live.id) as SessionSummary;
  }

  /** Makes an interrupted session live again with its KPIs as the database has them (see session-recovery). */
  resume(id: string | undefined, at: number): SessionSummary {
    const { log, sessions } = this.deps;
    const { session, kpi } = resumeInterrupted({ sessions, commerce: this.deps.commerce, live: log.live }, id, at);
    this.deps.kpis.restore(kpi);
    const live = sessions.get(session.id) as SessionSummary;
    this.deps.alerts.resolve('session-interrupted');
    log.setLive(live);
    this.deps.comments.follow(live.id);
    log.log({ ts: at, kind: 'session.resume', data: { interruptedAt: session.endedAt } });
    this.deps.explain.openSegment(at);
    return live;
  }

  /** Closes an interrupted session as ended, without resuming it. */
  close(id: string | undefined): SessionSummary {
    const closed = closeInterrupted(this.deps.sessions, id);
    if (!this.deps.sessions.latestInterrupted()) this.deps.alerts.resolve('session-interrupted');
    return closed;
  }
}
