import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  it('doubles from minMs (or multiplies by factor) and stops at maxMs', () => {
    expect([0, 1, 2, 3, 4, 9].map((n) => backoffDelay(n, { minMs: 250, maxMs: 2000 }))).toEqual([250, 500, 1000, 2000, 2000, 2000]);
    expect([0, 1, 2].map((n) => backoffDelay(n, { minMs: 100, maxMs: 10_000, factor: 3 }))).toEqual([100, 300, 900]);
    expect(backoffDelay(-1, { minMs: 100, maxMs: 1000 })).toBe(100);
    expect(backoffDelay(10_000, { minMs: 100, maxMs: 1000 })).toBe(1000);
  });

  it('spreads the delay over the jitter range', () => {
    const backoff = { minMs: 1000, maxMs: 8000, jitter: [0.5, 1] as const };
    expect(backoffDelay(1, backoff, () => 0)).toBe(1000);
    expect(backoffDelay(1, backoff, () => 1)).toBe(2000);
    expect(backoffDelay(1, { ...backoff, jitter: [0.8, 1.2] }, () => 0.5)).toBe(2000);
  });
});
