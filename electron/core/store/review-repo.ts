import { CUMULATIVE, isLaneKind, RollupFold, ROLLUP_BUCKET_MS, ROLLUP_COLUMNS, type OnlineCarry, type PersonRole } from '../review/rollup-fold.js';
import { z } from 'zod';
import { sessionNotesSchema, type SessionNotesReply } from '../contract/index.js';
import { buyerCount } from './commerce-repo.js';
import { storedJson } from './stored-json.js';
import type { Db } from './database.js';

export interface MarkRow {
  ts: number;
  kind: string;
  data: Record<string, unknown>;
}

export interface SkuTotals {
  sku: string;
  orders: number;
  gmvFen: number;
}

/** One group of rollup buckets (see `curveGroups`). */
export interface CurveGroup {
  k: number;
  online: number | null;
  onlineMax: number | null;
  viewers: number | null;
  likesCum: number | null;
  commentsCum: number | null;
  followersCum: number | null;
  gmv: number;
  orders: number;
  likes: number;
  comments: number;
  follows: number;
}

export interface RollupTotals {
  gmvFen: number;
  orders: number;
  refundsFen: number;
  likes: number;
  comments: number;
  follows: number;
  peakOnline: number | null;
  viewersUv: number | null;
  viewsPv: number | null;
  likesCum: number | null;
  commentsCum: number | null;
  followersCum: number | null;
  productExposures: number | null;
  productClicks: number | null;
  adSpendFen: number | null;
  enters: number;
  watchMs: number;
}

const SUMMED = new Set(['online_sum', 'online_n', 'gmv_fen', 'orders', 'refunds_fen', 'likes', 'comments', 'follows', 'enters', 'events', 'watch_ms']);
const MAXED = new Set(['online_max', ...CUMULATIVE.map(([c]) => c as string)]);

/** How an existing rollup row absorbs a delta row for the same bucket. */
function mergeExpression(column: string): string {
  if (SUMMED.has(column)) return `${column} = ${column} + excluded.${column}`;
  if (MAXED.has(column)) return `${column} = CASE WHEN ${column} IS NULL THEN excluded.${column} WHEN excluded.${column} IS NULL THEN ${column} ELSE MAX(${column}, excluded.${column}) END`;
  if (column === 'online_last') {
    return `online_last = CASE WHEN excluded.online_last_ts IS NOT NULL AND (online_last_ts IS NULL OR excluded.online_last_ts >= online_last_ts) THEN excluded.online_last ELSE online_last END`;
  }
  if (column === 'online_last_ts') {
    return `online_last_ts = CASE WHEN online_last_ts IS NULL THEN excluded.online_last_ts WHEN excluded.online_last_ts IS NULL THEN online_last_ts ELSE MAX(online_last_ts, excluded.online_last_ts) END`;
  }
  throw new Error(`no merge rule for rollup column ${column}`);
}

/**
 * Review's own tables (DESIGN §4: rollups beside the log): the 10-second rollups and the lane events,
 * both caught up from the log by event id, plus tags, notes, and the per-product order questions.
 */
export class ReviewRepo {
  private readonly upsertRow;
  private readonly insertMark;
  private readonly readChunk;
  private readonly cursorGet;
  private readonly cursorSet;
  private readonly curveRowsStmt;
  private readonly skuWithinStmt;
  private readonly originStmt;
  private readonly carryStmt;
  private readonly insertPerson;

