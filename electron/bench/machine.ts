import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

/** How busy the machine was while one row ran: figures from a busy machine are pessimistic. */
export interface MachineLoad {
  cores: number;
  /** Mean number of runnable threads (ours included), sampled from /proc/loadavg while the row ran. */
  runnable: number;
  /** Share of all cores' time spent busy while the row ran (all processes, ours included), 0..1. */
  cpuBusy: number | null;
  /** The part of cpuBusy that was not this bench or the processes it started, 0..1. */
  othersBusy: number | null;
  /** One-minute load average at the row's end. */
  load1: number;
  /** More runnable threads than cores on average, or every core busy: the row waited for CPU. */
  busy: boolean;
}

function cpuTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.reduce((a, b) => a + b, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

const CLOCK_TICK_LIMIT = 1e15;

/** CPU ticks (user + system) of this process and every live descendant (cores, OBS, Chromium). */
function ownTreeTicks(): Map<number, number> {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the ")" that closes the command name: state ppid … utime(12th) stime(13th).
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(rest[1]));
      ticks.set(Number(name), Number(rest[11]) + Number(rest[12]));
    } catch {
      // The process ended while we looked.
    }
  }
  const own = new Map<number, number>();
  for (const [pid, t] of ticks) {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; p = parents.get(p), hops++) {
      if (p === process.pid) {
        if (t < CLOCK_TICK_LIMIT) own.set(pid, t);
        break;
      }
    }
  }
  return own;
}

/** Ticks our processes spent between two readings (a process new since the first counts from zero). */
function ownTicksBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, t] of after) sum += Math.max(0, t - (before.get(pid) ?? 0));
  return sum;
}

function runnableNow(): number | null {
  try {
    // "0.52 0.58 0.59 3/467 12345": the fourth field's numerator counts runnable threads, this one included.
    const running = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[3]?.split('/')[0]);
    return Number.isFinite(running) ? running : null;
  } catch {
    return null;
  }
}

/**
 * Samples the machine every 250 ms until stopped. The sampler's own reading counts itself as runnable,
 * so one is taken off each sample.
 */
export function watchMachine(intervalMs = 250): { stop(): MachineLoad } {
  const cores = availableParallelism();
  const start = cpuTicks();
  const ownStart = ownTreeTicks();
  const samples: number[] = [];
  const sample = () => {
    const n = runnableNow();
    if (n !== null) samples.push(Math.max(0, n - 1));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const end = cpuTicks();
      const span = start && end && end.total > start.total ? end.total - start.total : null;
      const cpuBusy = span && start && end ? (end.busy - start.busy) / span : null;
      // Children that ended during the row took their ticks with them: others' share is an upper bound.
      const othersBusy = span && cpuBusy !== null ? Math.max(0, cpuBusy - ownTicksBetween(ownStart, ownTreeTicks()) / span) : null;
      const runnable = samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : 0;
      const load1 = loadavg()[0] ?? 0;
      return { cores, runnable, cpuBusy, othersBusy, load1, busy: runnable > cores };
    },
  };
}
