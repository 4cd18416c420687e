import { describe, expect, it } from 'vitest';
import { biggestDrop, buildCurve, pickBucketMs } from './curves.js';
import type { CurveGroup } from '../store/review-repo.js';

const g = (k: number, patch: Partial<CurveGroup>): CurveGroup => ({
  k, online: null, onlineMax: null, viewers: null, likesCum: null, commentsCum: null, followersCum: null,
  gmv: 0, orders: 0, likes: 0, comments: 0, follows: 0, ...patch,
});

describe('review curves', () => {
  it('uses minutes for real shows, 10 s for short ones, and never more than 2,000 points', () => {
    expect(pickBucketMs(5 * 60_000)).toBe(10_000);
    expect(pickBucketMs(2 * 3_600_000)).toBe(60_000);
    expect(pickBucketMs(12 * 3_600_000, 600)).toBe(80_000);
    expect(pickBucketMs(48 * 3_600_000)).toBe(90_000);
    expect(pickBucketMs(3_600_000, undefined, 5_000)).toBe(10_000);
  });

  it('fills empty buckets, runs totals, and takes social counts from events or snapshot growth without double counting', () => {
    const curve = buildCurve(
      [
        g(0, { online: 10, viewers: 10, likesCum: 100, gmv: 500, orders: 1, likes: 3 }),
        g(2, { online: 12, viewers: 15, likesCum: 130, likes: 40, comments: 2 }),
        g(3, { likesCum: 120, follows: 1, followersCum: 5 }),
      ],
      1_000,
      1_000 + 3 * 60_000,
      60_000,
    );
    expect(curve.points.map((p) => [p.t, p.online, p.viewersUv, p.cumGmvFen, p.likes, p.comments, p.newFollowers])).toEqual([
      [0, 10, 10, 500, 100, 0, 0],
      [60_000, null, 10, 500, 0, 0, 0],
      [120_000, 12, 15, 500, 40, 2, 0],
      [180_000, null, 15, 500, 0, 0, 5],
    ]);
  });

  it('finds the steepest fall within the window, carrying readings over silent minutes', () => {
    const minutes = [500, 520, null, 400, 450, 100, 480].map((online, k) => g(k, { online }));
    expect(biggestDrop(minutes)).toEqual({ i: 1, j: 5, from: 520, to: 100 });
    expect(biggestDrop(minutes, 1)).toEqual({ i: 4, j: 5, from: 450, to: 100 });
    expect(biggestDrop(minutes.slice(0, 4), 2)).toEqual({ i: 1, j: 3, from: 520, to: 400 });
    expect(biggestDrop([g(0, { online: 5 }), g(1, { online: 9 })])).toBeNull();
  });
});
