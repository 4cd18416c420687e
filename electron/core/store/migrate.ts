import type Database from 'better-sqlite3';
import type { Migration } from './migrations/index.js';

/**
 * Applies the migrations above `from`, each in its own transaction that also sets `user_version` to
 * its number: a crash between two steps leaves a database at a real version, and the next start
 * continues from there. `migrations` must be in version order (the sequence test checks the list).
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[], from: number): void {
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
