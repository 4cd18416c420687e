import { describe, expect, it } from 'vitest';
import type { FlashSale, FlashSaleResult, Product } from '../contract/index.js';
import { FlashSales } from './flash-sale.js';
import { ManualClock } from './testing/manual-clock.js';

const tea: Product = {
  sku: 'TEA-01', name: '明前龙井', priceFen: 12_800, currency: 'CNY', scene: null, image: null, notes: null,
  listPriceFen: 19_800, flashPriceFen: 9_900, stock: 500, tags: [], sellingPoints: [], cue: null, createdAt: 0, updatedAt: 0,
};

function setup(live = true) {
  const clock = new ManualClock();
  const logged: { kind: string; data: Record<string, unknown>; ts: number }[] = [];
  const published: { flashSale: FlashSale | null; lastFlashSale?: FlashSaleResult | null }[] = [];
  const warnings: number[] = [];
  const sales = new FlashSales({
    clock,
    log: (kind, data, ts = clock.now()) => logged.push({ kind, data, ts }),
    publish: (c) => published.push(c),
    sessionLive: () => live,
    warnOversold: (_sale, n) => warnings.push(n),
  });
  return { clock, logged, published, sales, warnings };
}

describe('flash sales', () => {
  it('counts down and ends on time, logging start and result', () => {
    const { clock, logged, published, sales } = setup();
    const sale = sales.start(tea, { seconds: 60, stock: 10 });
    expect(sale).toMatchObject({ priceFen: 9_900, regularFen: 12_800, stock: 10, sold: 0, endsAt: clock.now() + 60_000 });
    clock.advance(59_999);
    expect(sales.sale).not.toBeNull();
    clock.advance(1);
    expect(sales.sale).toBeNull();
    expect(published.at(-1)).toMatchObject({ flashSale: null, lastFlashSale: { reason: 'time', sold: 0 } });
    expect(logged.map((l) => l.kind)).toEqual(['flashsale.start', 'flashsale.end']);
    expect(logged[1]?.data).toMatchObject({ reason: 'time', seconds: 60, sold: 0 });
    expect(clock.pending).toBe(0);
  });

  it('counts the stock down from orders of its sku placed during the sale and sells out', () => {
    const { clock, logged, sales } = setup();
    const t0 = clock.now();
    sales.start(tea, { price: 8_800, seconds: 300, stock: 5 });
    sales.recordOrders([
      { sku: 'TEA-01', qty: 2, amountFen: 17_600, ts: t0 + 1_000 },
      { sku: 'CUP-02', qty: 9, amountFen: 100, ts: t0 + 1_000 },
      { sku: 'TEA-01', qty: 1, amountFen: 8_800, ts: t0 - 1 },
    ]);
    expect(sales.sale).toMatchObject({ sold: 2, orders: 1, gmvFen: 17_600 });
    clock.advance(10_000);
    sales.recordOrders([{ sku: 'TEA-01', qty: 3, amountFen: 26_400, ts: t0 + 10_000 }]);
    expect(sales.sale).toBeNull();
    expect(logged.at(-1)).toMatchObject({ kind: 'flashsale.end', data: { reason: 'sold-out', sold: 5, stock: 5, orders: 2, gmvFen: 44_000, seconds: 10 } });
    // The countdown of a sold-out sale is cancelled, so it does not end twice.
    clock.advance(600_000);
    expect(logged.filter((l) => l.kind === 'flashsale.end')).toHaveLength(1);
  });

  it('stops on request, refuses a second sale and needs a price', () => {
    const { sales } = setup();
    expect(() => sales.stop()).toThrow(/no flash sale/);
    expect(() => sales.start({ ...tea, flashPriceFen: null }, { seconds: 10 })).toThrow(/no flash-sale price/);
    sales.start(tea, { seconds: 10 });
    expect(() => sales.start(tea, { seconds: 10 })).toThrow(/is running/);
    expect(sales.stop()).toMatchObject({ reason: 'stopped', stock: null });
    expect(sales.sale).toBeNull();
  });

  it('never counts more sold than the stock: orders after the sell-out in the same batch are ordinary', () => {
    const { clock, logged, sales, warnings } = setup();
    const t0 = clock.now();
    sales.start(tea, { seconds: 300, stock: 5 });
    clock.advance(5_000);
    // One batch, out of order: 2 + 3 sell out at t0+3s; the order at t0+4s is an ordinary order.
    sales.recordOrders([
      { sku: 'TEA-01', qty: 2, amountFen: 19_800, ts: t0 + 4_000 },
      { sku: 'TEA-01', qty: 2, amountFen: 19_800, ts: t0 + 1_000 },
      { sku: 'TEA-01', qty: 3, amountFen: 29_700, ts: t0 + 3_000 },
    ]);
    expect(sales.sale).toBeNull();
    const end = logged.find((l) => l.kind === 'flashsale.end');
    expect(end).toMatchObject({ ts: t0 + 3_001, data: { reason: 'sold-out', sold: 5, oversold: 0, orders: 2 } });
    expect(warnings).toEqual([]);
    // After the sale: a new order of the same sku is ordinary.
    sales.recordOrders([{ sku: 'TEA-01', qty: 1, amountFen: 9_900, ts: t0 + 6_000 }]);
    expect(warnings).toEqual([]);
  });

  it('says "oversold N" when the platform delivered more sale units than the stock, never hides it', () => {
    const { clock, published, sales, warnings } = setup();
    const t0 = clock.now();
    sales.start(tea, { seconds: 300, stock: 5 });
    sales.recordOrders([{ sku: 'TEA-01', qty: 4, amountFen: 39_600, ts: t0 + 1_000 }]);
    // The last unit went to an order of 3: sold stays at the stock, 2 are oversold.
    sales.recordOrders([{ sku: 'TEA-01', qty: 3, amountFen: 29_700, ts: t0 + 2_000 }]);
    expect(published.at(-1)?.lastFlashSale).toMatchObject({ reason: 'sold-out', sold: 5, oversold: 2, endedAt: t0 + 2_001 });
    expect(warnings).toEqual([2]);
    // A late order from inside the window (placed before the sell-out) is a sale order too: oversold 3.
    sales.recordOrders([{ sku: 'TEA-01', qty: 1, amountFen: 9_900, ts: t0 + 1_500 }]);
    expect(published.at(-1)?.lastFlashSale).toMatchObject({ sold: 5, oversold: 3, orders: 3 });
    expect(warnings).toEqual([2, 3]);
  });

  it('counts a late order from inside a timed-out sale, within its stock', () => {
    const { clock, published, sales } = setup();
    const t0 = clock.now();
    sales.start(tea, { seconds: 10, stock: 5 });
    clock.advance(10_000);
    sales.recordOrders([{ sku: 'TEA-01', qty: 2, amountFen: 19_800, ts: t0 + 9_000 }, { sku: 'TEA-01', qty: 2, amountFen: 19_800, ts: t0 + 11_000 }]);
    expect(published.at(-1)?.lastFlashSale).toMatchObject({ reason: 'time', sold: 2, oversold: 0, orders: 1 });
  });

  it('refuses to start without a live session and refuses bad input instead of defaulting', () => {
    expect(() => setup(false).sales.start(tea, { seconds: 10 })).toThrow(/no live session/);
    const { sales } = setup();
    expect(() => sales.start(tea, { seconds: 10, price: 12_900 })).toThrow(/above the live price/);
    expect(() => sales.start(tea, { seconds: Number('abc') })).toThrow(/seconds/);
    expect(() => sales.start(tea, { seconds: 10, stock: -1 })).toThrow(/stock/);
    expect(sales.sale).toBeNull();
  });

  it('announces a sale with a 预热 countdown: orders before the opening are not sale orders, the window is logged from the opening', () => {
    const { clock, logged, published, sales } = setup();
    const t0 = clock.now();
    const sale = sales.start(tea, { seconds: 60, stock: 5, warmupSeconds: 30 });
    expect(sale).toMatchObject({ announcedAt: t0, startedAt: t0 + 30_000, endsAt: t0 + 90_000 });
    expect(published.at(-1)?.flashSale).toMatchObject({ announcedAt: t0, startedAt: t0 + 30_000 });
    expect(logged.map((l) => l.kind)).toEqual(['flashsale.warmup']);
    expect(logged[0]?.data).toMatchObject({ warmupSeconds: 30, seconds: 60 });
    clock.advance(10_000);
    sales.recordOrders([{ sku: 'TEA-01', qty: 2, amountFen: 19_800, ts: clock.now() }]);
    expect(sales.sale).toMatchObject({ sold: 0, orders: 0 });
    clock.advance(20_000);
    expect(logged.map((l) => l.kind)).toEqual(['flashsale.warmup', 'flashsale.start']);
    expect(logged[1]?.ts).toBe(t0 + 30_000);
    sales.recordOrders([{ sku: 'TEA-01', qty: 1, amountFen: 9_900, ts: clock.now() }]);
    expect(sales.sale).toMatchObject({ sold: 1, orders: 1 });
    clock.advance(60_000);
    expect(sales.sale).toBeNull();
    expect(logged.at(-1)).toMatchObject({ kind: 'flashsale.end', ts: t0 + 90_000, data: { reason: 'time', seconds: 60, sold: 1 } });
    expect(clock.pending).toBe(0);
  });

  it('a sale stopped during its 预热 never opens and leaves no result', () => {
    const { clock, logged, published, sales } = setup();
    sales.start(tea, { seconds: 60, warmupSeconds: 30 });
    clock.advance(5_000);
    sales.stop();
    expect(sales.sale).toBeNull();
    expect(published.at(-1)).toEqual({ flashSale: null });
    expect(logged.map((l) => l.kind)).toEqual(['flashsale.warmup', 'flashsale.cancel']);
    expect(clock.pending).toBe(0);
  });
});
