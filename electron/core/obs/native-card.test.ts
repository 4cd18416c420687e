import { describe, expect, it } from 'vitest';
import { nativeCardSettingsSchema } from '../contract/index.js';
import { cardTexts, formatPrice } from './native-card.js';

describe('native product card texts', () => {
  it('formats prices as a studio card shows them', () => {
    expect(formatPrice(12_800, '¥')).toBe('¥128');
    expect(formatPrice(3_990, '到手价 ¥')).toBe('到手价 ¥39.90');
    expect(formatPrice(5, '¥')).toBe('¥0.05');
  });

  it('writes only the sources that are named, and nothing while the mode is off', () => {
    const product = { sku: 'A', name: '龙井', priceFen: 100, image: 'https://cdn.example/a.png', since: 0, gmvFen: 0, orders: 0 };
    expect(cardTexts(product, nativeCardSettingsSchema.parse({ nameSource: 'N' }))).toEqual([]);
    const on = nativeCardSettingsSchema.parse({ enabled: true, nameSource: 'N', imageSource: 'I', emptyText: '—' });
    expect(cardTexts(product, on)).toEqual([
      { source: 'N', field: 'text', text: '龙井' },
      { source: 'I', field: 'file', text: '' },
    ]);
    expect(cardTexts(null, on)).toEqual([
      { source: 'N', field: 'text', text: '—' },
      { source: 'I', field: 'file', text: '' },
    ]);
  });

  it('gives OBS the file of an image uploaded to the desk', () => {
    const product = { sku: 'A', name: '龙井', priceFen: 100, image: 'ab12.png', since: 0, gmvFen: 0, orders: 0 };
    const on = nativeCardSettingsSchema.parse({ enabled: true, imageSource: 'I' });
    expect(cardTexts(product, on, (image) => `/data/images/${image}`)).toEqual([{ source: 'I', field: 'file', text: '/data/images/ab12.png' }]);
  });
});
