import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startDesk, type E2eDesk } from './harness.js';

/**
 * The 弹幕 feed asks the core for comments only when there are new ones (issue 17): the desk state
 * carries the feed's newest seq, so a quiet room costs no requests (it used to ask every second).
 */
describe('the 弹幕 feed while the room is quiet', () => {
  let desk: E2eDesk;
  let page: Page;
  const asked: string[] = [];

  beforeAll(async () => {
    // The simulated OBS, not rehearsal: no simulated audience writes comments behind the test's back.
    desk = await startDesk({ obs: { kind: 'sim' }, prefix: 'livedesk-e2e-comments' });
    expect((await desk.api('POST', '/actions', { type: 'session.start', title: '弹幕 安静' })).status).toBe(200);
    await desk.api('POST', '/ingest', { events: [{ type: 'comment', ts: Date.now(), user: '张小花', text: '来了来了' }] });
    page = await desk.console('/', { viewport: { width: 1600, height: 900 } });
    page.on('request', (request: Request) => {
      if (new URL(request.url()).pathname.endsWith('/comments')) asked.push(request.url());
    });
    await page.locator('[data-testid="comment-feed"] .log-row', { hasText: '来了来了' }).waitFor();
  });

  afterAll(async () => desk?.stop());

  /** Waits until the session clock on screen has moved `ticks` times (each a second of the show). */
  const clockTicks = async (ticks: number) => {
    const clock = page.locator('.session-clock');
    for (let i = 0; i < ticks; i++) {
      const shown = await clock.textContent();
      await page.waitForFunction((before) => document.querySelector('.session-clock')?.textContent !== before, shown);
    }
  };

  it('asks nothing while no comment arrives, and fetches a new one as soon as it is published', async () => {
    // Let the page's first fetches (mount, first state) settle.
    await clockTicks(2);
    const before = asked.length;
    // Three seconds of show with orders moving the KPIs but no comment: the feed stays quiet.
    await desk.api('POST', '/ingest', { events: [{ type: 'order', ts: Date.now(), orderId: 'Q-1', sku: 'X-1', qty: 1, amount: 990, buyer: 'b' }] });
    await clockTicks(3);
    expect(asked.slice(before)).toEqual([]);

    // A comment: the published seq moves and the feed fetches just what is new.
    await desk.api('POST', '/ingest', { events: [{ type: 'comment', ts: Date.now(), user: '李四', text: '什么时候发货' }] });
    await page.locator('[data-testid="comment-feed"] .log-row[data-keyword="发货"]', { hasText: '什么时候发货' }).waitFor();
    expect(asked.slice(before)).toHaveLength(1);
    expect(asked.at(-1)).toMatch(/after=1$/);
  });

  it("keeps the watched-words box read-only until the desk's words have loaded, so typing is never mixed into them", async () => {
    // The first page of the feed (which carries the watched words) is held back, as on a slow link.
    const held = await desk.browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await held.route(
      (url) => url.pathname.endsWith('/comments') && url.searchParams.get('after') === '0',
      async (route) => {
        await released;
        await route.continue();
      },
    );
    await held.goto(`${desk.core.url}/?token=${desk.core.token}`);
    const words = held.locator('[data-testid="comment-keywords"]');
    await held.locator('[data-testid="comment-feed"] .panel-head', { hasText: '弹幕' }).waitFor();
    // Before the fix the box was editable with an empty value: what the controller typed then had the
    // loaded words spliced around it ("质量发货…", the CI failure of stop 20).
    expect(await words.isEditable()).toBe(false);
    await shot(held.locator('[data-testid="comment-feed"]'), 'console-comment-feed-loading-zh.png');
    release();
    await held.waitForFunction(() => (document.querySelector('[data-testid="comment-keywords"]') as HTMLInputElement | null)?.value === '发货、退款、质量');
    expect(await words.isEditable()).toBe(true);
    await words.fill('发货、尺码');
    await held.locator('[data-testid="comment-feed"] button[type="submit"]').click();
    await expect.poll(async () => (await desk.api('GET', '/comments/keywords')).body).toEqual(['发货', '尺码']);
    await held.close();
  });
});
