import { describe, expect, it } from 'vitest';
import { catalogDraftToInput, EMPTY_CATALOG_DRAFT, productToDraft } from './catalog-form.js';

describe('catalog draft', () => {
  it('converts yuan to fen and splits tags and selling points', () => {
    const r = catalogDraftToInput({ ...EMPTY_CATALOG_DRAFT, sku: 'T-1', name: '龙井', price: '128.5', listPrice: '198', stock: '30', tags: '新品，茶, 热卖', sellingPoints: '头采\n\n手工' });
    expect(r).toEqual({
      input: expect.objectContaining({ priceFen: 12_850, listPriceFen: 19_800, flashPriceFen: null, stock: 30, tags: ['新品', '茶', '热卖'], sellingPoints: ['头采', '手工'], cue: null }),
    });
  });

  it('names each bad field', () => {
    expect(catalogDraftToInput({ ...EMPTY_CATALOG_DRAFT, sku: 'a b', price: 'x', flashPrice: '1.234', stock: '-1' })).toEqual({
      errors: { sku: 'products.errSku', name: 'products.errName', price: 'products.errPrice', flashPrice: 'catalog.badMoney', stock: 'catalog.badStock' },
    });
  });

  it('round-trips a product', () => {
    const p = { sku: 'T', name: 'n', priceFen: 100, currency: 'CNY', scene: 'S', image: null, notes: 'x', listPriceFen: null, flashPriceFen: 50, stock: 3, tags: ['a'], sellingPoints: ['b', 'c'], cue: 'warm', createdAt: 0, updatedAt: 0 };
    expect(catalogDraftToInput(productToDraft(p))).toEqual({
      input: { sku: 'T', name: 'n', priceFen: 100, currency: 'CNY', listPriceFen: null, flashPriceFen: 50, stock: 3, tags: ['a'], sellingPoints: ['b', 'c'], notes: 'x', scene: 'S', cue: 'warm', image: null },
    });
  });
});
