import { describe, expect, it } from 'vitest';
import type { ProductKpi } from '../contract/index.js';
import { clockedDesk } from '../testing/clocked-desk.js';

// Late data (issue 16): events carry their own ts and the desk decides by it, live as in review.
const T0 = Date.UTC(2026, 2, 1, 12, 0, 0);
const desk = clockedDesk(T0, async (f) => {
  for (const [sku, name] of [['TEA-01', '明前龙井'], ['CUP-02', '青瓷茶杯']]) {
    expect((await f.api('POST', '/products', { sku, name, priceFen: 12_800 })).status).toBe(201);
  }
});

const live = (sku: string) => (desk.f.desk.hub.state.kpi.detail?.products ?? []).find((p: ProductKpi) => p.sku === sku);

describe('late data', () => {
  it('counts an order for the 讲解 its ts fell in, even when it arrives after the next explain started', async () => {
    const id = (await desk.f.api('POST', '/actions', { type: 'session.start', title: 'late orders' })).body.result.id as string;
    await desk.f.api('POST', '/actions', { type: 'product.explain', sku: 'TEA-01' });
    desk.clock.t = T0 + 60_000;
    await desk.f.api('POST', '/actions', { type: 'product.explain', sku: 'CUP-02' });
    desk.clock.t = T0 + 90_000;
    // Placed at T0+30s (during the tea's explain), delivered now; and one tea order placed now (outside).
    await desk.f.api('POST', '/ingest', {
      events: [
        { type: 'order', ts: T0 + 30_000, orderId: 'late-1', sku: 'TEA-01', qty: 1, amount: 12_800 },
        { type: 'order', ts: T0 + 90_000, orderId: 'now-1', sku: 'TEA-01', qty: 1, amount: 12_800 },
      ],
    });
    expect(live('TEA-01')).toMatchObject({ gmvFen: 25_600, orders: 2, explainGmvFen: 12_800, explainOrders: 1 });

    desk.clock.t = T0 + 120_000;
    await desk.f.api('POST', '/actions', { type: 'session.end', confirm: true });
    const review = (await desk.f.api('GET', `/sessions/${id}/products`)).body as { sku: string; gmvDuringFen: number; ordersDuring: number; gmvOutsideFen: number }[];
    // The review of the same log says the same.
    expect(review.find((p) => p.sku === 'TEA-01')).toMatchObject({ gmvDuringFen: 12_800, ordersDuring: 1, gmvOutsideFen: 12_800 });
  });

  it('counts an order stamped a little ahead of the desk clock for the open 讲解, live and in the review of the live session', async () => {
    // A platform clock a few seconds fast (the oracle show met it as milliseconds on a fast machine).
    desk.clock.t = T0 + 300_000;
    const id = (await desk.f.api('POST', '/actions', { type: 'session.start', title: 'fast clock' })).body.result.id as string;
    await desk.f.api('POST', '/actions', { type: 'product.explain', sku: 'CUP-02' });
    desk.clock.t = T0 + 310_000;
    await desk.f.api('POST', '/ingest', { events: [{ type: 'order', ts: desk.clock.t + 3_000, orderId: 'ahead-1', sku: 'CUP-02', qty: 1, amount: 2_990 }] });
    expect(live('CUP-02')).toMatchObject({ explainGmvFen: 2_990, explainOrders: 1 });
    const review = (await desk.f.api('GET', `/sessions/${id}/products`)).body as { sku: string; gmvDuringFen: number; ordersDuring: number }[];
    expect(review.find((p) => p.sku === 'CUP-02')).toMatchObject({ gmvDuringFen: 2_990, ordersDuring: 1 });
    await desk.f.api('POST', '/actions', { type: 'session.end', confirm: true });
  });

  it('sells out a flash sale on orders stamped ahead of the desk clock, and the review counts the same sale', async () => {
    desk.clock.t = T0 + 400_000;
    const id = (await desk.f.api('POST', '/actions', { type: 'session.start', title: 'fast clock sale' })).body.result.id as string;
    await desk.f.api('POST', '/actions', { type: 'product.explain', sku: 'CUP-02' });
    expect((await desk.f.api('POST', '/actions', { type: 'flashsale.start', sku: 'CUP-02', price: 2_990, seconds: 600, stock: 3 })).status).toBe(200);
    const start = desk.f.desk.hub.state.flashSale?.startedAt as number;
    // The desk clock stands still while the platform stamps its orders 10–30 ms later.
    await desk.f.api('POST', '/ingest', { events: [{ type: 'order', ts: start + 10, orderId: 'fs-1', sku: 'CUP-02', qty: 2, amount: 5_980 }] });
    await desk.f.api('POST', '/ingest', {
      events: [
        { type: 'order', ts: start + 20, orderId: 'fs-2', sku: 'CUP-02', qty: 1, amount: 2_990 },
        { type: 'order', ts: start + 30, orderId: 'fs-3', sku: 'CUP-02', qty: 1, amount: 3_990 },
      ],
    });
    expect(desk.f.desk.hub.state.lastFlashSale).toMatchObject({ reason: 'sold-out', sold: 3 });
    const review = (await desk.f.api('GET', `/sessions/${id}/products`)).body as { sku: string; flashSales: { sold: number; oversold: number }[] }[];
    expect(review.find((p) => p.sku === 'CUP-02')?.flashSales[0]).toMatchObject({ sold: 3, oversold: 0 });
    await desk.f.api('POST', '/actions', { type: 'session.end', confirm: true });
  });

  it('keeps the newest snapshot counters when an older snapshot arrives late', async () => {
    desk.clock.t = T0 + 200_000;
    await desk.f.api('POST', '/actions', { type: 'session.start', title: 'late snapshot' });
    await desk.f.api('POST', '/ingest', { events: [{ type: 'snapshot', ts: desk.clock.t, viewersUv: 900, viewsPv: 1_500, likes: 40 }] });
    await desk.f.api('POST', '/ingest', { events: [{ type: 'snapshot', ts: desk.clock.t - 10_000, viewersUv: 700, viewsPv: 1_100, likes: 30 }] });
    expect(desk.f.desk.hub.state.kpi.detail).toMatchObject({ viewersUv: 900, viewsPv: 1_500, likes: 40 });
    await desk.f.api('POST', '/actions', { type: 'session.end', confirm: true });
  });
});
