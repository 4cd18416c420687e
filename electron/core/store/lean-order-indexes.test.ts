import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../contract/index.js';
import { prepareIngest } from '../metrics/ingest-prepare.js';
import { writeIngestBatch } from '../metrics/ingest-service.js';
import { KpiTracker } from '../metrics/kpi-tracker.js';
import { CommerceRepo } from './commerce-repo.js';
import { openDatabase } from './database.js';
import { applyMigrations } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { ReviewRepo } from './review-repo.js';
import { SessionsRepo } from './sessions-repo.js';

/** A batch as the gate hands it to the write: validated and laid flat (names pseudonymized as h:name). */
const T = Date.UTC(2026, 0, 1);
const flat = (events: unknown[]) => prepareIngest({ events }, T, (v) => `h:${v}`);
const scratch = () => join(mkdtempSync(join(tmpdir(), 'livedesk-lean-')), 'desk.sqlite');

describe('orders without the per-order buyer index (migration 9)', () => {
  it('an older database keeps its buyer counts: distinct named buyers, each anonymous order one buyer', () => {
    const file = scratch();
    const old = new Database(file);
    applyMigrations(old, MIGRATIONS.slice(0, 8), 0);
    old.prepare("INSERT INTO sessions (id, title, started_at, status) VALUES ('s1', 'old', 1, 'ended'), ('s2', 'other', 1, 'ended')").run();
    const order = old.prepare('INSERT INTO orders (session_id, order_id, sku, qty, amount_fen, buyer, ts) VALUES (?, ?, ?, 1, 100, ?, ?)');
    order.run('s1', 'o1', 'A', 'h:ann', 10);
    order.run('s1', 'o2', 'B', 'h:ann', 20);
    order.run('s1', 'o3', 'A', 'h:bob', 30);
    order.run('s1', 'o4', 'A', null, 40);
    order.run('s1', 'o5', 'B', null, 50);
    order.run('s2', 'o1', 'A', 'h:ann', 10);
    old.close();

    const db = openDatabase(file);
    const commerce = new CommerceRepo(db);
    expect(commerce.totals('s1')).toMatchObject({ orders: 5, gmvFen: 500, buyers: 4 });
    expect(commerce.totals('s2')).toMatchObject({ orders: 1, buyers: 1 });
    const review = new ReviewRepo(db);
    expect(review.buyers('s1')).toBe(4);
    expect(review.skuTotals('s1')).toEqual([
      { sku: 'A', orders: 3, gmvFen: 300 },
      { sku: 'B', orders: 2, gmvFen: 200 },
    ]);
    expect(commerce.buyers('s1').sort()).toEqual(['h:ann', 'h:bob']);
    // The per-SKU window questions still come from an index, never the order rows.
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT SUM(qty) FROM orders WHERE session_id = ? AND sku = ? AND ts >= ? AND ts < ?').all('s1', 'A', 0, 100);
    expect(JSON.stringify(plan)).toContain('COVERING INDEX orders_by_ts');
    db.close();
  });

  it('a live order adds its buyer once and counts for its SKU once, in the same transaction as the order', () => {
    const db = openDatabase(scratch());
    const sessions = new SessionsRepo(db);
    const commerce = new CommerceRepo(db);
    const s = sessions.create({ title: 'live', rehearsal: false, startedAt: 1_000 });
    const deps = { db, sessions, commerce };
    const order = (orderId: string, sku: string, buyer?: string) => ({ type: 'order' as const, ts: T, orderId, sku, qty: 1, amount: 100, ...(buyer && { buyer }) });
    // As the live desk does: each batch staged on the committed tracker, committed once durable.
    let tracker = new KpiTracker();
    const write = (events: unknown[]) => (tracker = writeIngestBatch(deps, s.id, tracker, flat(events)).tracker.commit());
    write([order('o1', 'A', 'ann'), order('o2', 'B', 'ann'), order('o3', 'A', 'bob'), order('o4', 'A')]);
    write([order('o3', 'A', 'bob'), order('o5', 'B', 'cy')]);
    expect(commerce.totals(s.id)).toMatchObject({ orders: 5, buyers: 4 });
    // Buyers the session already counts are not written again; a new one beside them is.
    write([order('o6', 'A', 'ann'), order('o7', 'A', 'dan'), order('o8', 'B', 'bob')]);
    expect(commerce.totals(s.id)).toMatchObject({ orders: 8, buyers: 5 });
    expect(commerce.buyers(s.id).sort()).toEqual(['h:ann', 'h:bob', 'h:cy', 'h:dan']);
    // A resumed session reads its buyers back from order_buyers, and goes on the same way.
    tracker = KpiTracker.restore({ online: null, peakOnline: null, gmvFen: 0, orders: 8, buyers: commerce.buyers(s.id) });
    write([order('o9', 'A', 'cy'), order('o10', 'A', 'eve')]);
    expect(commerce.totals(s.id)).toMatchObject({ orders: 10, buyers: 6 });
    expect(new ReviewRepo(db).skuTotals(s.id)).toEqual([
      { sku: 'A', orders: 7, gmvFen: 700 },
      { sku: 'B', orders: 3, gmvFen: 300 },
    ]);
    db.close();
  });

  it('an ingest batch for a session that does not exist is refused whole, and foreign keys stay on', () => {
    const db = openDatabase(scratch());
    const sessions = new SessionsRepo(db);
    const commerce = new CommerceRepo(db);
    const deps = { db, sessions, commerce };
    const events = [{ type: 'like' as const, ts: T, count: 1 }, { type: 'order' as const, ts: T, orderId: 'o1', sku: 'A', qty: 1, amount: 100, buyer: 'ann' }];
    const refused = (() => {
      try {
        return writeIngestBatch(deps, 'no-such-session', new KpiTracker(), flat(events));
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(DeskError);
    for (const table of ['events', 'orders', 'order_buyers', 'order_skus', 'kpi_seconds']) expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const s = sessions.create({ title: 'live', rehearsal: false, startedAt: 1_000 });
    expect(writeIngestBatch(deps, s.id, new KpiTracker(), flat(events)).accepted).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare("INSERT INTO events (session_id, ts, kind, data) VALUES ('no-such-session', 1, 'x', '{}')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
