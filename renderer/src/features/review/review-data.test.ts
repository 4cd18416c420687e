import { describe, expect, it } from 'vitest';
import type { CompareReply, ProductStats } from '../../contract.js';
import { alignByShowTime } from './compare-data.js';
import { translate } from '../../lib/i18n.js';
import { perMinuteCell, sortProducts } from './product-sort.js';

const product = (sku: string, patch: Partial<ProductStats>): ProductStats => ({
  sku, name: sku, explains: 0, explainMs: 0, gmvDuringFen: 0, ordersDuring: 0, gmvOutsideFen: 0, ordersOutside: 0,
  gmvPerExplainMinuteFen: null, onlineChanges: [], flashSales: [], ...patch,
});

describe('review tables', () => {
  it('says why a product has no per-explain-minute figure: explained under the minimum, in zh and en', () => {
    expect(perMinuteCell(product('A', { explains: 1, explainMs: 3_000 }))).toEqual({ kind: 'tooShort', minutes: 1 });
    expect(perMinuteCell(product('B', { explains: 2, explainMs: 120_000, gmvPerExplainMinuteFen: 2_990 }))).toEqual({ kind: 'rate', fen: 2_990 });
    expect(perMinuteCell(product('C', {}))).toEqual({ kind: 'none' });
    expect(translate('zh', 'rv.perMinTooShort', { minutes: 1 })).toBe('讲解不足 1 分钟不计');
    expect(translate('en', 'rv.perMinTooShort', { minutes: 1 })).toBe('under 1 min, not rated');
    expect(translate('zh', 'rv.perMinNote', { minutes: 1 })).toContain('1 分钟');
    expect(translate('en', 'rv.perMinNote', { minutes: 1 })).toContain('1 min');
  });

  it('sorts products by any column, never-explained products below every real rate', () => {
    const rows = [product('A', { gmvPerExplainMinuteFen: 100, explains: 1 }), product('B', {}), product('C', { gmvPerExplainMinuteFen: 300, explains: 3, onlineChanges: [-5, null] })];
    expect(sortProducts(rows, 'gmvPerExplainMinuteFen', true).map((p) => p.sku)).toEqual(['C', 'A', 'B']);
    expect(sortProducts(rows, 'gmvPerExplainMinuteFen', false).map((p) => p.sku)).toEqual(['B', 'A', 'C']);
    expect(sortProducts(rows, 'onlineChange', false).map((p) => p.sku)).toEqual(['C', 'A', 'B']);
    expect(sortProducts(rows, 'name', true).map((p) => p.sku)).toEqual(['C', 'B', 'A']);
    // Equal figures keep a stable order by SKU.
    const tied = ['TEA-LJ', 'CUP-02', 'BOX-10', 'BOX-9'].map((sku) => product(sku, {}));
    expect(sortProducts(tied, 'gmvPerExplainMinuteFen', true).map((p) => p.sku)).toEqual(['BOX-10', 'BOX-9', 'CUP-02', 'TEA-LJ']);
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
