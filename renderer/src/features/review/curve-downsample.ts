import type { CurvePoint } from '../../contract.js';

/** Buckets whose peak survives merging: counts per bucket and audience levels. */
const PEAK_KEYS = ['online', 'onlineMax', 'viewersUv', 'gmvFen', 'orders', 'comments', 'likes', 'newFollowers'] as const satisfies readonly (keyof CurvePoint)[];

/**
 * At most `max` points for a chart a few hundred pixels of bars wide: neighbouring buckets merge, each
 * merged point keeps the first bucket's time, the peak of every per-bucket value and level (a spike
 * stays visible at any zoom, and "per bucket" stays true), and the last cumulative values. Drawing
 * more bars than pixels made every zoom frame re-render thousands of SVG elements (issue 15).
 */
export function downsampleCurve(points: readonly CurvePoint[], max: number): readonly CurvePoint[] {
  if (points.length <= max) return points;
  const group = Math.ceil(points.length / max);
  const out: CurvePoint[] = [];
  for (let i = 0; i < points.length; i += group) {
    const first = points[i] as CurvePoint;
    const merged: CurvePoint = { ...first };
    const end = Math.min(points.length, i + group);
    for (let k = i + 1; k < end; k++) {
      const p = points[k] as CurvePoint;
      for (const key of PEAK_KEYS) {
        const v = p[key];
        const m = merged[key];
        if (v !== null && (m === null || v > m)) (merged as Record<string, number | null>)[key] = v;
      }
      merged.cumGmvFen = p.cumGmvFen;
      merged.cumOrders = p.cumOrders;
    }
    out.push(merged);
  }
  return out;
}
