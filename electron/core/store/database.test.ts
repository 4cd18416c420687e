import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, PAGE_SIZE, SCHEMA_VERSION, StoreError } from './database.js';

const scratch = () => join(mkdtempSync(join(tmpdir(), 'livedesk-db-')), 'desk.sqlite');

describe('openDatabase', () => {
  it('creates the schema in WAL mode and records the version', () => {
    const db = openDatabase(scratch());
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Durability as DESIGN §4 states it (WAL, NORMAL); checkpoints as SQLite's default until ingest starts the checkpointer.
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['sessions', 'events', 'products', 'orders', 'explain_segments', 'kpi_seconds', 'settings']));
    db.close();
  });

  it('creates a new database with 16 KB pages and leaves an existing WAL database its own', () => {
    const created = openDatabase(scratch());
    expect(created.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(PAGE_SIZE).toBe(16_384);
    created.close();

    const file = scratch();
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE kept (x)');
    old.close();
    const reopened = openDatabase(file);
    expect(reopened.pragma('page_size', { simple: true })).toBe(4096);
    expect(reopened.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    reopened.close();
  });

  it('reopens an existing database without re-running migrations', () => {
    const file = scratch();
    const first = openDatabase(file);
    first.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    first.close();
    const again = openDatabase(file);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: 'v' });
    again.close();
  });

  it('refuses a database from a newer version and leaves it untouched', () => {
    const file = scratch();
    const future = new Database(file);
    future.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    future.exec('CREATE TABLE from_the_future (x)');
    future.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrowError(StoreError);
    expect(() => openDatabase(file)).toThrowError(/newer LiveDesk \(schema \d+, this version knows \d+\)/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database with a clear reason', () => {
    const file = scratch();
    writeFileSync(file, 'this is not sqlite'.repeat(100));
    expect(() => openDatabase(file)).toThrowError(/unreadable|not a database/);
  });
});
