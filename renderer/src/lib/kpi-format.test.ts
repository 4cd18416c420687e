import { describe, expect, it } from 'vitest';
import { kpiEn, kpiZh } from './kpi-strings.js';
import { formatAverage, formatFraction, formatMultiple, formatRate, formatRatioMoney, formatWatch } from './kpi-format.js';

const r = (value: number | null, num = 0, den = 0) => ({ value, num, den, basis: 'people' as const });

describe('KPI formatting', () => {
  it('shows rates as percentages, money to the fen, watch time, ROI and fractions', () => {
    expect(formatRate(r(0.0375))).toBe('3.75%');
    expect(formatRate(r(2.015))).toBe('201.50%');
    expect(formatRate(r(null))).toBe('—');
    expect(formatRatioMoney(r(34_688))).toMatch(/346\.88/);
    expect(formatWatch(r(36))).toBe('36s');
    expect(formatWatch(r(65.4))).toBe('1m 05s');
    expect(formatMultiple(r(1.11))).toBe('1.11');
    expect(formatFraction(r(0.5, 1_234, 5_000))).toBe('1,234 / 5,000');
    // Money sides in yuan to the fen, never raw fen: GMV ¥1,234.56 over ad spend ¥500.00.
    expect(formatFraction(r(2.47, 123_456, 50_000), { num: 'money', den: 'money' })).toMatch(/^¥1,234\.56 \/ ¥500\.00$/);
    expect(formatAverage(650 / 3)).toBe('216.7');
    expect(formatAverage(12_345.04)).toBe('12,345.0');
  });

  it('has every KPI string in both languages', () => {
    expect(Object.keys(kpiZh).sort()).toEqual(Object.keys(kpiEn).sort());
    for (const v of Object.values(kpiZh)) expect(v.trim()).not.toBe('');
  });
});
