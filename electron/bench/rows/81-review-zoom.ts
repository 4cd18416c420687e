import type { Page } from 'playwright-core';
import { startBenchCore } from '../fixtures/bench-core.js';
import { benchBrowser, closePage, freshPage, navigateUntil } from '../fixtures/browser.js';
import { twelveHourDb } from '../fixtures/twelve-hour-db.js';
import { percentile, spreadOf } from '../stats.js';
import type { BenchRow } from '../types.js';
import { REVIEW_DRAWN } from './80-review-open.js';

const BUDGET_MS = 50;
const STEPS = 15;

declare global {
  interface Window {
    __redraws?: number[];
  }
}

/**
 * Times each redraw in the page: from the mouse move (capture phase, before the brush sees it) to the
 * first task after the next frame — by then the charts have rendered what that move asked for.
 */
function installRedrawTimer(): void {
  const redraws: number[] = [];
  window.__redraws = redraws;
  window.addEventListener(
    'mousemove',
    () => {
      const t0 = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => redraws.push(performance.now() - t0);
        channel.port2.postMessage(0);
      });
    },
    { capture: true },
  );
}

async function drag(page: Page, from: { x: number; y: number }, toX: number): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= STEPS; i++) {
    const before = await page.evaluate(() => window.__redraws?.length ?? 0);
    await page.mouse.move(from.x + ((toX - from.x) * i) / STEPS, from.y);
    await page.waitForFunction((n) => (window.__redraws?.length ?? 0) > n, before, { polling: 'raf' });
  }
  await page.mouse.up();
}

/** Zooms in with the brush's right handle, pans the window right, widens it with the left handle. */
async function zoomAndPan(page: Page, url: string): Promise<number[]> {
  await navigateUntil(page, url, REVIEW_DRAWN);
  // The review draws its curves first and its notes, platform figures and event log as they land
  // (review-open times that); zooming starts once they have, so each sample is a zoom's own redraw and
  // not, depending on how fast the core answered, the event log arriving mid-gesture.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.evaluate(installRedrawTimer);
  // The review scrolls inside its own pane: bring the brush on screen, or the mouse misses it.
  await page.locator('[data-testid="zoom"]').scrollIntoViewIfNeeded();
  const box = async (selector: string, nth = 0) => {
    const b = await page.locator(`[data-testid="zoom"] ${selector}`).nth(nth).boundingBox();
    if (!b) throw new Error(`no ${selector} in the review's zoom brush`);
    return { x: b.x + b.width / 2, y: b.y + b.height / 2, left: b.x, width: b.width };
  };
  const track = await box('.recharts-brush > rect', 0);
  const right = await box('.recharts-brush-traveller', 1);
  await drag(page, right, track.left + track.width * 0.3);
  const slide = await box('.recharts-brush-slide');
  await drag(page, slide, slide.x + track.width * 0.5);
  const left = await box('.recharts-brush-traveller', 0);
  await drag(page, left, track.left + track.width * 0.1);
  return page.evaluate(() => window.__redraws ?? []);
}

/**
 * p95 time per redraw while zooming and panning the 12-hour review with its brush, in Chromium; the
 * floor is the same gestures on the 6-minute session's review, in the same run.
 */
export const row: BenchRow = {
  id: 'review-zoom',
  what: 'p95 time per redraw while zooming and panning the 12-hour review in Chromium',
  budget: 'p95 ≤ 50 ms',
  async run(ctx) {
    const runs = ctx.quick ? 2 : 3;
    const show = await twelveHourDb(ctx);
    const core = await startBenchCore(ctx, 'review-zoom-core', show.dataDir);
    const browser = await benchBrowser(ctx);
    const url = (id: string) => `${core.url}/review/${encodeURIComponent(id)}?token=${core.token}`;
    const gestures = async (id: string) => {
      const page = await freshPage(browser);
      try {
        return await zoomAndPan(page, url(id));
      } finally {
        await closePage(page);
      }
    };
    const value: number[] = [];
    const floor: number[] = [];
    let redraws = 0;
    for (let i = 0; i < runs; i++) {
      floor.push(percentile(await gestures(show.shortSessionId), 95));
      const samples = await gestures(show.sessionId);
      redraws = samples.length;
      value.push(percentile(samples, 95));
    }
    await core.stop();
    const v = spreadOf(value);
    return {
      part: 'p95',
      value: v.median,
      unit: 'ms',
      floor: spreadOf(floor).median,
      floorWhat: 'the same gestures, 6-minute session',
      runs: value,
      floorRuns: floor,
      meets: v.median <= BUDGET_MS,
      note: `median of ${runs} runs of ${redraws} brush moves (zoom in, pan, widen), each timed from the mouse move to the first task after the next frame`,
    };
  },
};
