import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { coded, DeskError, type BundleImportReply } from '../contract/index.js';
import { openDatabase, SCHEMA_VERSION, type Db } from '../store/database.js';
import { ORDER_FACT_TABLES, rebuildOrderFacts } from '../store/commerce-repo.js';
import { checkBundleRowSteps, checkBundleStructure, deskSchema, type DeskSchema } from './bundle-check.js';

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

const refuse = (code: 'bundle.notBundle' | 'bundle.damaged' | 'bundle.noSessions', message: string) => new DeskError('bad_request', coded(code, {}, message));

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
  if (read < 16 || head.toString('latin1') !== SQLITE_MAGIC) throw refuse('bundle.notBundle', 'not a LiveDesk session bundle: the file is not an SQLite database');
  let probe: Db;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw refuse('bundle.damaged', `the bundle cannot be opened: ${(error as Error).message}`);
  }
  try {
    let check: unknown;
    try {
      check = probe.pragma('quick_check', { simple: true });
    } catch (error) {
      throw refuse('bundle.damaged', `the bundle is damaged: ${(error as Error).message}`);
    }
    if (check !== 'ok') throw refuse('bundle.damaged', `the bundle is damaged: ${String(check)}`);
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
    if (parsed?.format !== BUNDLE_FORMAT) throw refuse('bundle.notBundle', 'not a LiveDesk session bundle: an SQLite file without the bundle marker (a desk database or another program’s file?)');
    if (schema > SCHEMA_VERSION) {
      const detail = `the bundle is from a newer LiveDesk (schema ${schema}, this version knows ${SCHEMA_VERSION}); update LiveDesk to open it`;
      throw new DeskError('bad_request', coded('bundle.newer', { schema, known: SCHEMA_VERSION }, detail));
    }
    // Before anything runs on the file (an older bundle is migrated in place): no triggers, views or foreign tables.
    if (desk) checkBundleStructure(probe, desk);
    const sessions = probe.prepare<[], { id: string; title: string }>('SELECT id, title FROM sessions ORDER BY started_at LIMIT 10000').all();
    if (!sessions.length) throw refuse('bundle.noSessions', 'the bundle holds no sessions');
    return { sessions, schema };
  } finally {
    probe.close();
  }
}

/** Sessions a checked bundle will add, and those this desk already has (skipped: opening twice changes nothing). */
function planImport(db: Db, sessions: readonly { id: string; title: string }[]): BundleImportReply {
  const existing = new Set(sessions.filter((s) => db.prepare('SELECT 1 FROM main.sessions WHERE id = ?').get(s.id)).map((s) => s.id));
  return {
    imported: sessions.filter((s) => !existing.has(s.id)),
    skipped: sessions.filter((s) => existing.has(s.id)).map((s) => ({ ...s, reason: 'already on this desk' })),
  };
}

/** Rows of the log copied per statement when the import runs in slices. */
const COPY_SLICE = 20_000;

/**
 * The copy of checked sessions from the attached bundle `from` into main, as steps: it yields after
 * each statement (and after every `slice` events), so a caller either runs it whole inside one
 * transaction or lets the event loop run between steps.
 */
function* copySteps(db: Db, from: string, ids: readonly string[], slice: number): Generator<void, void, void> {
  for (const id of ids) {
    const cols = shared(db, 'sessions', from, 'main', true);
    db.prepare(`INSERT INTO main.sessions (${cols}) SELECT ${cols} FROM ${from}.sessions WHERE id = ?`).run(id);
    for (const table of sessionTables(db, 'main')) {
      if (!sessionTables(db, from).includes(table) || (ORDER_FACT_TABLES as readonly string[]).includes(table)) continue;
      const c = shared(db, table, from, 'main', false);
      const order = orderByRowid(db, from, table);
      if (!order) {
        db.prepare(`INSERT INTO main."${table}" (${c}) SELECT ${c} FROM ${from}."${table}" WHERE session_id = ?`).run(id);
        yield;
        continue;
      }
      // In rowid ranges, in order: the log keeps its order and no statement holds the desk for long.
      const range = db.prepare<[string], { lo: number | null; hi: number | null }>(`SELECT MIN(rowid) AS lo, MAX(rowid) AS hi FROM ${from}."${table}" WHERE session_id = ?`).get(id);
      const insert = db.prepare(`INSERT INTO main."${table}" (${c}) SELECT ${c} FROM ${from}."${table}" WHERE session_id = ? AND rowid BETWEEN ? AND ?${order}`);
      for (let lo = range?.lo ?? 1, hi = range?.hi ?? 0; lo <= hi; lo += slice) {
        insert.run(id, lo, Math.min(hi, lo + slice - 1));
        yield;
      }
    }
    rebuildOrderFacts(db, id);
    yield;
    // A session that was live where the bundle came from is not live here.
    db.prepare(
      `UPDATE main.sessions SET status = 'interrupted', ended_at = COALESCE(ended_at, (SELECT MAX(ts) FROM main.events WHERE session_id = ?), started_at)
       WHERE id = ? AND status = 'live'`,
    ).run(id, id);
    // Event ids are reassigned on import: the rollups stay valid only if they had seen the whole log.
    const complete = db
      .prepare<[string, string], { ok: number }>(
        `SELECT COALESCE((SELECT last_event_id FROM ${from}.review_cursor WHERE session_id = ?), -1) =
                COALESCE((SELECT MAX(id) FROM ${from}.events WHERE session_id = ?), 0) AS ok`,
      )
      .get(id, id);
    if (complete?.ok) {
      db.prepare('UPDATE main.review_cursor SET last_event_id = (SELECT COALESCE(MAX(id), 0) FROM main.events WHERE session_id = ?) WHERE session_id = ?').run(id, id);
    } else {
      for (const t of ['review_rollup', 'review_marks', 'review_cursor']) db.prepare(`DELETE FROM main.${t} WHERE session_id = ?`).run(id);
    }
    yield;
  }
  // Products the review names (checked like every row): added when missing, never replacing what the
  // live catalog already holds under that SKU. Their picture stays behind: a path or address from
  // another machine is not one this desk's user entered (keys would fetch it).
  const cols = shared(db, 'products', from, 'main', true);
  const values = cols.split(', ').map((c) => (c === '"image"' ? 'NULL' : c)).join(', ');
  db.prepare(`INSERT OR IGNORE INTO main.products (${cols}) SELECT ${values} FROM ${from}.products`).run();
}

