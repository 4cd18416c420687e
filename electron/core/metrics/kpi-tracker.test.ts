import { describe, expect, it } from 'vitest';
import { KpiTracker } from './kpi-tracker.js';

describe('KpiTracker', () => {
  it('tracks online, peak, GMV, orders and distinct buyers', () => {
    const t = new KpiTracker();
    t.applyOnline(120, 1_000);
    t.applyOnline(300, 2_000);
    t.applyOnline(250, 3_000);
    t.applyOrder(9_900, 'h:a', 3_100);
    t.applyOrder(19_800, 'h:a', 3_200);
    t.applyOrder(4_500, null, 3_300);
    expect(t.view()).toEqual({ online: 250, peakOnline: 300, gmvFen: 34_200, orders: 3, buyers: 2, updatedAt: 3_300 });
  });

  it('stages a batch on a clone: the original is unchanged until the clone is committed', () => {
    const t = new KpiTracker();
    t.applyOrder(100, 'h:a', 1);
    const staged = t.clone();
    staged.applyOrder(200, 'h:b', 2);
    staged.applyOrder(300, 'h:a', 3);
    expect(t.view()).toMatchObject({ gmvFen: 100, orders: 1, buyers: 1 });
    expect(staged.view()).toMatchObject({ gmvFen: 600, orders: 3, buyers: 2 });
    const committed = staged.commit();
    expect(committed.view().buyers).toBe(2);
    const next = committed.clone();
    next.applyOrder(1, 'h:b', 4);
    expect(next.view().buyers).toBe(2);
  });

  it('keeps rollup seconds monotonic when events arrive late', () => {
    const t = new KpiTracker();
    expect(t.secondOf(10_500)).toBe(10);
    expect(t.secondOf(9_000)).toBe(10);
    expect(t.secondOf(12_000)).toBe(12);
  });
});
