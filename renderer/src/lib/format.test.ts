import { describe, expect, it } from 'vitest';
import {
  fenToYuanInput,
  formatClock,
  formatCount,
  formatDuration,
  formatMoney,
  formatMoneyCompact,
  formatMoneyWhole,
  groupThousands,
  parseYuanToFen,
} from './format.js';

describe('money', () => {
  it('formats fen as yuan with thousands separators and two decimals', () => {
    expect(formatMoney(123450)).toBe('¥1,234.50');
    expect(formatMoney(0)).toBe('¥0.00');
    expect(formatMoney(5)).toBe('¥0.05');
    expect(formatMoney(123456789012)).toBe('¥1,234,567,890.12');
    expect(formatMoney(-1999)).toBe('-¥19.99');
    expect(formatMoney(100, 'USD')).toBe('$1.00');
    expect(formatMoney(100, 'SEK')).toBe('SEK 1.00');
  });

  it('rounds to whole yuan for tiles', () => {
    expect(formatMoneyWhole(123456789)).toBe('¥1,234,568');
    expect(formatMoneyWhole(49)).toBe('¥0');
  });

  it('groups digits', () => {
    expect(groupThousands(999)).toBe('999');
    expect(groupThousands(1000)).toBe('1,000');
    expect(groupThousands(-1234567)).toBe('-1,234,567');
    expect(formatCount(null)).toBe('—');
    expect(formatCount(12345)).toBe('12,345');
  });

  it('parses yuan typed by a person into integer fen without float error', () => {
    expect(parseYuanToFen('12')).toBe(1200);
    expect(parseYuanToFen('12.5')).toBe(1250);
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen('1,299.00')).toBe(129900);
    expect(parseYuanToFen(' ¥19.9 ')).toBe(1990);
    expect(parseYuanToFen('12.')).toBe(1200);
    expect(parseYuanToFen('12.345')).toBeNull();
    expect(parseYuanToFen('-1')).toBeNull();
    expect(parseYuanToFen('abc')).toBeNull();
    expect(parseYuanToFen('')).toBeNull();
    expect(fenToYuanInput(129905)).toBe('1299.05');
  });
});

describe('durations', () => {
  it('formats a clock', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(65_000)).toBe('01:05');
    expect(formatClock(3_725_999)).toBe('1:02:05');
    expect(formatClock(-5_000)).toBe('00:00');
  });

  it('formats a coarse duration', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(750_000)).toBe('12m 30s');
    expect(formatDuration(7_500_000)).toBe('2h 05m');
  });
});

describe('formatMoneyCompact', () => {
  it('uses 万/亿 in Chinese and k/M in English', () => {
    expect(formatMoneyCompact(123_456_00, 'zh')).toBe('¥12.3万');
    expect(formatMoneyCompact(3_4000_0000_00, 'zh')).toBe('¥3.4亿');
    expect(formatMoneyCompact(999_900, 'zh')).toBe('¥9,999');
    expect(formatMoneyCompact(123_456_00, 'en')).toBe('¥123.5k');
    expect(formatMoneyCompact(1_200_000_00, 'en')).toBe('¥1.2M');
    expect(formatMoneyCompact(0, 'en')).toBe('¥0');
  });
});