/** Inspects, migrates (a scratch copy from an older schema) and checks every row, as steps. */
function* checkSteps(db: Db, file: string, now: number, slice: number): Generator<void, { id: string; title: string }[], void> {
  const { sessions, schema } = inspectBundle(file, deskSchema(db));
  if (schema < SCHEMA_VERSION) openDatabase(file).close();
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    yield* checkBundleRowSteps(probe, sessionTables(probe, 'main'), now, slice);
  } finally {
    probe.close();
  }
  return sessions;
}

let attachments = 0;

/**
 * Imports every session of a bundle in one transaction: all or nothing. Every row is checked before
 * anything is written. The bundle file is migrated in place first when it comes from an older
 * schema, so callers pass a scratch copy. Runs in one go: for start-up's folder import.
 */
export function importBundle(db: Db, file: string, now: number): BundleImportReply {
  const check = checkSteps(db, file, now, Number.MAX_SAFE_INTEGER);
  let step = check.next();
  while (!step.done) step = check.next();
  const reply = planImport(db, step.value);
  if (!reply.imported.length) return reply;
  const from = `bundle_${++attachments}`;
  db.prepare(`ATTACH DATABASE ? AS ${from}`).run(file);
  try {
    db.transaction(() => {
      for (const done of copySteps(db, from, reply.imported.map((s) => s.id), Number.MAX_SAFE_INTEGER)) void done;
    })();
  } finally {
    db.prepare(`DETACH DATABASE ${from}`).run();
  }
  return reply;
}

/**
 * The same import in slices, for a desk that is on air (issue 13: a 217 MB bundle froze /health for
 * 5.6 s): the checks and the copy yield to the event loop between slices (`pause`). Each slice is its
 * own transaction, so the sessions appear as they are copied; if a slice fails (a full disk), the
 * sessions this import added are deleted again (their rows go with them), so nothing is half-applied.
 * Imports on one desk run one at a time.
 */
export function importBundleSliced(db: Db, file: string, now: number, pause: () => Promise<void>): Promise<BundleImportReply> {
  const run = async (): Promise<BundleImportReply> => {
    const check = checkSteps(db, file, now, 5_000);
    let step = check.next();
    while (!step.done) {
      await pause();
      step = check.next();
    }
    const reply = planImport(db, step.value);
    if (!reply.imported.length) return reply;
    const ids = reply.imported.map((s) => s.id);
    const from = `bundle_${++attachments}`;
    db.prepare(`ATTACH DATABASE ? AS ${from}`).run(file);
    try {
      for (const done of copySteps(db, from, ids, COPY_SLICE)) {
        void done;
        await pause();
      }
    } catch (error) {
      try {
        db.prepare(`DELETE FROM main.sessions WHERE id IN (${ids.map(() => '?').join(', ')})`).run(...ids);
      } catch {
        // the disk refuses even the delete: the storage alert stands; the next start finds the partial rows
      }
      throw error;
    } finally {
      db.prepare(`DETACH DATABASE ${from}`).run();
    }
    return reply;
  };
  const next = (queues.get(db) ?? Promise.resolve()).then(run, run);
  queues.set(db, next.catch(() => undefined));
  return next;
}

const queues = new WeakMap<Db, Promise<unknown>>();

/** Removes a scratch bundle and the journal files SQLite may have left beside it. */
export function removeBundleFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}
