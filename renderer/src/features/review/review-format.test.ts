import { describe, expect, it } from 'vitest';
import { axisClock, axisTicks, bucketUnit, change, downloadName, formatChange, formatSigned, parseTags, showClock } from './review-format.js';

describe('review formatting', () => {
  it('formats show time, changes and signed counts', () => {
    expect(showClock(0)).toBe('0:00');
    expect(showClock(3_725_000)).toBe('1:02');
    expect(showClock(3_725_000, true)).toBe('1:02:05');
    expect(change(120, 100)).toBeCloseTo(0.2);
    expect(change(1, 0)).toBeNull();
    expect(change(null, 5)).toBeNull();
    expect(formatChange(0.2)).toBe('+20%');
    expect(formatChange(-0.084)).toBe('−8%');
    expect(formatChange(null)).toBe('—');
    expect(formatSigned(50)).toBe('+50');
    expect(formatSigned(-30)).toBe('−30');
    expect(formatSigned(null)).toBe('?');
    expect(bucketUnit(60_000, 'zh')).toBe('分钟');
    expect(bucketUnit(10_000, 'en')).toBe('10 s');
  });

  it('splits tags on Chinese and Latin commas, dropping blanks and repeats', () => {
    expect(parseTags('茶, spring，新品,, 茶')).toEqual(['茶', 'spring', '新品']);
  });
});

describe('download names', () => {
  it('prefers the UTF-8 filename the core sent', () => {
    expect(downloadName(`attachment; filename="livedesk-_.html"; filename*=UTF-8''%E6%98%A5%E8%8C%B6.html`, 'x')).toBe('春茶.html');
    expect(downloadName('attachment; filename="a.csv"', 'x')).toBe('a.csv');
    expect(downloadName(null, 'fallback.html')).toBe('fallback.html');
  });

  it('labels a zoomed time axis to the second, a long one to the minute', () => {
    // A 1-minute window: ticks 10 s apart, each distinct.
    const ticks = axisTicks(0, 60_000);
    expect(ticks.map((t) => axisClock(t, 60_000))).toEqual(['0:00', '0:10', '0:20', '0:30', '0:40', '0:50', '1:00']);
    expect(new Set(axisTicks(19_000, 37_000).map((t) => axisClock(t, 18_000))).size).toBe(axisTicks(19_000, 37_000).length);
    expect(axisClock(3_725_000, 120_000)).toBe('1:02:05');
    expect(axisClock(3_725_000, 4 * 3_600_000)).toBe('1:02');
    expect(axisTicks(0, 6 * 3_600_000)).toEqual([0, 1, 2, 3, 4, 5, 6].map((h) => h * 3_600_000));
  });
});
