import { startBenchCore } from '../fixtures/bench-core.js';
import { benchBrowser, closePage, freshPage, navigateUntil } from '../fixtures/browser.js';
import { twelveHourDb } from '../fixtures/twelve-hour-db.js';
import { spreadOf } from '../stats.js';
import type { BenchRow } from '../types.js';

const BUDGET_MS = 1_500;

/** Curves, lanes and the product table: what "the review is drawn" means. */
export const REVIEW_DRAWN = ['[data-testid="timeline-chart"] svg.recharts-surface', '[data-testid="lanes"]', '[data-testid="products-table"] tbody tr'];

/**
 * Navigation to the 12-hour, 2M-event session's review in Chromium (a new browser context each time:
 * cold cache) until curves, lanes and product table are drawn; the floor is the same page for a
 * 6-minute session, opened right before it in each run.
 */
export const row: BenchRow = {
  id: 'review-open',
  what: 'browser navigation to the 12-hour review until curves, lanes and product table are drawn',
  budget: '≤ 1.5 s',
  async run(ctx) {
    const runs = ctx.quick ? 2 : 3;
    const show = await twelveHourDb(ctx);
    const core = await startBenchCore(ctx, 'review-browser-core', show.dataDir);
    const browser = await benchBrowser(ctx);
    const url = (id: string) => `${core.url}/review/${encodeURIComponent(id)}?token=${core.token}`;
    const open = async (id: string) => {
      const page = await freshPage(browser);
      try {
        return await navigateUntil(page, url(id), REVIEW_DRAWN);
      } finally {
        await closePage(page);
      }
    };
    await open(show.shortSessionId); // the first start of the renderer and the core's first read are not the subject
    const value: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < runs; i++) {
      floor.push(await open(show.shortSessionId));
      value.push(await open(show.sessionId));
    }
    await core.stop();
    const v = spreadOf(value);
    return {
      value: v.median,
      unit: 'ms',
      floor: spreadOf(floor).median,
      floorWhat: 'the same page, 6-minute session',
      runs: value,
      floorRuns: floor,
      meets: v.median <= BUDGET_MS,
      note: `median of ${runs} cold navigations (new context each) in Debian's Chromium, headless; ${show.events.toLocaleString('en-US')} events`,
    };
  },
};
