import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OBSWebSocket from 'obs-websocket-js/json';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealObs, type RealObs } from '../../electron/core/obs/testing/real-obs.js';
import { startCoreProcess, type CoreProcess } from '../../electron/core/testing/core-process.js';
import { launchChromium, SHOTS_DIR } from './browser.js';

const NPM = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];

/**
 * The walking skeleton as a field controller uses it: Chromium clicking through the console that
 * `npm run console` serves, against a real OBS, then the overlay and the review.
 */
describe('console → OBS → overlay → review', () => {
  let obs: RealObs;
  let core: CoreProcess;
  let browser: Browser;
  let page: Page;
  let observer: OBSWebSocket;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'livedesk-e2e-'));
    obs = await startRealObs({ scenes: ['开场 Opening', '主播近景 Host', '商品特写 Product', '暂离 BRB'] });
    core = await startCoreProcess(['--data-dir', dir, '--port', '0', '--obs-url', obs.url, '--obs-password', obs.password], {
      command: [...NPM, 'run', '--silent', 'console', '--'],
      timeoutMs: 120_000,
    });
    observer = new OBSWebSocket();
    await observer.connect(obs.url, obs.password);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
    // A step that hangs should fail as that step, with its locator, not as a test timeout.
    page.setDefaultTimeout(15_000);
    await page.goto(`${core.url}/?token=${core.token}`);
  });

  afterAll(async () => {
    await browser?.close();
    await observer?.disconnect();
    await core?.stop();
    await obs?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const programScene = async () => (await observer.call('GetCurrentProgramScene')).currentProgramSceneName;

  it('shows OBS connected and strips the token from the address bar', async () => {
    await page.locator('[data-testid="obs-status"][data-status="connected"]').waitFor();
    expect(page.url()).not.toContain('token=');
  });

  it('starts a session, adds a product and explains it: OBS switches, the overlay shows it', async () => {
    await page.locator('.session-start input').fill('春季上新 E2E');
    await page.locator('.session-start button[type="submit"]').click();
    await page.locator('[data-testid="session-live"]').waitFor();

    await page.locator('.input-sku').fill('TEA-01');
    await page.locator('.input-name').fill('明前龙井 250g');
    await page.locator('.input-price').fill('128.00');
    await page.locator('.input-scene').selectOption('商品特写 Product');
    await page.locator('.add-product button[type="submit"]').click();
    const row = page.locator('[data-testid="products"] tr[data-sku="TEA-01"]');
    await row.waitFor();

    await row.locator('.btn-explain').click();
    await page.locator('[data-testid="now-explaining"]', { hasText: '明前龙井 250g' }).waitFor();
    await expect.poll(programScene, { timeout: 5_000 }).toBe('商品特写 Product');

    const overlay = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await overlay.goto(`${core.url}/overlay/card?token=${core.overlayToken}`);
    const card = overlay.locator('[data-testid="overlay-card"][data-sku="TEA-01"]');
    await card.waitFor();
    expect(await overlay.locator('[data-testid="overlay-name"]').textContent()).toContain('明前龙井 250g');
    expect(await overlay.locator('[data-testid="overlay-price"]').textContent()).toMatch(/128/);
    // Let the entrance settle before the screenshot; the tag's pulse loops forever, so skip those.
    await card.evaluate((el) =>
      Promise.all(
        el
          .getAnimations({ subtree: true })
          .filter((a: Animation) => a.effect?.getTiming().iterations !== Infinity)
          .map((a: Animation) => a.finished),
      ),
    );
    await overlay.screenshot({ path: join(SHOTS_DIR, 'overlay-card.png'), omitBackground: true });
    await overlay.close();
  });

  it('switches scenes from the virtual deck and shows live KPIs from ingest', async () => {
    await page.locator('[data-testid="virtual-deck"] .deck-key', { hasText: '主播近景 Host' }).click();
    await expect.poll(programScene, { timeout: 5_000 }).toBe('主播近景 Host');

    const ts = Date.now();
    const res = await core.api('POST', '/ingest', {
      events: [
        { type: 'snapshot', ts, online: 2_345 },
        { type: 'order', ts: ts + 1, orderId: 'E2E-1', sku: 'TEA-01', qty: 1, amount: 12_800, buyer: 'a' },
        { type: 'order', ts: ts + 2, orderId: 'E2E-2', sku: 'TEA-01', qty: 1, amount: 12_800, buyer: 'b' },
      ],
    });
    expect(res.status).toBe(202);
    await page.locator('[data-testid="kpi-online"]', { hasText: '2,345' }).waitFor();
    await page.locator('[data-testid="kpi-gmv"]', { hasText: '256' }).waitFor();
    await page.screenshot({ path: join(SHOTS_DIR, 'console-live.png') });
  });

  it('ends the session after confirmation and finds it in review with its segment', async () => {
    await page.locator('[data-testid="session-live"] .btn-danger-outline').click();
    await page.locator('.confirm-dialog .btn-danger').click();
    await page.locator('.session-start input').waitFor();

    await page.goto(`${core.url}/review`);
    const list = page.locator('[data-testid="review-list"]');
    await list.getByText('春季上新 E2E').click();
    await page.locator('[data-testid="review-session"]').waitFor();
    await page.locator('[data-testid="timeline-chart"] svg').first().waitFor();
    await page.locator('[data-testid="segments-table"]', { hasText: '明前龙井 250g' }).waitFor();
    await page.screenshot({ path: join(SHOTS_DIR, 'review-session.png'), fullPage: true });
  });
});
