import { describe, expect, it } from 'vitest';
import { scaleTriggerSchema } from '../../contract/index.js';
import { matchRange, ScaleTriggerState } from './scale-trigger.js';

const trigger = (extra = {}) => new ScaleTriggerState(scaleTriggerSchema.parse({ thresholdGrams: 100, hysteresisGrams: 20, stableMs: 500, onPlace: { kind: 'next' }, ...extra }));

describe('product-on-scale trigger', () => {
  it('fires once after a stable plateau above the threshold, then off below threshold − hysteresis', () => {
    const t = trigger();
    expect(t.push(150, 'unstable', 0)).toBeNull();
    expect(t.push(250, 'stable', 100)).toBeNull();
    expect(t.push(250, 'stable', 400)).toBeNull();
    expect(t.push(250, 'stable', 600)).toEqual({ type: 'placed', grams: 250 });
    expect(t.push(250, 'stable', 900)).toBeNull();
    expect(t.push(90, 'stable', 1000)).toBeNull(); // inside the hysteresis band
    expect(t.push(10, 'unstable', 1100)).toBeNull();
    expect(t.push(0, 'stable', 1200)).toEqual({ type: 'removed', grams: 0 });
  });
  it('restarts the wait on unstable, overload and invalid readings', () => {
    const t = trigger();
    t.push(250, 'stable', 0);
    t.push(null, 'overload', 300);
    expect(t.push(250, 'stable', 600)).toBeNull();
    t.push(250, 'unstable', 700);
    t.push(250, 'stable', 800);
    expect(t.push(250, 'stable', 1299)).toBeNull();
    expect(t.push(250, 'stable', 1300)?.type).toBe('placed');
  });
  it('matches weight ranges', () => {
    const ranges = [{ sku: 'tea-250', minGrams: 240, maxGrams: 260 }, { sku: 'tea-500', minGrams: 480, maxGrams: 520 }];
    expect(matchRange(ranges, 501)).toBe('tea-500');
    expect(matchRange(ranges, 300)).toBeNull();
  });
});
