import { describe, expect, it } from 'vitest';
import { gmvPace } from './gmv-pace.js';

describe('gmvPace', () => {
  it('measures the target reached and the pace against the planned clock', () => {
    expect(gmvPace(1_000_000, 250_000, null, null)).toEqual({ share: 0.25, expectedFen: null, aheadFen: null });
    // Half the planned hour gone, a quarter of the target made: ¥2,500.00 behind.
    expect(gmvPace(1_000_000, 250_000, 30 * 60_000, 60 * 60_000)).toEqual({ share: 0.25, expectedFen: 500_000, aheadFen: -250_000 });
    // Past the planned end the whole target is expected.
    expect(gmvPace(1_000_000, 1_200_000, 90 * 60_000, 60 * 60_000)).toEqual({ share: 1.2, expectedFen: 1_000_000, aheadFen: 200_000 });
  });
});