  constructor(private readonly db: Db) {
    const cols = ROLLUP_COLUMNS.join(', ');
    const merges = ROLLUP_COLUMNS.filter((c) => c !== 'bucket').map(mergeExpression).join(', ');
    this.upsertRow = db.prepare(
      `INSERT INTO review_rollup (session_id, ${cols}) VALUES (?, ${ROLLUP_COLUMNS.map(() => '?').join(', ')})
       ON CONFLICT (session_id, bucket) DO UPDATE SET ${merges}`,
    );
    this.insertMark = db.prepare('INSERT INTO review_marks (session_id, ts, kind, data) VALUES (?, ?, ?, ?)');
    this.readChunk = db.prepare<[string, number, number], { id: number; ts: number; kind: string; data: string }>(
      'SELECT id, ts, kind, data FROM events WHERE session_id = ? AND id > ? ORDER BY id LIMIT ?',
    );
    this.curveRowsStmt = db
      .prepare(
        `SELECT bucket, online_last, online_last_ts, online_max, viewers_cum, likes_cum, comments_cum, followers_cum, gmv_fen, orders, likes, comments, follows
         FROM review_rollup WHERE session_id = ? ORDER BY bucket`,
      )
      .raw();
    this.skuWithinStmt = db.prepare<[string, string, number, number], { orders: number; gmv: number | null }>(
      'SELECT COUNT(*) AS orders, SUM(amount_fen) AS gmv FROM orders WHERE session_id = ? AND sku = ? AND ts >= ? AND ts < ?',
    );
    this.originStmt = db.prepare<[string], { started_at: number }>('SELECT started_at FROM sessions WHERE id = ?');
    this.carryStmt = db.prepare<[string], { online: number; ts: number }>(
      'SELECT online_last AS online, online_last_ts AS ts FROM review_rollup WHERE session_id = ? AND online_last_ts IS NOT NULL ORDER BY online_last_ts DESC LIMIT 1',
    );
    this.insertPerson = db.prepare('INSERT OR IGNORE INTO review_people (session_id, role, user) VALUES (?, ?, ?)');
    this.cursorGet = db.prepare<[string], { last_event_id: number }>('SELECT last_event_id FROM review_cursor WHERE session_id = ?');
    this.cursorSet = db.prepare(
      `INSERT INTO review_cursor (session_id, last_event_id) VALUES (?, ?)
       ON CONFLICT (session_id) DO UPDATE SET last_event_id = excluded.last_event_id`,
    );
  }

  /**
   * Folds up to `maxEvents` log events the rollups have not seen yet; returns true once caught up.
   * Each chunk commits with its cursor, so a crash mid-build resumes where it stopped.
   */
  catchUp(sessionId: string, maxEvents = Number.MAX_SAFE_INTEGER, chunk = 100_000): boolean {
    let left = maxEvents;
    const origin = this.originStmt.get(sessionId)?.started_at ?? 0;
    while (left > 0) {
      const cursor = this.cursorGet.get(sessionId)?.last_event_id ?? 0;
      const events = this.readChunk.all(sessionId, cursor, Math.min(chunk, left));
      if (!events.length) return true;
      const fold = new RollupFold(origin, (this.carryStmt.get(sessionId) as OnlineCarry | undefined) ?? null);
      const marks: [number, string, string][] = [];
      for (const e of events) {
        fold.add(e.ts, e.kind, e.data);
        if (isLaneKind(e.kind)) marks.push([e.ts, e.kind, e.data]);
      }
      const last = (events[events.length - 1] as { id: number }).id;
      this.db.transaction(() => {
        for (const row of fold.rows.values()) this.upsertRow.run(sessionId, ...ROLLUP_COLUMNS.map((c) => row[c]));
        for (const [ts, kind, data] of marks) this.insertMark.run(sessionId, ts, kind, data);
        for (const [role, users] of Object.entries(fold.people)) for (const user of users) this.insertPerson.run(sessionId, role, user);
        this.cursorSet.run(sessionId, last);
      })();
      left -= events.length;
      if (events.length < chunk) return true;
    }
    return false;
  }

  /** How many distinct people of a role the rollups have seen (viewers who entered, followers, interactors). */
  people(sessionId: string, role: PersonRole): number {
    return (this.db.prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM review_people WHERE session_id = ? AND role = ?').get(sessionId, role) as { n: number }).n;
  }

  /**
   * The rollups grouped into `n` buckets of `bucketMs` of show time (rollup buckets already count from
   * the session's start). Rows arrive in bucket order as bare arrays and are grouped in one pass:
   * cheaper here than SQLite's GROUP BY, which sorts through a temporary B-tree. Each group's online
   * value is its last reading.
   */
  curveGroups(sessionId: string, bucketMs: number, n: number): CurveGroup[] {
    const rows = this.curveRowsStmt.all(sessionId) as number[][];
    const groups: CurveGroup[] = [];
    let g: CurveGroup | null = null;
    let lastTs = -1;
    const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a > b ? a : b);
    for (const r of rows) {
      const [bucket, onlineLast, onlineLastTs, onlineMax, viewers, likesCum, commentsCum, followersCum, gmv, orders, likes, comments, follows] = r as [
        number, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number, number, number, number, number,
      ];
      const k = Math.min(n - 1, Math.max(0, Math.floor((bucket * ROLLUP_BUCKET_MS) / bucketMs)));
      if (!g || g.k !== k) {
        g = { k, online: null, onlineMax: null, viewers: null, likesCum: null, commentsCum: null, followersCum: null, gmv: 0, orders: 0, likes: 0, comments: 0, follows: 0 };
        groups.push(g);
        lastTs = -1;
      }
      if (onlineLastTs !== null && onlineLastTs >= lastTs) {
        g.online = onlineLast;
        lastTs = onlineLastTs;
      }
      g.onlineMax = max(g.onlineMax, onlineMax);
      g.viewers = max(g.viewers, viewers);
      g.likesCum = max(g.likesCum, likesCum);
      g.commentsCum = max(g.commentsCum, commentsCum);
      g.followersCum = max(g.followersCum, followersCum);
      g.gmv += gmv;
      g.orders += orders;
      g.likes += likes;
      g.comments += comments;
      g.follows += follows;
    }
    return groups;
  }

