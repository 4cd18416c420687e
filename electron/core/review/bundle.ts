import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DeskError, type BundleImportReply } from '../contract/index.js';
import { openDatabase, SCHEMA_VERSION, type Db } from '../store/database.js';
import { checkBundleRows, checkBundleStructure, deskSchema, type DeskSchema } from './bundle-check.js';

/**
 * Session bundles (DESIGN §4): one SQLite file, the desk's own schema, holding chosen sessions with
 * everything logged in them and the products they refer to. Every table with a `session_id` column
 * travels, so tables other features add later come along without changes here.
 */
export const BUNDLE_FORMAT = 'livedesk-session-bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_EXTENSION = '.ldbundle';
const MARKER_KEY = 'bundle';
const SQLITE_MAGIC = 'SQLite format 3\0';

interface Column {
  name: string;
  type: string;
  pk: number;
}

function sessionTables(db: Db, schema: string): string[] {
  const tables = db
    .prepare<[], { name: string }>(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid`)
    .all()
    .map((r) => r.name);
  return tables.filter((t) => t !== 'sessions' && columns(db, schema, t).some((c) => c.name === 'session_id'));
}

function columns(db: Db, schema: string, table: string): Column[] {
  return db.prepare<[], Column>(`PRAGMA ${schema}.table_info("${table}")`).all();
}

/** Columns both sides have; a rowid alias (`id INTEGER PRIMARY KEY`) is left for the target to assign. */
function shared(db: Db, table: string, from: string, to: string, keepRowid: boolean): string {
  const target = new Set(columns(db, to, table).map((c) => c.name));
  const src = columns(db, from, table);
  const pkCount = src.filter((c) => c.pk > 0).length;
  return src
    .filter((c) => target.has(c.name))
    .filter((c) => keepRowid || !(pkCount === 1 && c.pk === 1 && c.type.toUpperCase() === 'INTEGER'))
    .map((c) => `"${c.name}"`)
    .join(', ');
}

/** Keeps the log's order on import; WITHOUT ROWID tables have no rowid to order by. */
function orderByRowid(db: Db, schema: string, table: string): string {
  const sql = db.prepare<[string], { sql: string }>(`SELECT sql FROM ${schema}.sqlite_master WHERE name = ?`).get(table)?.sql ?? '';
  return /WITHOUT\s+ROWID/i.test(sql) ? '' : ' ORDER BY rowid';
}

/** Writes `ids` (with their products) into a new bundle file at `file`. */
export function exportBundle(db: Db, ids: readonly string[], file: string, at: number): void {
  const created = openDatabase(file);
  created.pragma('journal_mode = DELETE');
  created
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
    .run(MARKER_KEY, JSON.stringify({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, schema: SCHEMA_VERSION, createdAt: at, sessions: ids }));
  created.close();
  db.prepare('ATTACH DATABASE ? AS bundle').run(file);
  try {
    db.transaction(() => {
      const list = ids.map(() => '?').join(', ');
      db.prepare(`INSERT INTO bundle.sessions (${shared(db, 'sessions', 'main', 'bundle', true)}) SELECT ${shared(db, 'sessions', 'main', 'bundle', true)} FROM main.sessions WHERE id IN (${list})`).run(...ids);
      for (const table of sessionTables(db, 'bundle')) {
        const cols = shared(db, table, 'main', 'bundle', true);
        db.prepare(`INSERT INTO bundle."${table}" (${cols}) SELECT ${cols} FROM main."${table}" WHERE session_id IN (${list})`).run(...ids);
      }
      const cols = shared(db, 'products', 'main', 'bundle', true);
      db.prepare(
        `INSERT INTO bundle.products (${cols}) SELECT ${cols} FROM main.products WHERE sku IN (
           SELECT sku FROM main.explain_segments WHERE session_id IN (${list}) UNION SELECT sku FROM main.orders WHERE session_id IN (${list}))`,
      ).run(...ids, ...ids);
    })();
  } finally {
    db.prepare('DETACH DATABASE bundle').run();
  }
}

const refuse = (message: string) => new DeskError('bad_request', message);

/**
 * Checks that `file` is a LiveDesk bundle this version can read, before anything is touched: an
 * SQLite file, intact, with the bundle marker, from this schema or an older one.
 */
export function inspectBundle(file: string, desk?: DeskSchema): { sessions: { id: string; title: string }[]; schema: number } {
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 16 || head.toString('latin1') !== SQLITE_MAGIC) throw refuse('not a LiveDesk session bundle: the file is not an SQLite database');
  let probe: Db;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw refuse(`the bundle cannot be opened: ${(error as Error).message}`);
  }
  try {
    let check: unknown;
    try {
      check = probe.pragma('quick_check', { simple: true });
    } catch (error) {
      throw refuse(`the bundle is damaged: ${(error as Error).message}`);
    }
    if (check !== 'ok') throw refuse(`the bundle is damaged: ${String(check)}`);
    const schema = probe.pragma('user_version', { simple: true }) as number;
    let marker: string | undefined;
    try {
      marker = probe.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(MARKER_KEY)?.value;
    } catch {
      marker = undefined;
    }
    let parsed: { format?: unknown } | null = null;
    try {
      parsed = marker ? (JSON.parse(marker) as { format?: unknown }) : null;
    } catch {
      parsed = null;
    }
    if (parsed?.format !== BUNDLE_FORMAT) throw refuse('not a LiveDesk session bundle: an SQLite file without the bundle marker (a desk database or another program’s file?)');
    if (schema > SCHEMA_VERSION) throw refuse(`the bundle is from a newer LiveDesk (schema ${schema}, this version knows ${SCHEMA_VERSION}); update LiveDesk to open it`);
    // Before anything runs on the file (an older bundle is migrated in place): no triggers, views or foreign tables.
    if (desk) checkBundleStructure(probe, desk);
    const sessions = probe.prepare<[], { id: string; title: string }>('SELECT id, title FROM sessions ORDER BY started_at LIMIT 10000').all();
    if (!sessions.length) throw refuse('the bundle holds no sessions');
    return { sessions, schema };
  } finally {
    probe.close();
  }
}

/**
 * Imports every session of a checked bundle in one transaction: all or nothing. A session this desk
 * already has is skipped (a bundle opened twice changes nothing). The bundle file is migrated in
 * place first when it comes from an older schema, so callers pass a scratch copy.
 */
export function importBundle(db: Db, file: string, now: number): BundleImportReply {
  const { sessions, schema } = inspectBundle(file, deskSchema(db));
  if (schema < SCHEMA_VERSION) openDatabase(file).close();
  // Every row import copies, checked whole before anything is written: a bundle opens whole or not at all.
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    checkBundleRows(probe, sessionTables(probe, 'main'), now);
  } finally {
    probe.close();
  }
  const existing = new Set(sessions.filter((s) => db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(s.id)).map((s) => s.id));
  const reply: BundleImportReply = {
    imported: sessions.filter((s) => !existing.has(s.id)),
    skipped: sessions.filter((s) => existing.has(s.id)).map((s) => ({ ...s, reason: 'already on this desk' })),
  };
  if (!reply.imported.length) return reply;
  db.prepare('ATTACH DATABASE ? AS bundle').run(file);
  try {
    db.transaction(() => {
      for (const { id } of reply.imported) {
        const cols = shared(db, 'sessions', 'bundle', 'main', true);
        db.prepare(`INSERT INTO main.sessions (${cols}) SELECT ${cols} FROM bundle.sessions WHERE id = ?`).run(id);
        for (const table of sessionTables(db, 'main')) {
          if (!sessionTables(db, 'bundle').includes(table)) continue;
          const c = shared(db, table, 'bundle', 'main', false);
          db.prepare(`INSERT INTO main."${table}" (${c}) SELECT ${c} FROM bundle."${table}" WHERE session_id = ?${orderByRowid(db, 'bundle', table)}`).run(id);
        }
        // A session that was live where the bundle came from is not live here.
        db.prepare(
          `UPDATE main.sessions SET status = 'interrupted', ended_at = COALESCE(ended_at, (SELECT MAX(ts) FROM main.events WHERE session_id = ?), started_at)
           WHERE id = ? AND status = 'live'`,
        ).run(id, id);
        // Event ids are reassigned on import: the rollups stay valid only if they had seen the whole log.
        const complete = db
          .prepare<[string, string], { ok: number }>(
            `SELECT COALESCE((SELECT last_event_id FROM bundle.review_cursor WHERE session_id = ?), -1) =
                    COALESCE((SELECT MAX(id) FROM bundle.events WHERE session_id = ?), 0) AS ok`,
          )
          .get(id, id);
        if (complete?.ok) {
          db.prepare('UPDATE main.review_cursor SET last_event_id = (SELECT COALESCE(MAX(id), 0) FROM main.events WHERE session_id = ?) WHERE session_id = ?').run(id, id);
        } else {
          for (const t of ['review_rollup', 'review_marks', 'review_cursor']) db.prepare(`DELETE FROM main.${t} WHERE session_id = ?`).run(id);
        }
      }
      // Products the review names (checked above like every row): added when missing, never
      // replacing what the live catalog already holds under that SKU. Their picture stays behind: a
      // path or address from another machine is not one this desk's user entered (keys would fetch it).
      const cols = shared(db, 'products', 'bundle', 'main', true);
      const values = cols.split(', ').map((c) => (c === '"image"' ? 'NULL' : c)).join(', ');
      db.prepare(`INSERT OR IGNORE INTO main.products (${cols}) SELECT ${values} FROM bundle.products`).run();
    })();
  } finally {
    db.prepare('DETACH DATABASE bundle').run();
  }
  return reply;
}

/** Removes a scratch bundle and the journal files SQLite may have left beside it. */
export function removeBundleFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}
