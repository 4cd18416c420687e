import type { RealObs } from '../core/obs/testing/real-obs.js';
import type { MachineLoad } from './machine.js';

/**
 * One measured line of the table. `floor` is the physical reference measured in the same run (a bare
 * obs-websocket-js call, raw better-sqlite3 inserts, a full scan); for rows where lower is better it is
 * a floor, for rates a ceiling. `ratio` is value / floor, computed by the harness.
 */
export interface BenchResult {
  /** Distinguishes several results of one row (`p50`, `summary`); the JSON id becomes `id/part`. */
  part?: string;
  value: number | null;
  unit: string;
  floor: number | null;
  /** What the floor is, in a few words ("bare obs-websocket-js call", "raw better-sqlite3 inserts"). */
  floorWhat: string;
  /** Whether the budget is met; null when the row could not be measured. */
  meets: boolean | null;
  /** Anything a reader needs to interpret the value: missing features, sample sizes, side figures. */
  note?: string;
  /**
   * The value of each run of the measurement (`value` is their median); the table prints the spread.
   * Rows that run several times must give it; a row measured once says why in its note.
   */
  runs?: number[];
  /** The floor of each run, measured interleaved with the runs above (`floor` is their median). */
  floorRuns?: number[];
  /** How busy the machine was while this was measured, when a shared fixture measured it earlier than the row. */
  machine?: MachineLoad;
}

/**
 * A benchmark row: one module in `rows/` exporting `row`. The harness loads every such module, in
 * file-name order, so adding a row is adding a file.
 */
export interface BenchRow {
  /** The DESIGN §7 id. */
  id: string;
  what: string;
  /** The budget as DESIGN §7 words it. */
  budget: string;
  run(ctx: BenchContext): Promise<BenchResult | BenchResult[]>;
}

export interface BenchContext {
  /** A scratch directory for this run (removed at the end). */
  dir: string;
  /** Smaller workloads (for a smoke run); rows scale their sizes by it. */
  quick: boolean;
  log(message: string): void;
  /**
   * A fixture shared by several rows (e.g. one 2M-event ingest measured for rate and for memory):
   * built once by the first row that asks, kept for the rest of the run.
   */
  shared<T>(key: string, build: () => Promise<T>): Promise<T>;
  /** Runs at the end of the run, last registered first. */
  onCleanup(cleanup: () => Promise<void> | void): void;
  /** A real OBS 29 under Xvfb, started on first use and shared; null (with the reason logged) where none can run. */
  realObs(): Promise<RealObs | null>;
}
