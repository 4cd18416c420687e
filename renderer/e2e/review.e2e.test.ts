import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoBundle, type DemoShow } from '../../electron/core/review/testing/demo-show.js';
import type { CoreProcess } from '../../electron/core/testing/core-process.js';
import { shot, startDesk, type E2eDesk } from './harness.js';

const SPRING: DemoShow = { title: '春茶专场 第一场', explains: [12, 9, 14, 8, 10, 11, 7], appeal: [2.5, 1.2, 0.8, 0.6, 1.5], baseOnline: 600 };
const SPRING2: DemoShow = { title: '春茶专场 第二场', explains: [10, 12, 8, 9, 13, 6], appeal: [1.8, 2.2, 1.0, 0.4, 1.1], baseOnline: 450 };
const GIFT: DemoShow = { title: '礼盒夜场', explains: [8, 8, 8, 8], appeal: [1, 1, 1, 3], baseOnline: 300 };

/**
 * 复盘 as a team does it the morning after: a review folder opened with --data-dir, a bundle opened from
 * the list, the list searched and edited, one show reviewed, two compared, and the HTML report exported
 * and opened offline in Chromium.
 */
describe('review: list → session → compare → HTML export', () => {
  let desk: E2eDesk;
  let core: CoreProcess;
  let browser: Browser;
  let page: Page;
  let scratch: string;
  let springIds: string[];

  beforeAll(async () => {
    desk = await startDesk({
      obs: { kind: 'dead' },
      prefix: 'livedesk-e2e-review',
      prepare: async ({ dir, onStop }) => {
        scratch = mkdtempSync(join(tmpdir(), 'livedesk-e2e-review-files-'));
        onStop(() => rmSync(scratch, { recursive: true, force: true }));
        // The review folder: a bundle from the studio machine, dropped next to where the database will be.
        springIds = await writeDemoBundle(join(dir, 'spring.ldbundle'), [SPRING, SPRING2]);
        await writeDemoBundle(join(scratch, 'gift.ldbundle'), [GIFT], Date.UTC(2026, 2, 20, 12, 0, 0));
      },
    });
    core = desk.core;
    browser = desk.browser;
    expect(core.stderr()).toContain('bundle spring.ldbundle: 2 session(s) imported');
    // One more show recorded live on this desk, through the API.
    await core.api('POST', '/actions', { type: 'session.start', title: 'API 彩排 rehearsal' });
    await core.api('POST', '/ingest', { events: [{ type: 'order', ts: Date.now(), orderId: 'api-1', sku: 'TEA-LJ', qty: 1, amount: 12_800 }] });
    await core.api('POST', '/actions', { type: 'session.end', confirm: true });

    page = await desk.console('/review', { viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  });

  afterAll(async () => desk?.stop());

  const rows = () => page.locator('[data-testid="review-list"] tbody tr');
  /** The review scrolls inside its own pane, so a whole-page shot needs a viewport as tall as the page. */
  const shootWhole = async (name: string) => {
    const height = await page.locator('main.review').evaluate((el) => el.scrollHeight + 60);
    await page.setViewportSize({ width: 1600, height: Math.min(6000, Math.max(1000, height)) });
    await shot(page, name);
    await page.setViewportSize({ width: 1600, height: 1000 });
  };

  it('lists the folder’s sessions, opens another bundle, searches, renames, tags and deletes', async () => {
    await expect.poll(() => rows().count()).toBe(3);
    await page.locator('[data-testid="bundle-file"]').setInputFiles(join(scratch, 'gift.ldbundle'));
    await page.locator('[data-testid="bundle-notice"]', { hasText: 'gift.ldbundle' }).waitFor();
    await expect.poll(() => rows().count()).toBe(4);

    // A foreign file is refused with a clear message and nothing changes.
    await page.locator('[data-testid="bundle-file"]').setInputFiles({ name: 'notes.ldbundle', mimeType: 'application/octet-stream', buffer: Buffer.from('not a bundle') });
    await page.locator('[data-testid="bundle-notice"].error-text', { hasText: '不是 LiveDesk 场次包' }).waitFor();
    await expect.poll(() => rows().count()).toBe(4);

    const api = rows().filter({ hasText: 'API 彩排 rehearsal' });
    await api.locator('[data-action="edit"]').click();
    await page.locator('.rv-edit-title').fill('API 场次 renamed');
    await page.locator('.rv-edit-tags').fill('测试, api');
    await page.locator('.rv-edit button[type="submit"]').click();
    await rows().filter({ hasText: 'API 场次 renamed' }).locator('.rv-tag', { hasText: '测试' }).waitFor();

    await page.locator('.rv-search').fill('春茶');
    await expect.poll(() => rows().count()).toBe(2);
    await page.locator('.rv-search').fill('');
    await page.locator('[data-testid="review-filters"] select').selectOption('测试');
    await expect.poll(() => rows().count()).toBe(1);
    await shot(page, 'review-list-filtered.png');
    await page.locator('[data-testid="review-filters"] select').selectOption('');

    await rows().filter({ hasText: 'API 场次 renamed' }).locator('[data-action="delete"]').click();
    await page.locator('.confirm-dialog .btn-danger').click();
    await expect.poll(() => rows().count()).toBe(3);
    await shot(page, 'review-list.png');
  });

  it('reviews a show: KPI cards against the other, curves with lanes, a segment, the product table, notes', async () => {
    await rows().filter({ hasText: '春茶专场 第二场' }).locator('.session-link').click();
    await page.locator('[data-testid="review-session"]').waitFor();
    await page.locator('[data-kpi="gmvFen"] .rv-cmp', { hasText: /较上一场 [+−±]\d+%/ }).waitFor();
    expect(await page.locator('[data-testid="timeline-chart"] .rv-metric svg.recharts-surface').count()).toBeGreaterThanOrEqual(6);
    for (const lane of ['explain', 'flashsale', 'marker', 'alert', 'problem']) await page.locator(`[data-testid="lanes"] [data-lane="${lane}"]`).waitFor();

    // Hover read-out and a click on the third 讲解 segment.
    const chart = page.locator('[data-metric="online"] svg.recharts-surface');
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.locator('[data-testid="readout"] strong').first().waitFor();
    await page.locator('[data-lane="explain"] .rv-seg').nth(2).click();
    await page.locator('[data-testid="segment-card"]', { hasText: '青瓷茶杯' }).waitFor();

    await page.locator('[data-insight="drop"] .cmp-down').waitFor();
    // The best seller per explain-minute is on top, as the core computed it, and named in the insight.
    const products = (await core.api('GET', `/sessions/${springIds[1]}/products`)).body as { sku: string; gmvPerExplainMinuteFen: number | null }[];
    const best = [...products].sort((a, b) => (b.gmvPerExplainMinuteFen ?? -1) - (a.gmvPerExplainMinuteFen ?? -1))[0]!;
    expect(await page.locator('[data-testid="products-table"] tbody tr').first().getAttribute('data-sku')).toBe(best.sku);
    const bestName = await page.locator('[data-testid="products-table"] tbody tr').first().locator('.product-name').textContent();
    expect(bestName).toContain((await page.locator('[data-insight="best"] strong').textContent()) ?? '?');
    await page.locator('[data-testid="products-table"] [data-sort="explains"]').click();
    await page.locator('[data-testid="products-table"] th[aria-sort="descending"]', { hasText: '讲解次数' }).waitFor();

    await page.locator('.rv-note-add button').first().click();
    await page.locator('.rv-note-text').first().fill('龙井讲解节奏好，茶杯秒杀要提前');
    await page.locator('.rv-notes-save').click();
    await page.locator('.rv-notes-foot .ok-text').waitFor();
    expect((await core.api('GET', `/sessions/${springIds[1]}/notes`)).body.notes[0].text).toBe('龙井讲解节奏好，茶杯秒杀要提前');
    await shootWhole('review-session-zh.png');

    // Zoom onto the crowded seconds around the stream drop: alerts, a marker, a weighing, a plan step.
    const review = (await core.api('GET', `/sessions/${springIds[1]}/review`)).body as { session: { startedAt: number; durationMs: number }; lanes: { kind: string; ts: number; data: { id?: string } }[] };
    const alertAt = (review.lanes.find((l) => l.data.id === 'obs-down')?.ts ?? 0) - review.session.startedAt;
    await page.locator('[data-testid="zoom"]').scrollIntoViewIfNeeded();
    const brush = (await page.locator('[data-testid="zoom"] .recharts-brush').boundingBox())!;
    const travellers = page.locator('[data-testid="zoom"] .recharts-brush-traveller');
    const overviewTicks = () => page.locator('[data-testid="zoom"] .recharts-cartesian-axis-tick-value').allTextContents();
    const wholeShow = await overviewTicks();
    const drag = async (i: number, fraction: number) => {
      const t = (await travellers.nth(i).boundingBox())!;
      await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2);
      await page.mouse.down();
      await page.mouse.move(brush.x + brush.width * fraction, t.y + t.height / 2, { steps: 8 });
      await page.mouse.up();
    };
    await drag(1, Math.min(1, (alertAt + 80_000) / review.session.durationMs));
    await drag(0, Math.max(0, (alertAt - 30_000) / review.session.durationMs));
    const lanes = page.locator('[data-testid="lanes"]');
    await lanes.locator('[data-lane="alert"] .rv-span').first().waitFor();
    // The overview above the brush still shows the whole show: recharts narrows the chart that holds a brush.
    expect(await overviewTicks()).toEqual(wholeShow);
    const text = (await lanes.textContent()) ?? '';
    for (const raw of ['scale.reading', 'plan.segment', 'good moment', 'reconnecting', 'alert.clear']) expect(text).not.toContain(raw);
    expect(text).toContain('高光时刻');
    // An alert and its clearing are one span; the axis under the lanes reads to the second, every tick distinct.
    expect(await lanes.locator('[data-lane="alert"] .rv-tick').count()).toBe(0);
    const ticks = await lanes.locator('.rv-axis-tick').allTextContents();
    expect(ticks.length).toBeGreaterThan(2);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks.some((tick) => !tick.endsWith(':00'))).toBe(true); // zoomed to under two minutes: ticks carry seconds
    // No two labels in a lane cover each other.
    for (const lane of ['alert', 'marker', 'other']) {
      const boxes = (await lanes.locator(`[data-lane="${lane}"] .rv-tick em, [data-lane="${lane}"] .rv-span`).evaluateAll((els) =>
        els.filter((e) => e.textContent).map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; }),
      )) as [number, number, number, number][];
      for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(a[1] <= b[0] || b[1] <= a[0] || a[3] <= b[2] || b[3] <= a[2]).toBe(true);
    }
    await shot(page.locator('[data-testid="curves"]'), 'review-lanes-zoom-zh.png');

    // Every KPI with its basis, as the live desk shows it; then a 罗盘 product ranking imported beside the desk's own sales.
    expect(await page.locator('[data-testid="review-ratios"] .basis').count()).toBeGreaterThanOrEqual(8);
    const ranking = readFileSync(new URL('../../electron/core/review/platform-import/fixtures/douyin-compass-product-ranking.xlsx', import.meta.url));
    const imported = await fetch(`${core.url}/api/v1/sessions/${springIds[1]}/import`, { method: 'POST', headers: { authorization: `Bearer ${core.token}` }, body: ranking });
    expect(imported.status).toBe(201);
    await page.reload();
    const panel = page.locator('[data-testid="platform-panel"]');
    await panel.locator('[data-testid="platform-products"] tbody tr').first().waitFor();
    expect(await panel.textContent()).toContain('本机 − 平台');
    await shot(panel, 'review-platform-zh.png');
    await page.locator('.lang-toggle').click();
    await page.locator('[data-testid="curves"]', { hasText: 'Online' }).waitFor();
    await shootWhole('review-session-en.png');
    await page.locator('.lang-toggle').click();
  });

  it('compares the two spring shows on show time, with their product tables', async () => {
    await page.locator('.back-link').click();
    await rows().filter({ hasText: '春茶专场 第一场' }).locator('input[type="checkbox"]').check();
    await rows().filter({ hasText: '春茶专场 第二场' }).locator('input[type="checkbox"]').check();
    await page.locator('[data-testid="compare-selected"]').click();
    await page.locator('[data-testid="review-compare"]').waitFor();
    await page.locator('[data-testid="compare-chart"] .recharts-line').nth(1).waitFor();
    await page.locator('[data-testid="compare-products-0"]').waitFor();
    await page.locator('[data-testid="compare-products-1"]').waitFor();
    await page.locator('[data-testid="compare-metric"]').selectOption('cumGmvFen');
    await shootWhole('review-compare.png');
  });

  it('exports the HTML report, which opens offline with its charts and fetches nothing', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="html"]').click()]);
    const file = join(scratch, download.suggestedFilename());
    await download.saveAs(file);
    expect(file).toMatch(/\.html$/);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('春茶专场 第一场');
    expect(html).toContain('龙井讲解节奏好');

    const report = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    report.on('request', (r) => requests.push(r.url()));
    await report.goto(pathToFileURL(file).href);
    expect(await report.locator('section.session').count()).toBe(2);
    expect(await report.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(8);
    expect(await report.locator('table.products tbody tr').count()).toBeGreaterThanOrEqual(5);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await shot(report, 'review-report.png', { fullPage: true });
    await report.close();
  });
});
