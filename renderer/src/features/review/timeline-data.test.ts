import { describe, expect, it } from 'vitest';
import { bandsFor, fitLabel, segmentAt, segmentDuration, sessionEnd } from './timeline-data.js';

const segs = [
  { sku: 'A', name: '围巾', startedAt: 1000, endedAt: 2000 },
  { sku: 'B', name: '手套', startedAt: 2000, endedAt: null },
];

describe('timeline data', () => {
  it('draws open segments to the end of the session', () => {
    expect(bandsFor(segs, 5000)).toEqual([
      { key: 'A@1000', sku: 'A', name: '围巾', x1: 1000, x2: 2000, shade: 0 },
      { key: 'B@2000', sku: 'B', name: '手套', x1: 2000, x2: 5000, shade: 1 },
    ]);
    expect(segmentDuration(segs[1]!, 5000)).toBe(3000);
  });

  it('finds the product explained at a moment', () => {
    expect(segmentAt(segs, 500, 5000)).toBeNull();
    expect(segmentAt(segs, 1500, 5000)?.sku).toBe('A');
    expect(segmentAt(segs, 2000, 5000)?.sku).toBe('B');
    expect(segmentAt(segs, 6000, 5000)).toBeNull();
  });

  it('cuts band labels to the band width', () => {
    expect(fitLabel('羊绒针织开衫', 200)).toBe('羊绒针织开衫');
    expect(fitLabel('羊绒针织开衫', 60)).toBe('羊绒…');
    expect(fitLabel('Scarf', 50)).toBe('Scarf');
    expect(fitLabel('羊绒针织开衫', 20)).toBeNull();
  });

  it('ends a live session now', () => {
    expect(sessionEnd({ startedAt: 10, endedAt: 20 }, 99)).toBe(20);
    expect(sessionEnd({ startedAt: 10, endedAt: null }, 99)).toBe(99);
  });
});
