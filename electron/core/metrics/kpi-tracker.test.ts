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
    expect(t.view()).toMatchObject({ online: 250, peakOnline: 300, gmvFen: 34_200, orders: 3, buyers: 2, updatedAt: 3_300 });
  });

  it('stages a batch on a clone: the original is unchanged until the clone is committed', () => {
    const t = new KpiTracker();
    t.applyOrder(100, 'h:a', 1);
    const staged = t.clone();
    staged.applyOrder(200, 'h:b', 2, { sku: 'A', qty: 1, duringExplain: false });
    staged.applyOrder(300, 'h:a', 3);
    staged.applyEnter('h:v', 3);
    expect(t.view()).toMatchObject({ gmvFen: 100, orders: 1, buyers: 1 });
    expect(t.view().detail?.viewersUv).toBe(0);
    expect(t.view().detail?.products).toEqual([]);
    expect(staged.view()).toMatchObject({ gmvFen: 600, orders: 3, buyers: 2 });
    const committed = staged.commit();
    expect(committed.view().buyers).toBe(2);
    const next = committed.clone();
    next.applyOrder(1, 'h:b', 4);
    next.applyEnter('h:v', 4);
    expect(next.view().buyers).toBe(2);
    expect(next.view().detail?.viewersUv).toBe(1);
  });

  it('keeps rollup seconds monotonic when events arrive late', () => {
    const t = new KpiTracker();
    expect(t.secondOf(10_500)).toBe(10);
    expect(t.secondOf(9_000)).toBe(10);
    expect(t.secondOf(12_000)).toBe(12);
  });

  it('counts viewers, views, likes, comments and followers from single events when no snapshot has them', () => {
    const t = new KpiTracker();
    t.applyEnter('h:a', 1);
    t.applyEnter('h:b', 2);
    t.applyEnter('h:a', 3);
    t.applyLike(5, 4);
    t.applyLike(7, 5);
    t.applyComment('h:a', 6);
    t.applyComment('h:a', 7);
    t.applyFollow('h:c', 8);
    t.applyFollow('h:c', 9);
    const d = t.view().detail;
    expect(d).toMatchObject({ viewersUv: 2, viewsPv: 3, likes: 12, comments: 2, newFollowers: 1 });
    // 互动人数 {a, c} ÷ UV 2
    expect(d?.interactionRate).toEqual({ value: 1, num: 2, den: 2, basis: 'people' });
    // A snapshot's cumulative counter replaces the event count: a connector sending both is not counted twice.
    t.applySnapshot({ type: 'snapshot', ts: 10, viewersUv: 40, likes: 100 });
    expect(t.view().detail).toMatchObject({ viewersUv: 40, viewsPv: 3, likes: 100 });
  });

  it('averages per-minute online values, carrying a silent minute forward, and ignores late readings for minutes', () => {
    const t = new KpiTracker();
    t.applyOnline(100, 0); // minute 0
    t.applyOnline(200, 50_000); // minute 0's value: 200
    t.applyOnline(400, 190_000); // minute 3; minutes 1 and 2 had no reading: 200 each
    expect(t.view().detail?.averageOnline).toBe((200 + 200 + 200 + 400) / 4);
    t.applyOnline(999, 100_000); // late: moves the peak, not the gauge or the minutes
    expect(t.view()).toMatchObject({ online: 400, peakOnline: 999 });
    expect(t.view().detail?.averageOnline).toBe(250);
  });

  it('never lets an older snapshot overwrite newer counters (late data carries its own ts)', () => {
    const t = new KpiTracker();
    t.applySnapshot({ type: 'snapshot', ts: 2_000, viewersUv: 500, likes: 90, adSpend: 3_000 });
    // Arrives later, measured earlier: stale for the counters it shares, still news for the one it alone has.
    t.applySnapshot({ type: 'snapshot', ts: 1_000, viewersUv: 400, likes: 70, productClicks: 12 });
    expect(t.view().detail).toMatchObject({ viewersUv: 500, likes: 90, adSpendFen: 3_000, productClicks: 12 });
    t.applySnapshot({ type: 'snapshot', ts: 3_000, viewersUv: 600 });
    expect(t.view().detail?.viewersUv).toBe(600);
  });
});
