import type { DeskState, DeskStateKey } from '../contract/index.js';
import type { StateChange } from './ports.js';

export type { StateChange };

export type StateListener = (state: DeskState, change: StateChange) => void;

/**
 * Holds the one published DeskState. Domains patch it; subscribers get the whole new state and which
 * keys changed, coalesced so a burst of changes (10k ingest events a second) costs one push per
 * `minIntervalMs`.
 */
export class StateHub {
  private current: DeskState;
  private readonly listeners = new Set<StateListener>();
  private scheduled: NodeJS.Immediate | NodeJS.Timeout | null = null;
  private lastPublish = 0;
  private changed = new Set<DeskStateKey>();
  private publishedRev = 0;

  constructor(
    initial: Omit<DeskState, 'rev'>,
    private readonly minIntervalMs = 20,
  ) {
    this.current = { ...initial, rev: 0 };
  }

  get state(): DeskState {
    return this.current;
  }

  patch(change: Partial<Omit<DeskState, 'rev'>>): void {
    // Every named key counts as changed, even when handed back unchanged: a domain may have built the
    // same value again, and a missed change would leave a patch client wrong until its next resync.
    for (const key in change) this.changed.add(key as DeskStateKey);
    this.current = { ...this.current, ...change, rev: this.current.rev + 1 };
    this.schedule();
  }

  subscribe(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Publishes pending changes now (used on shutdown and by tests that need a deterministic push). */
  flush(): void {
    if (this.scheduled) {
      clearTimeout(this.scheduled as NodeJS.Timeout);
      clearImmediate(this.scheduled as NodeJS.Immediate);
      this.scheduled = null;
    }
    this.publish();
  }

  close(): void {
    if (this.scheduled) {
      clearTimeout(this.scheduled as NodeJS.Timeout);
      clearImmediate(this.scheduled as NodeJS.Immediate);
    }
    this.scheduled = null;
    this.listeners.clear();
  }

  private schedule(): void {
    if (this.scheduled) return;
    const wait = this.lastPublish + this.minIntervalMs - Date.now();
    const run = () => {
      this.scheduled = null;
      this.publish();
    };
    this.scheduled = wait > 0 ? setTimeout(run, wait) : setImmediate(run);
  }

  private publish(): void {
    this.lastPublish = Date.now();
    const state = this.current;
    const change: StateChange = { from: this.publishedRev, keys: this.changed };
    this.changed = new Set();
    this.publishedRev = state.rev;
    for (const listener of this.listeners) {
      try {
        listener(state, change);
      } catch (error) {
        console.error(`state subscriber failed: ${(error as Error).message}`);
      }
    }
  }
}