  /** Whole-session sums and maxima of the rollups, one row. */
  rollupTotals(sessionId: string): RollupTotals {
    return this.db
      .prepare<[string], RollupTotals>(
        `SELECT COALESCE(SUM(gmv_fen), 0) AS gmvFen, COALESCE(SUM(orders), 0) AS orders, COALESCE(SUM(refunds_fen), 0) AS refundsFen,
                COALESCE(SUM(likes), 0) AS likes, COALESCE(SUM(comments), 0) AS comments, COALESCE(SUM(follows), 0) AS follows,
                MAX(online_max) AS peakOnline, MAX(viewers_cum) AS viewersUv, MAX(views_cum) AS viewsPv, MAX(likes_cum) AS likesCum,
                MAX(comments_cum) AS commentsCum, MAX(followers_cum) AS followersCum, MAX(exposures_cum) AS productExposures,
                MAX(clicks_cum) AS productClicks, MAX(adspend_cum) AS adSpendFen, COALESCE(SUM(enters), 0) AS enters, COALESCE(SUM(watch_ms), 0) AS watchMs
         FROM review_rollup WHERE session_id = ?`,
      )
      .get(sessionId) as RollupTotals;
  }

  /** The last log event the rollups have folded (0 before the first build). */
  cursor(sessionId: string): number {
    return this.cursorGet.get(sessionId)?.last_event_id ?? 0;
  }

  marks(sessionId: string): MarkRow[] {
    return this.db
      .prepare<[string], { ts: number; kind: string; data: string }>('SELECT ts, kind, data FROM review_marks WHERE session_id = ? ORDER BY ts, rowid')
      .all(sessionId)
      .flatMap((r) => {
        const data = storedJson(r.data, z.record(z.string(), z.unknown()), `review_marks.data of session ${sessionId}`);
        return data ? [{ ts: r.ts, kind: r.kind, data }] : [];
      });
  }

  /** Orders per SKU over the whole session (kept with each order: no sort of every order). */
  skuTotals(sessionId: string): SkuTotals[] {
    return this.db
      .prepare<[string], SkuTotals>('SELECT sku, orders, gmv_fen AS gmvFen FROM order_skus WHERE session_id = ? ORDER BY sku')
      .all(sessionId);
  }

  /** Orders of one SKU with `from <= ts < to`, answered from the (ts, sku, amount, qty) index alone. */
  skuWithin(sessionId: string, sku: string, from: number, to: number): { orders: number; gmvFen: number } {
    const r = this.skuWithinStmt.get(sessionId, sku, from, to) as { orders: number; gmv: number | null };
    return { orders: r.orders, gmvFen: r.gmv ?? 0 };
  }

  /** Units of one SKU sold with `from <= ts < to` (from the same index). */
  skuQtyWithin(sessionId: string, sku: string, from: number, to: number): number {
    const r = this.db
      .prepare<[string, string, number, number], { qty: number | null }>('SELECT SUM(qty) AS qty FROM orders WHERE session_id = ? AND sku = ? AND ts >= ? AND ts < ?')
      .get(sessionId, sku, from, to);
    return r?.qty ?? 0;
  }

  /** The online gauge as last known at or before `ts` (per-second rollups), null before the first reading. */
  onlineAt(sessionId: string, ts: number): number | null {
    const row = this.db
      .prepare<[string, number], { online: number }>(
        'SELECT online FROM kpi_seconds WHERE session_id = ? AND second <= ? AND online IS NOT NULL ORDER BY second DESC LIMIT 1',
      )
      .get(sessionId, Math.floor(ts / 1000));
    return row?.online ?? null;
  }

