import { describe, expect, it } from 'vitest';
import { draftToInput } from './product-form.js';

describe('draftToInput', () => {
  it('turns a typed product into the API input, price in fen', () => {
    expect(draftToInput({ sku: ' A-01 ', name: ' 羊绒围巾 ', price: '199.9', scene: '' })).toEqual({
      input: { sku: 'A-01', name: '羊绒围巾', priceFen: 19990, currency: 'CNY', scene: null },
    });
    expect(draftToInput({ sku: 'B', name: 'x', price: '1', scene: 'Close-up' })).toMatchObject({ input: { scene: 'Close-up', priceFen: 100 } });
  });

  it('names every bad field', () => {
    expect(draftToInput({ sku: 'a b', name: ' ', price: '1.234', scene: '' })).toEqual({
      errors: { sku: 'products.errSku', name: 'products.errName', price: 'products.errPrice' },
    });
  });
});
