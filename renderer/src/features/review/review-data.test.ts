import { describe, expect, it } from 'vitest';
import type { CompareReply, ProductStats } from '../../contract.js';
import { alignByShowTime } from './compare-data.js';
import { sortProducts } from './product-sort.js';

const product = (sku: string, patch: Partial<ProductStats>): ProductStats => ({
  sku, name: sku, explains: 0, explainMs: 0, gmvDuringFen: 0, ordersDuring: 0, gmvOutsideFen: 0, ordersOutside: 0,
  gmvPerExplainMinuteFen: null, onlineChanges: [], flashSales: [], ...patch,
});

describe('review tables', () => {
  it('sorts products by any column, never-explained products below every real rate', () => {
    const rows = [product('A', { gmvPerExplainMinuteFen: 100, explains: 1 }), product('B', {}), product('C', { gmvPerExplainMinuteFen: 300, explains: 3, onlineChanges: [-5, null] })];
    expect(sortProducts(rows, 'gmvPerExplainMinuteFen', true).map((p) => p.sku)).toEqual(['C', 'A', 'B']);
    expect(sortProducts(rows, 'gmvPerExplainMinuteFen', false).map((p) => p.sku)).toEqual(['B', 'A', 'C']);
    expect(sortProducts(rows, 'onlineChange', false).map((p) => p.sku)).toEqual(['C', 'A', 'B']);
    expect(sortProducts(rows, 'name', true).map((p) => p.sku)).toEqual(['C', 'B', 'A']);
  });

  it('aligns sessions by show time, padding the shorter one with gaps', () => {
    const point = (t: number, online: number) => ({ t, ts: 1e12 + t, online, onlineMax: online, viewersUv: null, gmvFen: 0, orders: 0, cumGmvFen: 0, cumOrders: 0, comments: 0, likes: 0, newFollowers: 0 });
    const compare = {
      bucketMs: 60_000,
      sessions: [
        { curve: { bucketMs: 60_000, points: [point(0, 5), point(60_000, 6)] } },
        { curve: { bucketMs: 60_000, points: [point(0, 9)] } },
      ],
    } as unknown as CompareReply;
    expect(alignByShowTime(compare, 'online')).toEqual([
      { t: 0, s0: 5, s1: 9 },
      { t: 60_000, s0: 6, s1: null },
    ]);
  });
});
