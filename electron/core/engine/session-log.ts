import { RECENT_EVENTS, type SessionEvent, type SessionSummary } from '../contract/index.js';
import type { NewEvent, SessionsRepo } from '../store/sessions-repo.js';
import type { StateHub } from './state-hub.js';
import { isStorageError, type PendingEntry } from './storage-guard.js';

/** Event kinds too frequent to show in the console's recent list (they are still logged). */
const QUIET_KINDS = new Set(['ingest.snapshot', 'ingest.like', 'ingest.enter', 'ingest.comment', 'ingest.follow']);

export const isQuietKind = (kind: string): boolean => QUIET_KINDS.has(kind);

/**
 * The live session and its append-only log. Every domain logs through here so the console's recent
 * list and the stored log never disagree.
 */
export class SessionLog {
  constructor(
    private readonly repo: SessionsRepo,
    private readonly hub: StateHub,
  ) {}

  get live(): SessionSummary | null {
    return this.hub.state.session;
  }

  /** Where an entry goes when the disk refuses it (kept in memory to write later); unset, the error propagates. */
  keepUnwritten: ((entry: PendingEntry, error: Error & { code: string }) => void) | null = null;

  /**
   * Appends to the live session's log; a no-op (returns null) when no session is live. While the disk
   * refuses writes the entry waits in memory (id -1) so the action that logged it still succeeds.
   */
  log(event: NewEvent): SessionEvent | null {
    const session = this.live;
    if (!session) return null;
    let id = -1;
    try {
      id = this.repo.append(session.id, event);
    } catch (error) {
      if (!this.keepUnwritten || !isStorageError(error)) throw error;
      this.keepUnwritten({ sessionId: session.id, event }, error);
    }
    const entry: SessionEvent = { id, ...event };
    if (!isQuietKind(event.kind)) this.pushRecent([entry]);
    return entry;
  }

  /** Shows entries already written (e.g. inside an ingest transaction) in the console's recent list. */
  pushRecent(entries: readonly SessionEvent[]): void {
    const visible = entries.filter((e) => !isQuietKind(e.kind));
    if (!visible.length) return;
    const recent = [...visible.reverse(), ...this.hub.state.recent].slice(0, RECENT_EVENTS);
    this.hub.patch({ recent });
  }

  setLive(session: SessionSummary | null): void {
    const recent = session
      ? this.repo.events(session.id, { limit: RECENT_EVENTS, excludeKinds: [...QUIET_KINDS], newestFirst: true })
      : [];
    this.hub.patch({ session, recent });
  }
}
