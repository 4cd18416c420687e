import type { Alert, DeskState, DeskStateKey, Origin } from '../contract/index.js';

/**
 * The small collaborator shapes parts receive instead of the whole desk (STYLE §13). Each part names
 * the few it uses; `desk.ts` wires them. Nothing here knows which class implements them.
 */

/** Puts one input on the action bus: validated, guarded, executed, logged (DESIGN §1). */
export type Dispatch = (action: unknown, origin: Origin) => Promise<unknown>;

/** Raises and resolves alerts on the desk. */
export interface AlertSink {
  /** `since`: when the condition began (the desk shows how long it has held). */
  raise(id: string, level: Alert['level'], text: string, ttlMs?: number, since?: number): void;
  resolve(id: string): void;
}

/** Appends one entry to the live session's log at `ts` (default now; nothing when no session is live). */
export type LogEvent = (kind: string, data: Record<string, unknown>, ts?: number) => void;

/** The published desk state, read and followed. */
/** What a publication changed: the revision last published, and the top-level keys changed since. */
export interface StateChange {
  from: number;
  keys: ReadonlySet<DeskStateKey>;
}

export interface StateReader {
  readonly state: DeskState;
  subscribe(listener: (state: DeskState, change: StateChange) => void): () => void;
}

/** The published desk state, changed by the part that owns a slice of it. */
export interface StatePublisher extends StateReader {
  patch(change: Partial<Omit<DeskState, 'rev'>>): void;
}
