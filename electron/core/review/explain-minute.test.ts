import { describe, expect, it } from 'vitest';
import { MIN_EXPLAIN_MS_FOR_RATE } from '../contract/index.js';
import { clockedDesk } from '../testing/clocked-desk.js';

// Unit honesty (issue 16): GMV per explain-minute is not ranked from a 3-second explain.
const T0 = Date.UTC(2026, 2, 4, 12, 0, 0);
const desk = clockedDesk(T0, async (f) => {
  for (const sku of ['FLASH-1', 'LONG-2']) expect((await f.api('POST', '/products', { sku, name: sku, priceFen: 10_000 })).status).toBe(201);
});

describe('GMV per explain-minute', () => {
  it('needs a minimum explain time before it is computed and ranked', async () => {
    const id = (await desk.f.api('POST', '/actions', { type: 'session.start', title: 'per minute' })).body.result.id as string;
    await desk.f.api('POST', '/actions', { type: 'product.explain', sku: 'FLASH-1' });
    await desk.f.api('POST', '/ingest', { events: [{ type: 'order', ts: T0 + 1_000, orderId: 'a', sku: 'FLASH-1', qty: 1, amount: 10_000 }] });
    desk.clock.t = T0 + 3_000; // a 3-second explain with one order: "¥2,000 per minute"
    await desk.f.api('POST', '/actions', { type: 'product.explain', sku: 'LONG-2' });
    await desk.f.api('POST', '/ingest', { events: [{ type: 'order', ts: T0 + 60_000, orderId: 'b', sku: 'LONG-2', qty: 1, amount: 10_000 }] });
    desk.clock.t = T0 + 3_000 + 5 * 60_000;
    await desk.f.api('POST', '/actions', { type: 'session.end', confirm: true });
    const rows = (await desk.f.api('GET', `/sessions/${id}/products`)).body as { sku: string; explainMs: number; gmvPerExplainMinuteFen: number | null }[];
    expect(MIN_EXPLAIN_MS_FOR_RATE).toBe(60_000);
    expect(rows.map((r) => [r.sku, r.gmvPerExplainMinuteFen])).toEqual([
      ['LONG-2', 2_000],
      ['FLASH-1', null],
    ]);
  });
});
