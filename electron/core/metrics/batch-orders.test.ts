import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { clockedDesk } from '../testing/clocked-desk.js';

// A batch's orders before its first refund go into the database together (ingest speed, issue 15);
// they must come out exactly as one by one: the first of an id counts, a refund finds only the orders
// sent before it, and an order stamped before the show is left out.
const T0 = Date.UTC(2026, 2, 3, 12, 0, 0);
const desk = clockedDesk(T0);

const order = (orderId: string, amount: number, ts = T0 + 1_000) => ({ type: 'order', ts, orderId, sku: 'TEA-01', qty: 1, amount });

describe('a batch of orders', () => {
  it('counts each order id once, across statement chunks and against earlier batches, and refunds only what came before', async () => {
    const id = (await desk.f.api('POST', '/actions', { type: 'session.start', title: 'batch orders' })).body.result.id as string;
    desk.clock.t = T0 + 60_000;
    const ingest = (events: unknown[]) => desk.f.api('POST', '/ingest', { events });
    expect((await ingest([order('old', 500)])).body).toMatchObject({ accepted: 1, duplicates: 0 });

    // 60 orders: more than one statement's worth. Three of them repeat an id: one within the first
    // chunk, one from the rest, one recorded by the batch before. Their amounts must not count.
    const ids = Array.from({ length: 60 }, (_, k) => `a${k}`);
    ids[10] = 'a3';
    ids[55] = 'a2';
    ids[20] = 'old';
    const events: unknown[] = ids.map((orderId, k) => order(orderId, [10, 55, 20].includes(k) ? 99_999 : 100));
    events.push(order('before-show', 700, T0 - 3_600_000));
    // A refund of an order that comes after it in the same batch finds no order.
    events.push({ type: 'refund', ts: T0 + 2_000, orderId: 'late', amount: 300 });
    events.push(order('late', 300, T0 + 3_000));
    events.push(order('a3', 99_999, T0 + 3_000));
    events.push({ type: 'refund', ts: T0 + 4_000, orderId: 'a4', amount: 40 });
    const result = (await ingest(events)).body;
    // 57 new orders of the 60, the late order, and both refunds (one of them of an unknown order, reported).
    expect(result).toEqual({ accepted: 57 + 1 + 2, duplicates: 4, early: 1 });

    const gmv = 500 + 57 * 100 + 300;
    expect(desk.f.desk.hub.state.kpi.orders).toBe(1 + 57 + 1);
    expect(desk.f.desk.hub.state.kpi.gmvFen).toBe(gmv);
    expect(desk.f.desk.hub.state.kpi.detail?.refundFen).toBe(40);
    const totals = desk.f.desk.repos.commerce.totals(id);
    expect(totals).toMatchObject({ gmvFen: gmv, orders: 59, refundFen: 40 });
    const db = new Database(join(desk.f.dir, 'desk.sqlite'), { readonly: true });
    const stored = db.prepare('SELECT order_id AS id, amount_fen AS fen, refunded_fen AS refunded FROM orders WHERE session_id = ? ORDER BY order_id').all(id) as { id: string; fen: number; refunded: number }[];
    db.close();
    expect(stored).toHaveLength(59);
    expect(stored.filter((o) => o.fen === 99_999)).toEqual([]);
    expect(stored.find((o) => o.id === 'before-show')).toBeUndefined();
    expect(stored.find((o) => o.id === 'late')).toMatchObject({ fen: 300, refunded: 0 });
    expect(stored.find((o) => o.id === 'a4')).toMatchObject({ refunded: 40 });
  });
});
