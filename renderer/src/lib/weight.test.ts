import { describe, expect, it } from 'vitest';
import { translator } from './i18n.js';
import { formatWeight, showsWeight, type ScaleReading } from './weight.js';

const reading = (over: Partial<ScaleReading>): ScaleReading => ({ device: 's', grams: 251.2, value: 251.2, unit: 'g', status: 'stable', net: false, placed: false, at: 1, ...over });
const zh = translator('zh');
const en = translator('en');

describe('weight formatting', () => {
  it('shows the value in the scale’s own unit, with its decimals and thousands groups', () => {
    expect(formatWeight(reading({}), en)).toEqual({ amount: '251.2', unit: 'g' });
    expect(formatWeight(reading({ grams: 1_560_000, value: 1560, unit: 'kg' }), en)).toEqual({ amount: '1,560', unit: 'kg' });
    expect(formatWeight(reading({ grams: 500, value: 1, unit: 'jin' }), zh)).toEqual({ amount: '1', unit: '斤' });
    expect(formatWeight(reading({ grams: 500, value: 1, unit: 'jin' }), en)).toEqual({ amount: '1', unit: 'jin' });
    expect(formatWeight(reading({ grams: null, value: null, status: 'overload' }), en)).toBeNull();
  });

  it('never shows an invalid reading, shows overload without a number', () => {
    expect(showsWeight(null)).toBe(false);
    expect(showsWeight(reading({ status: 'invalid' }))).toBe(false);
    expect(showsWeight(reading({ grams: null, value: null, status: 'overload' }))).toBe(true);
    expect(showsWeight(reading({ status: 'unstable' }))).toBe(true);
  });
});
