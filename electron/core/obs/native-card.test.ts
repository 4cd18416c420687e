import { describe, expect, it } from 'vitest';
import { deskStateSchema, nativeCardSettingsSchema } from '../contract/index.js';
import type { DeskState, ScaleState } from '../contract/index.js';
import { cardInputs, cardTexts, flashSaleCountdown, formatPrice, formatWeight } from './native-card.js';

const product = { sku: 'A', name: '龙井', priceFen: 100, image: 'https://cdn.example/a.png', since: 0, gmvFen: 0, orders: 0 };
const scale = (over: Partial<ScaleState> = {}): ScaleState => ({ device: 's1', grams: 1250, value: 1.25, unit: 'kg', status: 'stable', net: false, placed: true, at: 0, ...over });
const none = { product: null, scale: null, countdown: null };

describe('native product card texts', () => {
  it('formats prices as a studio card shows them', () => {
    expect(formatPrice(12_800, '¥')).toBe('¥128');
    expect(formatPrice(3_990, '到手价 ¥')).toBe('到手价 ¥39.90');
    expect(formatPrice(5, '¥')).toBe('¥0.05');
  });

  it('writes only the sources that are named, and nothing while the mode is off', () => {
    expect(cardTexts({ ...none, product }, nativeCardSettingsSchema.parse({ nameSource: 'N' }))).toEqual([]);
    const on = nativeCardSettingsSchema.parse({ enabled: true, nameSource: 'N', imageSource: 'I', emptyText: '—' });
    expect(cardTexts({ ...none, product }, on)).toEqual([
      { source: 'N', field: 'text', text: '龙井' },
      { source: 'I', field: 'file', text: '' },
    ]);
    expect(cardTexts(none, on)).toEqual([
      { source: 'N', field: 'text', text: '—' },
      { source: 'I', field: 'file', text: '' },
    ]);
  });

  it('shows the weight as the scale reads it, or converted, and the empty text without a reading', () => {
    expect(formatWeight(scale(), 'scale')).toBe('1.25 kg');
    expect(formatWeight(scale({ value: 2.5, unit: 'jin' }), 'scale')).toBe('2.5 斤');
    expect(formatWeight(scale(), 'g')).toBe('1250 g');
    expect(formatWeight(scale({ grams: 850 }), 'kg')).toBe('0.85 kg');
    expect(formatWeight(scale(), 'jin')).toBe('2.50 斤');
    expect(formatWeight(scale({ status: 'invalid' }), 'scale')).toBeNull();
    expect(formatWeight(null, 'g')).toBeNull();
    const on = nativeCardSettingsSchema.parse({ enabled: true, weightSource: 'W', countdownSource: 'C', emptyText: '—' });
    expect(cardTexts({ product: null, scale: scale(), countdown: '00:42' }, on)).toEqual([
      { source: 'W', field: 'text', text: '1.25 kg' },
      { source: 'C', field: 'text', text: '00:42' },
    ]);
    expect(cardTexts(none, on).map((t) => t.text)).toEqual(['—', '—']);
  });

  it('counts a flash sale down from its end time, and is null while state has no flash sale', () => {
    const base: DeskState = deskStateSchema.parse({
      rev: 1, demo: false, session: null, product: null, surfaces: [], alerts: [], recent: [],
      kpi: { online: null, peakOnline: null, gmvFen: 0, orders: 0, buyers: 0, updatedAt: null },
      obs: { status: 'connected', url: 'ws://x', reason: null, since: 0, retryAt: null, obsVersion: null, scenes: [], programScene: null, streaming: false, recording: false },
    });
    expect(flashSaleCountdown(base, 0)).toBeNull();
    expect(flashSaleCountdown({ ...base, flashSale: null } as DeskState, 0)).toBeNull();
    const sale = { ...base, flashSale: { sku: 'A', endsAt: 100_000 } } as DeskState;
    expect(flashSaleCountdown(sale, 34_500)).toBe('01:06');
    expect(flashSaleCountdown(sale, 200_000)).toBe('00:00');
    expect(flashSaleCountdown({ ...base, flashSale: { endsAt: 3_725_000 } } as DeskState, 0)).toBe('1:02:05');
  });

  it('counts a sale in 预热 down to its opening, then to its end (the card once showed the end during the warm-up)', () => {
    const base = { flashSale: { sku: 'A', announcedAt: 0, startedAt: 30_000, endsAt: 90_000 } } as unknown as DeskState;
    expect(flashSaleCountdown(base, 0)).toBe('预热 00:30');
    expect(flashSaleCountdown(base, 29_100)).toBe('预热 00:01');
    expect(flashSaleCountdown(base, 30_000)).toBe('01:00');
    expect(flashSaleCountdown(base, 60_000)).toBe('00:30');
    const on = nativeCardSettingsSchema.parse({ enabled: true, countdownSource: 'C' });
    expect(cardTexts(cardInputs(base, 10_000), on)).toEqual([{ source: 'C', field: 'text', text: '预热 00:20' }]);
  });

  it('gives OBS the file of an image uploaded to the desk', () => {
    const product = { sku: 'A', name: '龙井', priceFen: 100, image: 'ab12.png', since: 0, gmvFen: 0, orders: 0 };
    const on = nativeCardSettingsSchema.parse({ enabled: true, imageSource: 'I' });
    expect(cardTexts({ product, scale: null, countdown: null }, on, (image) => `/data/images/${image}`)).toEqual([{ source: 'I', field: 'file', text: '/data/images/ab12.png' }]);
  });
});
