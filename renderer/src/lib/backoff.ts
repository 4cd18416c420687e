import { backoffDelay as sharedBackoff } from '../contract.js';

export type BackoffOptions = { minMs: number; maxMs: number };

export const SOCKET_BACKOFF: BackoffOptions = { minMs: 500, maxMs: 10_000 };

/**
 * Delay before reconnect attempt `attempt` (0-based): doubling from `minMs` up to `maxMs`, with ±20%
 * jitter so several consoles do not hammer a restarting core in lockstep.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = SOCKET_BACKOFF, random: () => number = Math.random): number {
  return sharedBackoff(attempt, { ...opts, jitter: [0.8, 1.2] }, random);
}
