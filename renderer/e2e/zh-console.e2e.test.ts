import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishSentences } from '../../electron/core/contract/text-rules.js';
import { shot, startDesk, type E2eDesk } from './harness.js';

const SCENES = ['主播近景', '商品特写', '全景'];

/**
 * A rehearsal in Chinese through the console as a field controller runs it — a session, explains, a
 * flash sale, a stream-health alert, a refused action, OBS going away — and after each step nothing on
 * screen may read as an English sentence (DESIGN §8: the core sends codes, the console says them).
 */
describe('the Chinese console says everything in Chinese', () => {
  let desk: E2eDesk;
  let page: Page;

  beforeAll(async () => {
    desk = await startDesk({ obs: { kind: 'sim', scenes: SCENES }, prefix: 'livedesk-zh' });
    for (const [sku, name, priceFen, flashPriceFen] of [
      ['TEA-01', '明前龙井', 12_800, 9_900],
      ['TEA-02', '安吉白茶', 8_800, 6_990],
    ] as const) {
      const res = await desk.api('POST', '/products', { sku, name, priceFen, flashPriceFen, scene: '商品特写' });
      expect(res.status).toBe(201);
    }
    page = await desk.console('/', { viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
  });

  afterAll(async () => desk?.stop());

  /** Every English sentence visible on the page now (text and form values people read). */
  const visibleEnglish = async () => {
    const text = await page.locator('body').innerText();
    const values = await page.locator('input:visible, textarea:visible').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).placeholder));
    return [...englishSentences(text), ...values.flatMap((v) => englishSentences(v))];
  };

  it('starts a session and explains a product', async () => {
    await page.locator('[data-testid="obs-status"][data-status="connected"]').waitFor();
    await page.locator('.session-start input').fill('中秋茶礼 专场');
    await page.locator('.session-start button[type="submit"]').click();
    await page.locator('[data-testid="session-live"]').waitFor();
    await page.locator('[data-testid="products"] tr[data-sku="TEA-01"] .btn-explain').click();
    await page.locator('[data-testid="now-explaining"]', { hasText: '明前龙井' }).waitFor();
    const ts = Date.now();
    await desk.api('POST', '/ingest', { events: [{ type: 'snapshot', ts, online: 1_234 }, { type: 'order', ts: ts + 1, orderId: 'ZH-1', sku: 'TEA-01', qty: 1, amount: 12_800, buyer: '小王' }] });
    await page.locator('[data-testid="kpi-online"]', { hasText: '1,234' }).waitFor();
    expect(await visibleEnglish()).toEqual([]);
  });

  it('runs a flash sale', async () => {
    const flash = page.locator('[data-testid="flash-sale"]');
    await flash.locator('.flash-sku').selectOption('TEA-02');
    await flash.locator('.flash-seconds').fill('300');
    await flash.locator('.flash-stock-input').fill('5');
    await flash.locator('.flash-start').click();
    await page.locator('[data-testid="flash-countdown"]').waitFor();
    expect(await visibleEnglish()).toEqual([]);
  });

  it('shows a stream-health alert in Chinese', async () => {
    desk.obsSim?.setStats({ activeFps: 9 });
    const alert = page.locator('[data-testid="alerts"] [data-alert="obs-health-fps"]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('OBS 帧率 9 fps');
    expect(await visibleEnglish()).toEqual([]);
  });

  it('says a refused action in Chinese (no safe scene)', async () => {
    await page.locator('[data-testid="obs-safe"]').click();
    const notice = page.locator('.notices .notice').first();
    await notice.waitFor();
    expect(await notice.innerText()).toContain('没有安全场景');
    await shot(page, 'zh-console-1600x900.png');
    expect(await visibleEnglish()).toEqual([]);
  });

  it('says OBS going away in Chinese, on the pill, in the alerts and in the log', async () => {
    await desk.obsSim?.close({ abrupt: true });
    await page.locator('[data-testid="obs-status"][data-status="disconnected"]').waitFor();
    await page.locator('[data-testid="alerts"] [data-alert="obs-down"]').waitFor();
    await shot(page, 'zh-console-obs-down-1600x900.png');
    expect(await visibleEnglish()).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'zh-console-1366x768.png');
    expect(await visibleEnglish()).toEqual([]);
  });
});
