import { setTimeout as delay } from 'node:timers/promises';
import { startLiveCore } from '../fixtures/bench-core.js';
import { benchBrowser, closePage, freshPage, navigateUntil } from '../fixtures/browser.js';
import { pacedIngest } from '../fixtures/paced-ingest.js';
import { median, spreadOf } from '../stats.js';
import type { BenchRow } from '../types.js';

const BUDGET_SHARE = 0.25;
const RATE = 10_000;

declare global {
  interface Window {
    __longTasks?: { start: number; duration: number }[];
  }
}

function observeLongTasks(): void {
  const tasks: { start: number; duration: number }[] = [];
  window.__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** Share of [from, to] (page clock) the main thread spent in long tasks. */
const busyShare = (tasks: readonly { start: number; duration: number }[], from: number, to: number) =>
  tasks.reduce((sum, t) => sum + Math.max(0, Math.min(to, t.start + t.duration) - Math.max(from, t.start)), 0) / (to - from);

/**
 * The console open in Chromium while a show runs at 10k events/s into the core: the share of its main
 * thread in long tasks (> 50 ms). The floor is the same console with the show paused (the state
 * static), in windows alternating with the loaded ones.
 */
export const row: BenchRow = {
  id: 'console-load',
  what: "share of the console's main thread busy (long tasks) during a show at 10k events/s",
  budget: '≤ 25%',
  async run(ctx) {
    const runs = ctx.quick ? 2 : 3;
    const seconds = ctx.quick ? 2 : 4;
    const core = await startLiveCore(ctx, 'console-load-core', 'bench: console load');
    const ingest = await core.socket();
    const browser = await benchBrowser(ctx);
    const page = await freshPage(browser);
    try {
      await navigateUntil(page, `${core.url}/?token=${core.token}`, ['[data-testid="console"]']);
      await page.evaluate(observeLongTasks);
      await delay(1_000); // the first render and the device lists settle
      const value: number[] = [];
      const floor: number[] = [];
      const achieved: number[] = [];
      const now = () => page.evaluate(() => performance.now());
      const measureWindow = async (load: boolean) => {
        const from = await now();
        if (load) achieved.push((await pacedIngest(ingest, { rate: RATE, seconds, batch: 100, tag: `load${value.length}` })).achieved);
        else await delay(seconds * 1000);
        await delay(300); // the last pushes land
        const to = await now();
        return busyShare(await page.evaluate(() => window.__longTasks ?? []), from, to);
      };
      for (let i = 0; i < runs; i++) {
        floor.push(await measureWindow(false));
        value.push(await measureWindow(true));
      }
      const v = spreadOf(value);
      return {
        value: v.median * 100,
        unit: '%',
        floor: spreadOf(floor).median * 100,
        floorWhat: 'the same console, show paused',
        runs: value.map((x) => x * 100),
        floorRuns: floor.map((x) => x * 100),
        meets: v.median <= BUDGET_SHARE,
        note: `median of ${runs} windows of ${seconds} s at ${Math.round(median(achieved)).toLocaleString('en-US')} events/s achieved, each after a paused window; long tasks = tasks over 50 ms`,
      };
    } finally {
      await closePage(page);
      ingest.close();
      await core.stop();
    }
  },
};
