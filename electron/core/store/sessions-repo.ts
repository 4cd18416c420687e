import { randomUUID } from 'node:crypto';
import { sessionSummarySchema, type ExplainSegment, type SessionEvent, type SessionSummary } from '../contract/index.js';
import type { Statement } from 'better-sqlite3';
import { inChunks, valuesOf } from './chunks.js';
import type { Db } from './database.js';
import { storedObject, storedValue } from './stored-json.js';

const APPEND_CHUNK = 100;

interface SessionRow {
  id: string;
  title: string;
  plan_id: string | null;
  currency: string;
  rehearsal: number;
  started_at: number;
  ended_at: number | null;
  status: SessionSummary['status'];
}

const toSummary = (r: SessionRow): SessionSummary => ({
  id: r.id,
  title: r.title,
  currency: r.currency,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  status: r.status,
  rehearsal: r.rehearsal === 1,
});

/** A stored session row that does not pass the live schema (a foreign currency, a blob title) is reported and skipped. */
const checked = (r: SessionRow): SessionSummary | null => storedValue(toSummary(r), sessionSummarySchema, `sessions row ${String(r.id).slice(0, 64)}`) ?? null;

export interface NewEvent {
  ts: number;
  kind: string;
  data: Record<string, unknown>;
}

/** Sessions, their append-only event log and their explain (讲解) segments. */
export class SessionsRepo {
  private readonly insertEventStmt;
  private readonly byIdStmt;
  private appendChunkStmt: Statement | undefined;

  constructor(private readonly db: Db) {
    this.insertEventStmt = db.prepare('INSERT INTO events (session_id, ts, kind, data) VALUES (?, ?, ?, ?)');
    this.byIdStmt = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
  }

  create(input: { title: string; planId?: string | undefined; currency?: string; rehearsal: boolean; startedAt: number }): SessionSummary {
    const id = `${new Date(input.startedAt).toISOString().slice(0, 10).replaceAll('-', '')}-${randomUUID().slice(0, 8)}`;
    this.db
      .prepare(
        `INSERT INTO sessions (id, title, plan_id, currency, rehearsal, started_at, status)
         VALUES (?, ?, ?, ?, ?, ?, 'live')`,
      )
      .run(id, input.title, input.planId ?? null, input.currency ?? 'CNY', input.rehearsal ? 1 : 0, input.startedAt);
    return this.get(id) as SessionSummary;
  }

  get(id: string): SessionSummary | null {
    const row = this.byIdStmt.get(id);
    return row ? checked(row) : null;
  }

  /** Whether a session row with this id exists (what a foreign key on session_id vouches for). */
  exists(id: string): boolean {
    return this.byIdStmt.get(id) !== undefined;
  }

  live(): SessionSummary | null {
    const row = this.db.prepare<[], SessionRow>(`SELECT * FROM sessions WHERE status = 'live' ORDER BY started_at DESC LIMIT 1`).get();
    return row ? checked(row) : null;
  }

  list(): SessionSummary[] {
    return this.db
      .prepare<[], SessionRow>('SELECT * FROM sessions ORDER BY started_at DESC')
      .all()
      .flatMap((r) => checked(r) ?? []);
  }

  end(id: string, endedAt: number, status: 'ended' | 'interrupted' = 'ended'): void {
    this.db.prepare('UPDATE sessions SET ended_at = ?, status = ? WHERE id = ?').run(endedAt, status, id);
  }

  /**
   * Sessions still marked live when the core starts were cut off by a crash or a kill: they become
   * `interrupted`, ending at their last logged event.
   */
  markInterrupted(): SessionSummary[] {
    const stale = this.db.prepare<[], SessionRow>(`SELECT * FROM sessions WHERE status = 'live'`).all();
    for (const row of stale) {
      const last = this.db.prepare<[string], { ts: number | null }>('SELECT MAX(ts) AS ts FROM events WHERE session_id = ?').get(row.id);
      this.end(row.id, last?.ts ?? row.started_at, 'interrupted');
      this.db
        .prepare('UPDATE explain_segments SET ended_at = ? WHERE session_id = ? AND ended_at IS NULL')
        .run(last?.ts ?? row.started_at, row.id);
    }
    return stale.flatMap((r) => this.get(r.id) ?? []);
  }

  /** The newest session cut off by a crash, if any. */
  latestInterrupted(): SessionSummary | null {
    const row = this.db.prepare<[], SessionRow>(`SELECT * FROM sessions WHERE status = 'interrupted' ORDER BY started_at DESC LIMIT 1`).get();
    return row ? checked(row) : null;
  }

