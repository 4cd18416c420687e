import { pressSamples } from '../fixtures/press-samples.js';
import { percentile } from '../stats.js';
import type { BenchRow } from '../types.js';

const BUDGET_MS = 1;

/** The desk's own cost between a key press and the OBS request leaving on the socket. */
export const row: BenchRow = {
  id: 'press-overhead',
  what: 'key press → OBS request written (in-process overhead)',
  budget: 'p99 ≤ 1 ms',
  async run(ctx) {
    const s = await pressSamples(ctx);
    const value = percentile(s.deskWrite, 99);
    return {
      part: 'p99',
      value,
      unit: 'ms',
      floor: percentile(s.bareWrite, 99),
      floorWhat: 'bare obs-websocket-js call() to write',
      meets: value <= BUDGET_MS,
      note: `${s.deskWrite.length} presses on the virtual deck against ${s.server}; p50 ${percentile(s.deskWrite, 50).toFixed(3)} ms`,
    };
  },
};
