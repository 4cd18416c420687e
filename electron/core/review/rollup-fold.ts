import { isBeforeSession } from '../contract/index.js';

/**
 * Folds raw log events into 10-second rollup rows. Pure: the store feeds it events and merges the rows
 * it returns, so the same fold serves a one-off build of a 2M-event session and the few events a live
 * session gained since the last look. Bucket k covers [start + k·10 s, start + (k+1)·10 s) of the
 * session: show time, not the wall clock, so a reading at show time 0:30 lands in 0:30's bucket.
 */
export const ROLLUP_BUCKET_MS = 10_000;

export interface RollupRow {
  bucket: number;
  online_last: number | null;
  online_last_ts: number | null;
  online_max: number | null;
  online_sum: number;
  online_n: number;
  viewers_cum: number | null;
  views_cum: number | null;
  likes_cum: number | null;
  comments_cum: number | null;
  followers_cum: number | null;
  exposures_cum: number | null;
  clicks_cum: number | null;
  adspend_cum: number | null;
  gmv_fen: number;
  orders: number;
  refunds_fen: number;
  likes: number;
  comments: number;
  follows: number;
  enters: number;
  events: number;
  /** Viewer-milliseconds watched (∫ online dt), each step counted in the bucket of the reading that ends it. */
  watch_ms: number;
}

export const ROLLUP_COLUMNS = [
  'bucket', 'online_last', 'online_last_ts', 'online_max', 'online_sum', 'online_n', 'viewers_cum', 'views_cum', 'likes_cum',
  'comments_cum', 'followers_cum', 'exposures_cum', 'clicks_cum', 'adspend_cum', 'gmv_fen', 'orders', 'refunds_fen', 'likes', 'comments',
  'follows', 'enters', 'events', 'watch_ms',
] as const satisfies readonly (keyof RollupRow)[];

/** The max-merged cumulative snapshot counters and which snapshot field feeds each. */
export const CUMULATIVE: readonly [keyof RollupRow, string][] = [
  ['viewers_cum', 'viewersUv'],
  ['views_cum', 'viewsPv'],
  ['likes_cum', 'likes'],
  ['comments_cum', 'comments'],
  ['followers_cum', 'newFollowers'],
  ['exposures_cum', 'productExposures'],
  ['clicks_cum', 'productClicks'],
  ['adspend_cum', 'adSpend'],
];

export const emptyRow = (bucket: number): RollupRow => ({
  bucket,
  online_last: null,
  online_last_ts: null,
  online_max: null,
  online_sum: 0,
  online_n: 0,
  viewers_cum: null,
  views_cum: null,
  likes_cum: null,
  comments_cum: null,
  followers_cum: null,
  exposures_cum: null,
  clicks_cum: null,
  adspend_cum: null,
  gmv_fen: 0,
  orders: 0,
  refunds_fen: 0,
  likes: 0,
  comments: 0,
  follows: 0,
  enters: 0,
  events: 0,
  watch_ms: 0,
});

const maxOf = (a: number | null, b: number): number => (a === null || b > a ? b : a);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Kinds the review lanes read; audience chatter and the action echo stay out. */
export function isLaneKind(kind: string): boolean {
  return !kind.startsWith('ingest.') && !kind.startsWith('action') && !kind.startsWith('explain.') && kind !== 'session.start' && kind !== 'session.end';
}

/** The distinct people the live desk counts: who entered, who followed, who commented or followed. */
export type PersonRole = 'viewer' | 'follower' | 'interactor';

/** The last online reading before a chunk, so watch time runs on across chunk boundaries. */
export interface OnlineCarry {
  online: number;
  ts: number;
}

export class RollupFold {
  readonly rows = new Map<number, RollupRow>();
  readonly people: Record<PersonRole, Set<string>> = { viewer: new Set(), follower: new Set(), interactor: new Set() };

  /** `origin` is the session's start; `carry` the last online reading already folded, if any. */
  constructor(
    private readonly origin: number,
    private carry: OnlineCarry | null = null,
  ) {}

  private row(ts: number): RollupRow {
    const bucket = Math.floor((ts - this.origin) / ROLLUP_BUCKET_MS);
    let row = this.rows.get(bucket);
    if (!row) {
      row = emptyRow(bucket);
      this.rows.set(bucket, row);
    }
    return row;
  }

  /** Adds one event; `data` is parsed only for the kinds whose fields matter. */
  add(ts: number, kind: string, rawData: string): void {
    // The live path leaves these out (ingest-service); a log written before it did must not differ.
    if (kind.startsWith('ingest.') && isBeforeSession(ts, this.origin)) return;
    const row = this.row(ts);
    row.events += 1;
    switch (kind) {
      case 'ingest.snapshot': {
        const d = parseData(rawData);
        const online = num(d.online);
        if (online !== null) {
          // Watch time as the live desk counts it (KpiTracker.applyOnline): the previous gauge × the time since.
          if (this.carry === null || ts >= this.carry.ts) {
            if (this.carry !== null) row.watch_ms += this.carry.online * (ts - this.carry.ts);
            this.carry = { online, ts };
          }
          if (row.online_last_ts === null || ts >= row.online_last_ts) {
            row.online_last = online;
            row.online_last_ts = ts;
          }
          row.online_max = maxOf(row.online_max, online);
          row.online_sum += online;
          row.online_n += 1;
        }
        for (const [column, field] of CUMULATIVE) {
          const v = num(d[field]);
          if (v !== null) (row[column] as number | null) = maxOf(row[column] as number | null, v);
        }
        break;
      }
      case 'ingest.order':
        row.gmv_fen += num(parseData(rawData).amount) ?? 0;
        row.orders += 1;
        break;
      case 'ingest.refund': {
        // `appliedFen`: what the live desk counted (capped at what was left of the order); older logs lack it.
        const d = parseData(rawData);
        if (d.appliedFen !== undefined) row.refunds_fen += num(d.appliedFen) ?? 0;
        else if (d.known !== false) row.refunds_fen += num(d.amount) ?? 0;
        break;
      }
      case 'ingest.like':
        row.likes += num(parseData(rawData).count) ?? 1;
        break;
      case 'ingest.comment':
        row.comments += 1;
        this.person(rawData, 'interactor');
        break;
      case 'ingest.follow':
        row.follows += 1;
        this.person(rawData, 'follower', 'interactor');
        break;
      case 'ingest.enter':
        row.enters += 1;
        this.person(rawData, 'viewer');
        break;
    }
  }

  private person(rawData: string, ...roles: PersonRole[]): void {
    const user = parseData(rawData).user;
    if (typeof user !== 'string') return;
    for (const role of roles) this.people[role].add(user);
  }
}

/** A stored event's data; a damaged one (a crafted bundle, a bad disk) adds no figures instead of failing the review. */
function parseData(raw: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
