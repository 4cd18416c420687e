import { describe, expect, it } from 'vitest';
import { bucketUnit, change, downloadName, formatChange, formatSigned, parseTags, showClock } from './review-format.js';

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
});
