import { describe, expect, it } from 'vitest';
import type { CurvePoint } from '../../contract.js';
import { downsampleCurve } from './curve-downsample.js';

const point = (i: number, over: Partial<CurvePoint> = {}): CurvePoint => ({
  t: i * 60_000, ts: 1_000 + i * 60_000, online: 100 + i, onlineMax: 100 + i, viewersUv: null, gmvFen: 0, orders: 0, cumGmvFen: i * 10, cumOrders: i, comments: 1, likes: 0, newFollowers: 0, ...over,
});

describe('downsampleCurve', () => {
  it('keeps short curves as they are', () => {
    const points = [point(0), point(1)];
    expect(downsampleCurve(points, 10)).toBe(points);
  });

  it('merges to at most max points, keeping peaks, the first time and the last cumulative values', () => {
    const points = Array.from({ length: 2000 }, (_, i) => point(i, i === 1234 ? { gmvFen: 99_900, orders: 7 } : {}));
    const out = downsampleCurve(points, 300);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(Math.max(...out.map((p) => p.gmvFen))).toBe(99_900);
    expect(Math.max(...out.map((p) => p.orders))).toBe(7);
    expect(out[0]?.t).toBe(0);
    expect(out.at(-1)?.cumGmvFen).toBe(1999 * 10);
    expect(out.map((p) => p.online ?? 0)).toEqual([...out.map((p) => p.online ?? 0)].sort((a, b) => a - b));
    expect(out.every((p) => p.viewersUv === null)).toBe(true);
  });
});
