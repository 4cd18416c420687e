import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleAnimations, shot, startDesk, type E2eDesk } from './harness.js';

/**
 * The overlay card on the stream (issue 16): the struck-through regular price keeps its fen, a long
 * name uses the room the card has, and a sell-out shows 已抢光 instead of the band vanishing.
 * Screenshots at 1920×1080 go to SHOTS_DIR for a person to look at.
 */
const LONG_NAME = '景德镇手绘青花瓷功夫茶具套装 礼盒装 Jingdezhen gypsy-style teapot gift';

let desk: E2eDesk;
let overlay: Page;
beforeAll(async () => {
  desk = await startDesk({ obs: { kind: 'sim' }, prefix: 'livedesk-overlay-card' });
  expect((await desk.api('POST', '/products', { sku: 'CUP-02', name: LONG_NAME, priceFen: 2_990, flashPriceFen: 1_990 })).status).toBe(201);
  expect((await desk.api('POST', '/actions', { type: 'session.start', title: '卡片 Card' })).status).toBe(200);
  expect((await desk.api('POST', '/actions', { type: 'product.explain', sku: 'CUP-02' })).status).toBe(200);
  overlay = await desk.overlay('/overlay/card');
}, 180_000);
afterAll(async () => {
  await desk?.stop();
});

/** Whether an element shows all of its content (nothing cut by its own box). */
const whole = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => ({ width: el.scrollWidth <= el.clientWidth, height: el.scrollHeight <= el.clientHeight + 1 }));

describe('the overlay card', () => {
  it('shows a long name whole and the regular price struck through with its fen', async () => {
    await overlay.locator('[data-testid="overlay-card"][data-sku="CUP-02"]').waitFor();
    await settleAnimations(overlay);
    expect(await whole(overlay, '[data-testid="overlay-name"]')).toEqual({ width: true, height: true });
    expect((await desk.api('POST', '/actions', { type: 'flashsale.start', sku: 'CUP-02', seconds: 600, stock: 2 })).status).toBe(200);
    await overlay.locator('[data-testid="overlay-flash"]').waitFor();
    expect(await overlay.locator('[data-testid="overlay-flash-was"]').textContent()).toBe('¥29.90');
    await shot(overlay, 'overlay-card-flash.png', { omitBackground: true });
  });

  it('keeps the band on a sell-out, saying 已抢光', async () => {
    const ts = Date.now();
    expect((await desk.api('POST', '/ingest', { events: [{ type: 'order', ts, orderId: 'OV-1', sku: 'CUP-02', qty: 2, amount: 3_980 }] })).status).toBe(202);
    await overlay.locator('[data-testid="overlay-flash"][data-sold-out="true"] [data-testid="overlay-stock"]', { hasText: '已抢光' }).waitFor();
    expect(await overlay.locator('[data-testid="overlay-flash-was"]').textContent()).toBe('¥29.90');
    await shot(overlay, 'overlay-card-sold-out.png', { omitBackground: true });
  });

  it('announces a sale in 预热 with a countdown to its opening, counting no order before it opens', async () => {
    expect((await desk.api('POST', '/actions', { type: 'flashsale.start', sku: 'CUP-02', seconds: 60, stock: 3, warmupSeconds: 600 })).status).toBe(200);
    const band = overlay.locator('[data-testid="overlay-flash"][data-warmup="true"]');
    // Any moment of the warm-up's first minute: on a loaded machine the band can take over ten seconds to show.
    await band.locator('[data-testid="overlay-countdown"]', { hasText: /预热 距开抢 (10:00|0?9:[0-5]\d)/ }).waitFor();
    expect((await desk.api('POST', '/ingest', { events: [{ type: 'order', ts: Date.now(), orderId: 'OV-2', sku: 'CUP-02', qty: 1, amount: 1_990 }] })).status).toBe(202);
    await expect.poll(async () => (await desk.api('GET', '/state')).body.kpi.orders).toBe(2);
    expect((await desk.api('GET', '/state')).body.flashSale).toMatchObject({ sold: 0, orders: 0 });
    await band.locator('[data-testid="overlay-stock"]', { hasText: '3' }).waitFor();
    await shot(overlay, 'overlay-card-warmup.png', { omitBackground: true });
    expect((await desk.api('POST', '/actions', { type: 'flashsale.stop' })).status).toBe(200);
  });
});
