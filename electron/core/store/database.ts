import Database from 'better-sqlite3';
import { applyMigrations } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

export type Db = Database.Database;

/** A start-up failure with a one-line reason meant for the user (the CLI prints it and exits). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/** Bytes per page of a database this desk creates (see openDatabase). */
export const PAGE_SIZE = 16_384;

/** The newest migration's own number (not the list's length: numbers are carried, never counted). */
export const SCHEMA_VERSION = MIGRATIONS.reduce((top, migration) => Math.max(top, migration.version), 0);

/**
 * Opens (or creates) the desk database: WAL, foreign keys, pending migrations applied each in its
 * own transaction. A database written by a newer LiveDesk is refused untouched.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new StoreError(`cannot open database ${file}: ${(error as Error).message}`);
  }
  try {
    const version = readUserVersion(db, file);
    if (version > SCHEMA_VERSION) {
      throw new StoreError(
        `database ${file} is from a newer LiveDesk (schema ${version}, this version knows ${SCHEMA_VERSION}); refusing to touch it`,
      );
    }
    if (!options.readonly) {
      // A new database gets 16 KB pages (an existing one keeps its own: WAL mode cannot change them).
      // A 5,000-event batch then commits about a quarter as many WAL frames, each a header and a page
      // written on the event loop: durable ingest ran 0.56-0.61x of raw inserts with 4 KB, 0.68x with 16.
      db.pragma(`page_size = ${PAGE_SIZE}`);
      db.pragma('journal_mode = WAL');
      // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commits.
      db.pragma('synchronous = NORMAL');
      // 8 MB of page cache, not SQLite's 2: live orders land at random places of the order-id and buyer
      // indexes, and with 2 MB each such insert of a long show read its page back from the file.
      db.pragma('cache_size = -8000');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 2000');
      applyMigrations(db, MIGRATIONS, version);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function readUserVersion(db: Db, file: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw new StoreError(`database ${file} is unreadable: ${(error as Error).message}`);
  }
}

/**
 * Runs `write` (one transaction) with SQLite's per-row foreign-key checks off. For ingest: every row of
 * a batch names the same session, which the caller checks once inside `write` instead of SQLite once
 * per row (a tenth of the write). The checks are back on before this returns, whatever happens; inside
 * an outer transaction the pragma cannot change, so they simply stay on.
 */
export function withoutForeignKeyChecks<T>(db: Db, write: () => T): T {
  if (db.inTransaction) return write();
  db.pragma('foreign_keys = OFF');
  try {
    return write();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
