import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSION } from '../database.js';
import { applyMigrations } from '../migrate.js';
import { MIGRATIONS } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const scratch = () => join(mkdtempSync(join(tmpdir(), 'livedesk-mig-')), 'desk.sqlite');

/** Everything the schema is made of, as SQLite itself records it. */
function schemaOf(db: Database.Database): unknown[] {
  return db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
}

describe('migrations', () => {
  it('run 1…N in order, without gaps or repeats, and the newest is the schema version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('are one file per version, named NNNN-name after the number and name they carry, all listed', () => {
    const files = readdirSync(here).filter((file) => /^\d{4}-.*\.ts$/.test(file) && !file.endsWith('.test.ts')).sort();
    expect(files).toEqual(MIGRATIONS.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}.ts`));
  });

  it('keep the numbers databases already carry: version 2 has serial devices but no show plans', () => {
    const db = new Database(':memory:');
    applyMigrations(db, MIGRATIONS.slice(0, 2), 0);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((row) => (row as { name: string }).name);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(tables).toContain('serial_devices');
    expect(tables).not.toContain('show_plans');
    db.close();
  });

  it('upgrade a database from every older version to exactly the schema of a new one', () => {
    const fresh = openDatabase(scratch());
    const expected = schemaOf(fresh);
    fresh.close();
    for (let k = 0; k < MIGRATIONS.length; k++) {
      const file = scratch();
      const old = new Database(file);
      applyMigrations(old, MIGRATIONS.slice(0, k), 0);
      expect(old.pragma('user_version', { simple: true })).toBe(k);
      old.close();
      const upgraded = openDatabase(file);
      expect(upgraded.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(schemaOf(upgraded), `upgrade from version ${k}`).toEqual(expected);
      upgraded.close();
    }
  });

  it('apply in one transaction: an upgrade that fails at any step leaves the database as the older version wrote it', () => {
    const db = new Database(':memory:');
    applyMigrations(db, MIGRATIONS.slice(0, 1), 0);
    const before = schemaOf(db);
    const broken = { version: 3, name: 'broken', sql: 'CREATE TABLE half_done (x); THIS IS NOT SQL;' };
    expect(() => applyMigrations(db, [MIGRATIONS[0]!, MIGRATIONS[1]!, broken], 1)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(schemaOf(db)).toEqual(before);
    db.close();
  });
});
