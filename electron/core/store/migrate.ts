import type Database from 'better-sqlite3';
import type { Migration } from './migrations/index.js';

/**
 * Applies the migrations above `from` in one transaction (DESIGN §4), setting `user_version` to the
 * last one's number: an upgrade that fails at any step leaves the database exactly as the older
 * LiveDesk wrote it, so that version still opens it. `migrations` must be in version order (the
 * sequence test checks the list).
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[], from: number): void {
  const pending = migrations.filter((m) => m.version > from);
  const last = pending.at(-1);
  if (!last) return;
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql);
    db.pragma(`user_version = ${last.version}`);
  })();
}
