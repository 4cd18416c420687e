import { pressSamples, type PressRound } from '../fixtures/press-samples.js';
import { percentileOfRuns } from '../fixtures/runs.js';
import { median, percentile } from '../stats.js';
import type { BenchRow } from '../types.js';

const BUDGET_MS = 1;

/**
 * What the presses above each run's p99 had in common: a garbage collection between press and write,
 * or the process descheduled (it used under half the wall time as CPU: the OS ran something else).
 */
function describeTail(rounds: readonly PressRound[]): string {
  let slow = 0;
  let gc = 0;
  let descheduled = 0;
  for (const r of rounds) {
    const p99 = percentile(r.deskWrite, 99);
    r.deskWrite.forEach((ms, i) => {
      if (ms < p99) return;
      slow += 1;
      if (r.deskGc[i]) gc += 1;
      else if ((r.deskCpu[i] ?? NaN) < ms / 2) descheduled += 1;
    });
  }
  return `tail: of ${slow} presses at or above their run's p99, ${gc} overlapped a GC, ${descheduled} were descheduled (CPU < ½ wall), ${slow - gc - descheduled} ran on the CPU throughout`;
}

/** The desk's own cost between a key press and the OBS request leaving on the socket. */
export const row: BenchRow = {
  id: 'press-overhead',
  what: 'key press → OBS request written (in-process overhead)',
  budget: 'p99 ≤ 1 ms',
  async run(ctx) {
    const s = await pressSamples(ctx);
    const p99 = percentileOfRuns(s.rounds, 99, (r) => r.deskWrite, (r) => r.bareWrite);
    const p50 = median(s.rounds.map((r) => percentile(r.deskWrite, 50)));
    const tail = describeTail(s.rounds);
    return {
      part: 'p99',
      ...p99,
      unit: 'ms',
      floorWhat: 'bare obs-websocket-js call() to write',
      meets: p99.value <= BUDGET_MS,
      machine: s.machine,
      note: `median of ${s.rounds.length} runs of ${s.rounds[0]?.deskWrite.length} presses on the virtual deck against ${s.server}; p50 ${p50.toFixed(3)} ms; ${tail}`,
    };
  },
};
