/** How a retry waits: doubling (or × `factor`) from `minMs`, capped at `maxMs`. */
export interface Backoff {
  minMs: number;
  maxMs: number;
  factor?: number;
  /**
   * Spreads the delay over [low, high] × the doubled delay, so several clients do not retry a
   * restarting peer in step. Omitted: no jitter.
   */
  jitter?: readonly [low: number, high: number];
}

/**
 * The one retry backoff (STYLE §16): the delay before retry number `failures` (0-based). The core's
 * OBS link and devices, the serial transports, the shell's supervisor and the console's socket all
 * wait with it. Pure, so it lives in the contract every project references.
 */
export function backoffDelay(failures: number, backoff: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.minMs * (backoff.factor ?? 2) ** Math.min(Math.max(0, failures), 30));
  const [low, high] = backoff.jitter ?? [1, 1];
  return Math.round(ceiling * (low + (high - low) * random()));
}
