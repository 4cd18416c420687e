import type { ScaleStatus, ScaleTrigger } from '../../contract/index.js';

export type TriggerEvent = { type: 'placed'; grams: number } | { type: 'removed'; grams: number };

/**
 * Product-on-scale detection: the weight rises over the threshold, then holds stable readings for
 * `stableMs`; it is off the scale once a stable reading falls below threshold − hysteresis. Overload
 * and invalid readings restart the wait: they never count as a weight, let alone as zero.
 */
export class ScaleTriggerState {
  private plateauSince: number | null = null;
  private placed = false;

  constructor(private readonly trigger: ScaleTrigger) {}

  get isPlaced(): boolean {
    return this.placed;
  }

  push(grams: number | null, status: ScaleStatus, at: number): TriggerEvent | null {
    if (grams === null || status === 'overload' || status === 'invalid') {
      this.plateauSince = null;
      return null;
    }
    const { thresholdGrams, hysteresisGrams, stableMs } = this.trigger;
    if (this.placed) {
      if (status === 'stable' && grams < thresholdGrams - hysteresisGrams) {
        this.placed = false;
        this.plateauSince = null;
        return { type: 'removed', grams };
      }
      return null;
    }
    if (status !== 'stable' || grams < thresholdGrams) {
      this.plateauSince = null;
      return null;
    }
    this.plateauSince ??= at;
    if (at - this.plateauSince < stableMs) return null;
    this.placed = true;
    return { type: 'placed', grams };
  }
}

/** The sku whose weight range holds `grams`, for `match` triggers (first match wins). */
export function matchRange(ranges: readonly { sku: string; minGrams: number; maxGrams: number }[], grams: number): string | null {
  return ranges.find((r) => grams >= r.minGrams && grams <= r.maxGrams)?.sku ?? null;
}
