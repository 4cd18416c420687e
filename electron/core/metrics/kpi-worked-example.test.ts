import { describe, expect, it } from 'vitest';
import { KpiTracker } from './kpi-tracker.js';
import { deriveKpis, ratio } from './kpi-derive.js';

/**
 * A three-minute show worked by hand from reference/kpi.md; the expected figures in the comments were
 * computed on paper, not by running the code.
 */
function workedShow(): KpiTracker {
  const t = new KpiTracker();
  t.applySnapshot({ type: 'snapshot', ts: 0, online: 100 });
  t.applySnapshot({ type: 'snapshot', ts: 30_000, online: 200 });
  t.applySnapshot({ type: 'snapshot', ts: 60_000, online: 300 });
  t.applyOrder(9_900, 'h:u1', 90_000, { sku: 'A', qty: 1, duringExplain: false });
  t.applyOrder(19_800, 'h:u2', 120_000, { sku: 'A', qty: 2, duringExplain: true });
  t.applyOrder(12_900, 'h:u1', 130_000, { sku: 'B', qty: 1, duringExplain: false });
  t.applyOrder(12_900, null, 140_000, { sku: 'B', qty: 1, duringExplain: false });
  t.applyComment('h:c1', 141_000);
  t.applyComment('h:c2', 142_000);
  t.applyComment('h:c1', 143_000);
  t.applyFollow('h:c3', 144_000);
  t.applyRefund(5_000, 145_000);
  t.applySnapshot({
    type: 'snapshot',
    ts: 150_000,
    online: 150,
    viewersUv: 1_000,
    viewsPv: 1_600,
    productExposures: 400,
    productClicks: 80,
    adSpend: 50_000,
    newFollowers: 24,
    likes: 3_000,
    comments: 200,
  });
  return t;
}

describe('KPIs of a worked example (kpi.md)', () => {
  const kpi = workedShow().view();
  const d = kpi.detail!;

  it('online: current 150, peak 300, average of minutes (200 + 300 + 150) / 3', () => {
    expect(kpi).toMatchObject({ online: 150, peakOnline: 300 });
    expect(d.averageOnline).toBeCloseTo(650 / 3, 10);
  });

  it('UV/PV from the snapshot; watch time = ∫online dt = 100×30 + 200×30 + 300×90 = 36,000 viewer-seconds', () => {
    expect(d).toMatchObject({ viewersUv: 1_000, viewsPv: 1_600 });
    expect(d.avgWatchSeconds).toEqual({ value: 36, num: 36_000, den: 1_000, basis: 'people' });
  });

  it('GMV 99+198+129+129 = ¥555.00 from 4 orders by 3 buyers (one anonymous); refunds apart', () => {
    expect(kpi).toMatchObject({ gmvFen: 55_500, orders: 4, buyers: 3 });
    expect(d.refundFen).toBe(5_000);
  });

  it('conversion, 客单价, AOV, UV价值 and GPM, each to the fen', () => {
    expect(d.conversion).toEqual({ value: 0.003, num: 3, den: 1_000, basis: 'people' });
    expect(d.perBuyerFen.value).toBe(18_500); // 55,500 ÷ 3
    expect(d.aovFen.value).toBe(13_875); // 55,500 ÷ 4
    expect(d.uvValueFen.value).toBe(56); // 55,500 ÷ 1,000 = 55.5 → 56 (half up)
    expect(d.gpmFen).toEqual({ value: 34_688, num: 55_500, den: 1_600, basis: 'times' }); // 55,500,000 ÷ 1,600 = 34,687.5
  });

  it('click rate, click-to-order, follower conversion, interaction rate and ROI', () => {
    expect(d.productClickRate.value).toBe(0.2); // 80 ÷ 400
    expect(d.clickToOrder).toEqual({ value: 0.0375, num: 3, den: 80, basis: 'people' });
    expect(d.followerConversion).toEqual({ value: 0.015, num: 24, den: 1_600, basis: 'times' });
    expect(d.interactionRate).toEqual({ value: 0.003, num: 3, den: 1_000, basis: 'people' }); // {c1, c2, c3}
    expect(d.roi.value).toBe(1.11); // 55,500 ÷ 50,000
    expect(d).toMatchObject({ comments: 200, likes: 3_000, newFollowers: 24, adSpendFen: 50_000 });
  });

  it('per product, with what sold during its 讲解', () => {
    expect(d.products).toEqual([
      { sku: 'A', gmvFen: 29_700, orders: 2, qty: 3, explainGmvFen: 19_800, explainOrders: 1 },
      { sku: 'B', gmvFen: 25_800, orders: 2, qty: 2, explainGmvFen: 0, explainOrders: 0 },
    ]);
  });

  it('switches every basis-dependent ratio to 次数 (or 人数) on request', () => {
    const other = workedShow().view({
      avgWatchSeconds: 'times',
      interactionRate: 'times',
      conversion: 'times',
      gpmFen: 'people',
      clickToOrder: 'times',
      followerConversion: 'people',
    }).detail!;
    expect(other.avgWatchSeconds.value).toBe(22.5); // 36,000 ÷ 1,600
    // 罗盘 互动 = likes + comments (+ shares, which ingest does not carry); follows are not 互动.
    expect(other.interactionRate).toEqual({ value: 2, num: 3_200, den: 1_600, basis: 'times' }); // (200 + 3,000) ÷ 1,600
    expect(other.conversion.value).toBe(0.0025); // 4 ÷ 1,600
    expect(other.gpmFen.value).toBe(55_500); // 55,500,000 ÷ 1,000
    expect(other.clickToOrder.value).toBe(0.05); // 4 ÷ 80
    expect(other.followerConversion.value).toBe(0.024); // 24 ÷ 1,000
  });
});

describe('ratio', () => {
  it('is null without a denominator and rounds money half up to the fen', () => {
    expect(ratio(5, 0, 'people')).toEqual({ value: null, num: 5, den: 0, basis: 'people' });
    expect(ratio(1, 3, 'times', { money: true }).value).toBe(0);
    expect(ratio(2, 3, 'times', { money: true }).value).toBe(1);
    expect(ratio(10_001, 2, 'times', { money: true }).value).toBe(5_001);
  });

  it('shows an empty session as zeros and nulls, never NaN', () => {
    const d = new KpiTracker().view().detail!;
    expect(d.averageOnline).toBeNull();
    for (const r of [d.conversion, d.gpmFen, d.uvValueFen, d.roi, d.clickToOrder]) expect(r.value).toBeNull();
    expect(JSON.stringify(deriveKpis({ gmvFen: 0, orders: 0, buyers: 0, averageOnline: null, watchSeconds: 0, viewersUv: 0, viewsPv: 0, likes: 0, comments: 0, newFollowers: 0, interactors: 0, productExposures: 0, productClicks: 0, adSpendFen: 0, refundFen: 0, products: [] }))).not.toContain('NaN');
  });
});
