export type BackoffOptions = { minMs: number; maxMs: number };

export const SOCKET_BACKOFF: BackoffOptions = { minMs: 500, maxMs: 10_000 };

/**
 * Delay before reconnect attempt `attempt` (0-based): doubling from `minMs` up to `maxMs`, with ±20%
 * jitter so several consoles do not hammer a restarting core in lockstep.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = SOCKET_BACKOFF, random: () => number = Math.random): number {
  const base = Math.min(opts.maxMs, opts.minMs * 2 ** Math.min(attempt, 30));
  return Math.round(base * (0.8 + 0.4 * random()));
}
