import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreProcess } from '../../electron/core/testing/core-process.js';
import { shot, startDesk, type E2eDesk } from './harness.js';

/**
 * Live KPIs as a studio sees them: the KPI ticker and the data board (大屏) in Chromium as OBS Browser
 * Sources, the console's KPI panels and alerts, and the desk KPI page, all fed through POST /ingest.
 * No OBS is involved here, so the core runs without one.
 */
describe('live KPIs → overlays, console, desk KPI page', () => {
  let desk: E2eDesk;
  let core: CoreProcess;
  let orderSeq = 0;
  const ts = () => Date.now();

  const order = (sku: string, amount: number, buyer: string) => ({ type: 'order', ts: ts(), orderId: `E2E-${++orderSeq}`, sku, qty: 1, amount, buyer });
  const ingest = async (events: unknown[], source = 'e2e-connector') => {
    const res = await core.api('POST', '/ingest', { source, events });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
  };
  const overlayPage = (path: string): Promise<Page> => desk.overlay(path, { locale: 'zh-CN' });

  beforeAll(async () => {
    desk = await startDesk({ obs: { kind: 'dead' }, prefix: 'livedesk-kpi-e2e' });
    core = desk.core;
    expect((await core.api('POST', '/actions', { type: 'session.start', title: '双十一 KPI E2E' })).status).toBe(200);
    await core.api('POST', '/products', { sku: 'TEA-01', name: '明前龙井 250g', priceFen: 12_800 });
    await core.api('POST', '/products', { sku: 'CUP-02', name: '青瓷茶杯', priceFen: 5_900 });
    await core.api('POST', '/actions', { type: 'product.explain', sku: 'TEA-01' });
    await ingest([
      { type: 'snapshot', ts: ts(), online: 1_520, viewersUv: 8_000, viewsPv: 12_000, productExposures: 3_000, productClicks: 600, adSpend: 100_000, newFollowers: 90 },
      order('TEA-01', 12_800, 'a'),
      order('CUP-02', 5_900, 'b'),
    ]);
  });

  afterAll(async () => desk?.stop());

  it('the KPI ticker renders in each layout and theme and follows ingest', async () => {
    const bar = await overlayPage('/overlay/ticker');
    await bar.locator('[data-testid="kpi-ticker"][data-layout="bar"][data-theme="dark"]').waitFor();
    await bar.locator('[data-testid="ticker-online"]', { hasText: '1,520' }).waitFor();
    await bar.locator('[data-testid="ticker-gmv"]', { hasText: '187.00' }).waitFor();
    await bar.locator('[data-testid="ticker-product"]', { hasText: '明前龙井' }).waitFor();

    await ingest([{ type: 'snapshot', ts: ts(), online: 2_345 }, order('TEA-01', 12_800, 'c')]);
    await bar.locator('[data-testid="ticker-online"]', { hasText: '2,345' }).waitFor();
    await bar.locator('[data-testid="ticker-gmv"]', { hasText: '315.00' }).waitFor();
    await shot(bar, 'kpi-ticker-bar.png', { omitBackground: true });

    const compact = await overlayPage('/overlay/ticker?layout=compact&theme=light&lang=en');
    await compact.locator('[data-testid="kpi-ticker"][data-layout="compact"][data-theme="light"]').waitFor();
    await compact.locator('[data-testid="ticker-online"]', { hasText: 'Online' }).waitFor();
    expect(await compact.locator('[data-testid="ticker-conversion"]').count()).toBe(0);
    await shot(compact, 'kpi-ticker-compact-light-en.png', { omitBackground: true });
    await compact.close();
    await bar.close();
  });

  it('the data board shows every headline KPI and per-product sales, coalescing a burst of updates', async () => {
    const board = await overlayPage('/overlay/board');
    await board.locator('[data-testid="board-gmv"]', { hasText: '315.00' }).waitFor();
    await board.locator('[data-testid="board-products"] tr[data-sku="TEA-01"]', { hasText: '256.00' }).waitFor();
    await board.locator('[data-testid="board-conversion"]', { hasText: '人数' }).waitFor();

    // 150 batches as fast as HTTP allows: the board repaints a handful of times, not 150.
    const rendersBefore = Number(await board.locator('[data-testid="kpi-board"]').getAttribute('data-renders'));
    for (let i = 0; i < 150; i++) await ingest([{ type: 'snapshot', ts: ts(), online: 3_000 + i }, { type: 'like', ts: ts(), count: 1 }]);
    await ingest([order('CUP-02', 5_900, 'd')]);
    await board.locator('[data-testid="board-online"]', { hasText: '3,149' }).waitFor();
    await board.locator('[data-testid="board-gmv"]', { hasText: '374.00' }).waitFor();
    const renders = Number(await board.locator('[data-testid="kpi-board"]').getAttribute('data-renders')) - rendersBefore;
    expect(renders).toBeGreaterThan(0);
    expect(renders).toBeLessThan(75);
    await board.locator('[data-testid="board-explain"]', { hasText: '明前龙井' }).waitFor();
    await shot(board, 'kpi-board-grid.png');

    const focus = await overlayPage('/overlay/board?layout=focus&theme=brand&lang=en');
    await focus.locator('[data-testid="kpi-board"][data-layout="focus"][data-theme="brand"]').waitFor();
    await focus.locator('[data-testid="board-gmv"]', { hasText: '374.00' }).waitFor();
    await shot(focus, 'kpi-board-focus-brand-en.png');
    await focus.close();
    await board.close();
  });

  it('the console shows every KPI with its basis, switches a basis, lists sources and copyable overlay URLs', async () => {
    const page = await desk.console('/', { viewport: { width: 1600, height: 1000 } });
    await page.locator('[data-testid="kpi-details"]').waitFor();
    await page.locator('[data-testid="kpi-gpmFen"]', { hasText: '次数' }).waitFor();
    await page.locator('[data-testid="basis-conversion"]', { hasText: '人数' }).click();
    await page.locator('[data-testid="basis-conversion"]', { hasText: '次数' }).waitFor();
    expect((await core.api('GET', '/kpi/settings')).body.basis.conversion).toBe('times');

    await page.locator('[data-testid="ingest-sources"] li[data-source="e2e-connector"]').waitFor();
    const tickerUrl = page.locator('[data-testid="overlay-url-ticker"]');
    await expect.poll(() => tickerUrl.inputValue()).toContain(`/overlay/ticker?token=${core.overlayToken}`);
    await page.locator('[data-testid="overlay-opt-board-theme"]').selectOption('light');
    expect(await page.locator('[data-testid="overlay-url-board"]').inputValue()).toContain('theme=light');

    // A rule typed in the console: GMV above ¥300 is yellow (GMV is ¥374.00).
    await page.locator('[data-testid="rule-kpi"]').selectOption('gmvFen');
    await page.locator('[data-testid="rule-condition"]').selectOption('above');
    await page.locator('[data-testid="rule-yellow"]').fill('300');
    await page.locator('[data-testid="rule-add"]').click();
    await page.locator('[data-testid="alert-rules"] li[data-rule^="gmvfen-above-"]').waitFor();
    const rules = (await core.api('GET', '/kpi/settings')).body.alerts;
    expect(rules.find((r: { kpi: string }) => r.kpi === 'gmvFen')).toMatchObject({ condition: 'above', yellow: 30_000 });
    await ingest([{ type: 'like', ts: ts(), count: 1 }]);
    await page.locator('[data-testid="alerts"] [data-alert^="kpi:gmvfen-above-"].alert-warn', { hasText: '¥374.00' }).waitFor();

    // An alert rule over the API: online below 1,000 is red. It shows, beeps, and is logged.
    const put = await core.api('PUT', '/kpi/settings', { alerts: [{ id: 'low-online', kpi: 'online', condition: 'below', yellow: 2_000, red: 1_000 }] });
    expect(put.status).toBe(200);
    // Every console shows the rules as they are now: they come with the pushed state.
    await page.locator('[data-testid="alert-rules"] li[data-rule="low-online"]').waitFor();
    expect(await page.locator('[data-testid="alert-rules"] li[data-rule^="gmvfen-above-"]').count()).toBe(0);
    await ingest([{ type: 'snapshot', ts: ts(), online: 800 }]);
    await page.locator('[data-testid="alerts"] [data-alert="kpi:low-online"].alert-error').waitFor();
    await expect.poll(async () => Number(await page.locator('[data-testid="alert-sound"]').getAttribute('data-beeps'))).toBeGreaterThan(0);
    await shot(page, 'console-kpi.png', { fullPage: true });
    await page.locator('[data-testid="alert-sound"]').click();
    await page.locator('[data-testid="alert-sound"][data-muted="true"]').waitFor();

    const session = (await core.api('GET', '/sessions')).body[0];
    const detail = (await core.api('GET', `/sessions/${session.id}`)).body;
    expect(detail.events.some((e: { kind: string; data: { id?: string } }) => e.kind === 'alert' && e.data.id === 'kpi:low-online')).toBe(true);
    await page.close();
  });

  it('imports a platform export from the console dialog, and again without double counting', async () => {
    const page = await desk.console('/', { viewport: { width: 1600, height: 1000 } });
    await page.locator('[data-testid="import-open"]').click();
    await page.locator('[data-testid="import-session"] option', { hasText: '双十一 KPI E2E' }).waitFor({ state: 'attached' });
    const file = fileURLToPath(new URL('../../electron/core/review/platform-import/fixtures/douyin-buyin-products-gbk.csv', import.meta.url));
    await page.locator('[data-testid="import-file"]').setInputFiles(file);
    await page.locator('[data-testid="import-submit"]').click();
    await page.locator('[data-testid="import-result"][data-ok="true"]', { hasText: '3 行（合并 0 行）' }).waitFor();
    await page.locator('[data-testid="import-submit"]').click();
    await page.locator('[data-testid="import-result"][data-ok="true"]', { hasText: '合并 3 行' }).waitFor();
    await shot(page.locator('[data-testid="import-dialog"]'), 'import-dialog.png');
    await page.close();
  });

  it('the desk KPI page lists the full set, alerts and sources (zh and en)', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = await desk.console(`/kpi?lang=${lang}`, { viewport: { width: 480, height: 820 }, locale: undefined });
      await page.locator('[data-testid="desk-kpi"]').waitFor();
      await page.locator('[data-testid="desk-kpi-roi"]', { hasText: '0.37' }).waitFor();
      await page.locator('[data-testid="desk-kpi-alerts"]', { hasText: lang === 'zh' ? '在线人数' : 'online' }).waitFor();
      expect(page.url()).not.toContain('token=');
      await shot(page, `desk-kpi-${lang}.png`, { fullPage: true });
      await page.close();
    }
  });

  it('the console shows the 弹幕 feed with masked names, and a keyword the controller set raises an alert (zh)', async () => {
    const page = await desk.console('/', { viewport: { width: 1600, height: 1000 } });
    const feed = page.locator('[data-testid="comment-feed"]');
    await feed.locator('.panel-head', { hasText: '弹幕' }).waitFor();
    // The controller adds 尺码 to the watched words from the console (an action on the bus).
    const words = feed.locator('[data-testid="comment-keywords"]');
    await words.fill('发货、退款、质量、尺码');
    await feed.locator('button[type="submit"]').click();
    await expect.poll(async () => (await core.api('GET', '/comments/keywords')).body).toEqual(['发货', '退款', '质量', '尺码']);

    await ingest([
      { type: 'comment', ts: ts(), user: '王大锤', text: '主播好漂亮' },
      { type: 'comment', ts: ts(), user: 'lucy_88', text: '请问尺码偏大吗' },
    ]);
    await feed.locator('.log-row', { hasText: '主播好漂亮' }).filter({ hasText: '王**' }).waitFor();
    await feed.locator('.log-row[data-keyword="尺码"]', { hasText: 'l***' }).waitFor();
    const alert = page.locator('[data-testid="alerts"] [data-alert="comment:尺码"]');
    await alert.filter({ hasText: '弹幕提到“尺码”（l***）：请问尺码偏大吗' }).waitFor();
    // Viewer names are personal data: the raw ones are nowhere on the page.
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('lucy_88');
    expect(text).not.toContain('王大锤');
    await shot(page.locator('[data-testid="comment-feed"]'), 'console-comment-feed-zh.png');
    await page.close();
  });
});
