import type { Alert, CurrentProduct, DeskState, IngestSourceRate, Kpi, WsServerMessage } from '../contract.js';

/** What the KPI views (ticker, board, desk window) draw: a subset of the pushed state. */
export type KpiFrame = {
  rev: number;
  kpi: Kpi;
  product: CurrentProduct | null;
  /** Only with the control token (the desk window); overlays never see alerts or sources. */
  alerts: Alert[] | null;
  ingest: IngestSourceRate[] | null;
};

export type HistoryPoint = { ts: number; online: number | null; gmvFen: number };

export const HISTORY_MAX = 180;

export function frameOf(msg: WsServerMessage): KpiFrame | null {
  if (msg.type === 'overlay') return { rev: msg.state.rev, kpi: msg.state.kpi, product: msg.state.product, alerts: null, ingest: null };
  if (msg.type === 'state') {
    const s: DeskState = msg.state;
    return { rev: s.rev, kpi: s.kpi, product: s.product, alerts: s.alerts, ingest: s.ingest ?? [] };
  }
  return null;
}

/** Adds a point per second at most (the last frame of a second wins), keeping the newest HISTORY_MAX. */
export function pushHistory(history: readonly HistoryPoint[], frame: KpiFrame, now: number): HistoryPoint[] {
  const point = { ts: now, online: frame.kpi.online, gmvFen: frame.kpi.gmvFen };
  const last = history[history.length - 1];
  if (last && Math.floor(last.ts / 1000) === Math.floor(now / 1000)) return [...history.slice(0, -1), point];
  return [...history, point].slice(-HISTORY_MAX);
}

/**
 * Coalesces a burst of frames into one render per `intervalMs`: at 10k events/s the core already
 * pushes at most every 20 ms, and an overlay that repaints less often stays smooth in OBS.
 */
export class FrameCoalescer {
  private pending: KpiFrame | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = 0;

  constructor(
    private readonly apply: (frame: KpiFrame) => void,
    private readonly intervalMs = 250,
    private readonly now: () => number = Date.now,
  ) {}

  push(frame: KpiFrame): void {
    this.pending = frame;
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - this.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const frame = this.pending;
    this.pending = null;
    this.lastFlush = this.now();
    if (frame) this.apply(frame);
  }
}
