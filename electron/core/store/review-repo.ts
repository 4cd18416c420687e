import { CUMULATIVE, isLaneKind, RollupFold, ROLLUP_COLUMNS, type RollupRow } from '../review/rollup-fold.js';
import type { SessionNotesReply } from '../contract/index.js';
import type { Db } from './database.js';

export interface MarkRow {
  ts: number;
  kind: string;
  data: Record<string, unknown>;
}

export interface SkuTotals {
  sku: string;
  orders: number;
  qty: number;
  gmvFen: number;
}

const SUMMED = new Set(['online_sum', 'online_n', 'gmv_fen', 'orders', 'refunds_fen', 'likes', 'comments', 'follows', 'enters', 'events']);
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
    while (left > 0) {
      const cursor = this.cursorGet.get(sessionId)?.last_event_id ?? 0;
      const events = this.readChunk.all(sessionId, cursor, Math.min(chunk, left));
      if (!events.length) return true;
      const fold = new RollupFold();
      const marks: [number, string, string][] = [];
      for (const e of events) {
        fold.add(e.ts, e.kind, e.data);
        if (isLaneKind(e.kind)) marks.push([e.ts, e.kind, e.data]);
      }
      const last = (events[events.length - 1] as { id: number }).id;
      this.db.transaction(() => {
        for (const row of fold.rows.values()) this.upsertRow.run(sessionId, ...ROLLUP_COLUMNS.map((c) => row[c]));
        for (const [ts, kind, data] of marks) this.insertMark.run(sessionId, ts, kind, data);
        this.cursorSet.run(sessionId, last);
      })();
      left -= events.length;
      if (events.length < chunk) return true;
    }
    return false;
  }

  rollup(sessionId: string): RollupRow[] {
    return this.db
      .prepare<[string], RollupRow>(`SELECT ${ROLLUP_COLUMNS.join(', ')} FROM review_rollup WHERE session_id = ? ORDER BY bucket`)
      .all(sessionId);
  }

  marks(sessionId: string): MarkRow[] {
    return this.db
      .prepare<[string], { ts: number; kind: string; data: string }>('SELECT ts, kind, data FROM review_marks WHERE session_id = ? ORDER BY ts, rowid')
      .all(sessionId)
      .map((r) => ({ ts: r.ts, kind: r.kind, data: JSON.parse(r.data) as Record<string, unknown> }));
  }

  /** Orders per SKU over the whole session. */
  skuTotals(sessionId: string): SkuTotals[] {
    return this.db
      .prepare<[string], SkuTotals>(
        'SELECT sku, COUNT(*) AS orders, SUM(qty) AS qty, SUM(amount_fen) AS gmvFen FROM orders WHERE session_id = ? GROUP BY sku',
      )
      .all(sessionId);
  }

  /** Orders of one SKU with `from <= ts < to`. */
  skuWithin(sessionId: string, sku: string, from: number, to: number): { orders: number; qty: number; gmvFen: number } {
    const r = this.db
      .prepare<[string, string, number, number], { orders: number; qty: number | null; gmv: number | null }>(
        'SELECT COUNT(*) AS orders, SUM(qty) AS qty, SUM(amount_fen) AS gmv FROM orders WHERE session_id = ? AND sku = ? AND ts >= ? AND ts < ?',
      )
      .get(sessionId, sku, from, to) as { orders: number; qty: number | null; gmv: number | null };
    return { orders: r.orders, qty: r.qty ?? 0, gmvFen: r.gmv ?? 0 };
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

  buyers(sessionId: string): number {
    const r = this.db
      .prepare<[string], { named: number; anonymous: number }>(
        'SELECT COUNT(DISTINCT buyer) AS named, SUM(buyer IS NULL) AS anonymous FROM orders WHERE session_id = ?',
      )
      .get(sessionId) as { named: number; anonymous: number | null };
    return r.named + (r.anonymous ?? 0);
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
    return { ...(JSON.parse(row.body) as Omit<SessionNotesReply, 'updatedAt'>), updatedAt: row.updated_at };
  }

  putNotes(sessionId: string, body: Omit<SessionNotesReply, 'updatedAt'>, at: number): void {
    this.db
      .prepare(
        `INSERT INTO session_notes (session_id, body, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (session_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
      )
      .run(sessionId, JSON.stringify(body), at);
  }

  /** Remembers files already imported from a review folder (settings keys, so nothing new to migrate). */
  seen(key: string): boolean {
    return this.db.prepare('SELECT 1 FROM settings WHERE key = ?').get(`review-folder:${key}`) !== undefined;
  }

  markSeen(key: string, at: number): void {
    this.db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(`review-folder:${key}`, String(at));
  }
}