  /** Orders and GMV per wall-clock minute, and the last online reading of each (the platforms' minutes). */
  wallMinutes(sessionId: string): Map<number, { gmvFen: number; orders: number; online: number | null }> {
    const out = new Map<number, { gmvFen: number; orders: number; online: number | null }>();
    const at = (minute: number) => out.get(minute) ?? (out.set(minute, { gmvFen: 0, orders: 0, online: null }).get(minute) as { gmvFen: number; orders: number; online: number | null });
    for (const r of this.db
      .prepare<[string], { minute: number; gmv: number; orders: number }>('SELECT (ts / 60000) * 60000 AS minute, SUM(amount_fen) AS gmv, COUNT(*) AS orders FROM orders WHERE session_id = ? GROUP BY ts / 60000')
      .all(sessionId)) {
      Object.assign(at(r.minute), { gmvFen: r.gmv, orders: r.orders });
    }
    for (const r of this.db
      .prepare<[string], { minute: number; online: number }>('SELECT (second / 60) * 60000 AS minute, online FROM kpi_seconds WHERE session_id = ? AND online IS NOT NULL ORDER BY second')
      .all(sessionId)) {
      at(r.minute).online = r.online;
    }
    return out;
  }

  /** Distinct buyers, each order without a buyer name counted as one (commerce-repo's count). */
  buyers(sessionId: string): number {
    return buyerCount(this.db, sessionId);
  }

  productNames(): Map<string, string> {
    return new Map(this.db.prepare<[], { sku: string; name: string }>('SELECT sku, name FROM products').all().map((r) => [r.sku, r.name]));
  }

  tags(sessionId: string): string[] {
    return this.db.prepare<[string], { tag: string }>('SELECT tag FROM session_tags WHERE session_id = ? ORDER BY tag').all(sessionId).map((r) => r.tag);
  }

  allTags(): Map<string, string[]> {
    const map = new Map<string, string[]>();
    for (const r of this.db.prepare<[], { session_id: string; tag: string }>('SELECT session_id, tag FROM session_tags ORDER BY tag').all()) {
      map.set(r.session_id, [...(map.get(r.session_id) ?? []), r.tag]);
    }
    return map;
  }

  patch(sessionId: string, patch: { title?: string | undefined; tags?: readonly string[] | undefined }): void {
    this.db.transaction(() => {
      if (patch.title !== undefined) this.db.prepare('UPDATE sessions SET title = ? WHERE id = ?').run(patch.title, sessionId);
      if (patch.tags !== undefined) {
        this.db.prepare('DELETE FROM session_tags WHERE session_id = ?').run(sessionId);
        const insert = this.db.prepare('INSERT OR IGNORE INTO session_tags (session_id, tag) VALUES (?, ?)');
        for (const tag of patch.tags) insert.run(sessionId, tag);
      }
    })();
  }

  /** Deletes a session and everything logged in it (foreign keys cascade). */
  deleteSession(sessionId: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
  }

  notes(sessionId: string): SessionNotesReply {
    const row = this.db.prepare<[string], { body: string; updated_at: number }>('SELECT body, updated_at FROM session_notes WHERE session_id = ?').get(sessionId);
    if (!row) return { notes: [], actions: [], updatedAt: null };
    const body = storedJson(row.body, sessionNotesSchema, `session_notes of ${sessionId}`);
    // Damaged notes read as empty (reported); saving new notes replaces them.
    return body ? { ...body, updatedAt: row.updated_at } : { notes: [], actions: [], updatedAt: null };
  }

  putNotes(sessionId: string, body: Omit<SessionNotesReply, 'updatedAt'>, at: number): void {
    this.db
      .prepare(
        `INSERT INTO session_notes (session_id, body, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (session_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
      )
      .run(sessionId, JSON.stringify(body), at);
  }

  /** One plain pass over a session's raw log (every payload read): the floor review benchmarks measure against. */
  scanLog(sessionId: string): { n: number; bytes: number } {
    return this.db.prepare<[string], { n: number; bytes: number }>('SELECT COUNT(*) AS n, SUM(LENGTH(data)) AS bytes FROM events WHERE session_id = ?').get(sessionId) as { n: number; bytes: number };
  }

  /** Remembers files already imported from a review folder (settings keys, so nothing new to migrate). */
  seen(key: string): boolean {
    return this.db.prepare('SELECT 1 FROM settings WHERE key = ?').get(`review-folder:${key}`) !== undefined;
  }

  markSeen(key: string, at: number): void {
    this.db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(`review-folder:${key}`, String(at));
  }
}
