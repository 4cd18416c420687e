import { describe, expect, it } from 'vitest';
import type { FlashSale, FlashSaleResult, Product } from '../contract/index.js';
import { FlashSales } from './flash-sale.js';
import { ManualClock } from './testing/manual-clock.js';

const tea: Product = {
  sku: 'TEA-01', name: '明前龙井', priceFen: 12_800, currency: 'CNY', scene: null, image: null, notes: null,
  listPriceFen: 19_800, flashPriceFen: 9_900, stock: 500, tags: [], sellingPoints: [], cue: null, createdAt: 0, updatedAt: 0,
};

function setup() {
  const clock = new ManualClock();
  const logged: { kind: string; data: Record<string, unknown> }[] = [];
  const published: { flashSale: FlashSale | null; lastFlashSale?: FlashSaleResult | null }[] = [];
  const sales = new FlashSales({ clock, log: (kind, data) => logged.push({ kind, data }), publish: (c) => published.push(c) });
  return { clock, logged, published, sales };
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
});
