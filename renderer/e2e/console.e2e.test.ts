import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreProcess } from '../../electron/core/testing/core-process.js';
import { settleAnimations, shot, startDesk, type E2eDesk } from './harness.js';

/**
 * The walking skeleton as a field controller uses it: Chromium clicking through the console that
 * `npm run console` serves, against a real OBS, then the overlay and the review.
 */
describe('console → OBS → overlay → review', () => {
  let desk: E2eDesk;
  let core: CoreProcess;
  let page: Page;

  beforeAll(async () => {
    desk = await startDesk({ obs: { kind: 'real', scenes: ['开场 Opening', '主播近景 Host', '商品特写 Product', '暂离 BRB'] } });
    core = desk.core;
    page = await desk.console();
  });

  afterAll(async () => desk?.stop());

  const programScene = () => desk.programScene();

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

    const overlay = await desk.overlay('/overlay/card');
    const card = overlay.locator('[data-testid="overlay-card"][data-sku="TEA-01"]');
    await card.waitFor();
    expect(await overlay.locator('[data-testid="overlay-name"]').textContent()).toContain('明前龙井 250g');
    expect(await overlay.locator('[data-testid="overlay-price"]').textContent()).toMatch(/128/);
    // Let the entrance settle before the screenshot; the tag's pulse loops forever, so skip those.
    await settleAnimations(card);
    await shot(overlay, 'overlay-card.png', { omitBackground: true });
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
    await shot(page, 'console-live.png');
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
    await shot(page, 'review-session.png', { fullPage: true });
  });
});
