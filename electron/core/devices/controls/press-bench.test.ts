import { describe, expect, it } from 'vitest';
import { measurePressToObsRequest } from './press.bench.js';

describe('press-overhead measurement', () => {
  it('times each key press to the OBS request it causes', async () => {
    const { samples } = await measurePressToObsRequest({ presses: 20, warmup: 5 });
    expect(samples).toHaveLength(20);
    for (const ms of samples) expect(ms).toBeGreaterThan(0);
    // A sanity ceiling only: the budget (p99 ≤ 1 ms) is the benchmark's business, not a test's.
    expect(Math.max(...samples)).toBeLessThan(1000);
  });
});
