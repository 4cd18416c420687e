import { pressSamples } from '../fixtures/press-samples.js';
import { percentileOfRuns } from '../fixtures/runs.js';
import { median, percentile } from '../stats.js';
import type { BenchRow } from '../types.js';

const BUDGET_MS = 1;

/** The desk's own cost between a key press and the OBS request leaving on the socket. */
export const row: BenchRow = {
  id: 'press-overhead',
  what: 'key press → OBS request written (in-process overhead)',
  budget: 'p99 ≤ 1 ms',
  async run(ctx) {
    const s = await pressSamples(ctx);
    const p99 = percentileOfRuns(s.rounds, 99, (r) => r.deskWrite, (r) => r.bareWrite);
    const p50 = median(s.rounds.map((r) => percentile(r.deskWrite, 50)));
    return {
      part: 'p99',
      ...p99,
      unit: 'ms',
      floorWhat: 'bare obs-websocket-js call() to write',
      meets: p99.value <= BUDGET_MS,
      machine: s.machine,
      note: `median of ${s.rounds.length} runs of ${s.rounds[0]?.deskWrite.length} presses on the virtual deck against ${s.server}; p50 ${p50.toFixed(3)} ms`,
    };
  },
};
