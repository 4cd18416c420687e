import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  const mid = () => 0.5;
  it('doubles from the minimum and stops at the maximum', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 100].map((a) => backoffDelay(a, { minMs: 500, maxMs: 10_000 }, mid))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
  });

  it('jitters by at most 20%', () => {
    expect(backoffDelay(0, { minMs: 1000, maxMs: 1000 }, () => 0)).toBe(800);
    expect(backoffDelay(0, { minMs: 1000, maxMs: 1000 }, () => 0.999999)).toBe(1200);
  });
});