  /** An interrupted session goes live again: the show continued after a restart. */
  reopen(id: string): void {
    this.db.prepare(`UPDATE sessions SET ended_at = NULL, status = 'live' WHERE id = ? AND status = 'interrupted'`).run(id);
  }

  append(sessionId: string, event: NewEvent): number {
    return Number(this.insertEventStmt.run(sessionId, event.ts, event.kind, JSON.stringify(event.data)).lastInsertRowid);
  }

  /**
   * Appends many events in one go (inside the caller's transaction), 100 rows per statement: at 10k
   * events a second the per-statement cost, not SQLite, is what a row-by-row insert pays for. The
   * session id is bound once per statement (@s), not once per row. `rows` is flat, `ts, kind, json`
   * per event, so a batch allocates no object per row (ingest's GC).
   * Returns the id of the first row; the rest follow consecutively (rowids of one writer's inserts).
   */
  appendMany(sessionId: string, rows: readonly (string | number)[]): number {
    const session = { s: sessionId };
    let first = -1;
    inChunks(
      rows.length / 3,
      APPEND_CHUNK,
      (from) => {
        this.appendChunkStmt ??= this.db.prepare(`INSERT INTO events (session_id, ts, kind, data) VALUES ${valuesOf('(@s, ?, ?, ?)', APPEND_CHUNK)}`);
        const last = Number(this.appendChunkStmt.run(rows.slice(from * 3, (from + APPEND_CHUNK) * 3), session).lastInsertRowid);
        if (first < 0) first = last - APPEND_CHUNK + 1;
      },
      (i) => {
        const id = Number(this.insertEventStmt.run(sessionId, rows[i * 3], rows[i * 3 + 1], rows[i * 3 + 2]).lastInsertRowid);
        if (first < 0) first = id;
      },
    );
    return first;
  }

  events(sessionId: string, options: { limit: number; excludeKinds?: readonly string[]; newestFirst?: boolean }): SessionEvent[] {
    const exclude = options.excludeKinds ?? [];
    const filter = exclude.length ? `AND kind NOT IN (${exclude.map(() => '?').join(',')})` : '';
    const order = options.newestFirst ? 'DESC' : 'ASC';
    return this.db
      .prepare<unknown[], { id: number; ts: number; kind: string; data: string }>(
        `SELECT id, ts, kind, data FROM events WHERE session_id = ? ${filter} ORDER BY id ${order} LIMIT ?`,
      )
      .all(sessionId, ...exclude, options.limit)
      .flatMap((r) => {
        const data = storedObject(r.data, `events.data of session ${sessionId}`);
        return data ? [{ id: r.id, ts: r.ts, kind: r.kind, data }] : [];
      });
  }

  /** The session's ingested events in log order (rows, one at a time: a 12-hour log does not fit twice in memory). */
  *ingestEvents(sessionId: string): IterableIterator<NewEvent> {
    const rows = this.db
      .prepare<[string], { ts: number; kind: string; data: string }>(`SELECT ts, kind, data FROM events WHERE session_id = ? AND kind LIKE 'ingest.%' ORDER BY id`)
      .iterate(sessionId);
    // A damaged row is reported and skipped: this replay runs at start, and start must not depend on it.
    for (const row of rows) {
      const data = storedObject(row.data, `events.data of session ${sessionId}`);
      if (data) yield { ts: row.ts, kind: row.kind, data };
    }
  }

  eventCount(sessionId: string): number {
    return (this.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM events WHERE session_id = ?').get(sessionId) as { n: number }).n;
  }

  startSegment(sessionId: string, sku: string, name: string, startedAt: number): number {
    return Number(
      this.db
        .prepare('INSERT INTO explain_segments (session_id, sku, name, started_at) VALUES (?, ?, ?, ?)')
        .run(sessionId, sku, name, startedAt).lastInsertRowid,
    );
  }

  endSegment(segmentId: number, endedAt: number): void {
    this.db.prepare('UPDATE explain_segments SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(endedAt, segmentId);
  }

  segments(sessionId: string): ExplainSegment[] {
    return this.db
      .prepare<[string], { sku: string; name: string; started_at: number; ended_at: number | null }>(
        'SELECT sku, name, started_at, ended_at FROM explain_segments WHERE session_id = ? ORDER BY started_at',
      )
      .all(sessionId)
      .map((r) => ({ sku: r.sku, name: r.name, startedAt: r.started_at, endedAt: r.ended_at }));
  }
}
