import { readFile } from 'node:fs/promises';

/** Nearest-rank percentile of `samples` (0 < p ≤ 100). */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** High-resolution milliseconds, for latencies well under one. */
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

export const round = (value: number, digits = 3) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/**
 * The figures of several runs of one measurement: the median run is what the table shows, the
 * spread (min..max) says how far a single run could have landed from it.
 */
export interface RunSpread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function spreadOf(runs: readonly number[]): RunSpread {
  if (!runs.length) throw new Error('no runs to summarize');
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs: [...runs] };
}

/** Resident set size of a process in MB, from /proc (Linux). */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * Reads a process's RSS every `everyMs` until stopped, for a level over a stretch of work: a busy
 * process's RSS is a sawtooth (each heap grows until its collector runs), so one reading lands
 * anywhere between a trough and a peak of it.
 */
export function sampleRss(pid: number, everyMs = 100): { stop(): Promise<number[]> } {
  const samples: number[] = [];
  // Readings queue one behind the other, so stop() has them all and none lands after it.
  let readings: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    readings = readings.then(() => rssMb(pid)).then(
      (mb) => void samples.push(mb),
      () => undefined,
    );
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await readings;
      return samples;
    },
  };
}
