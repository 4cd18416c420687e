import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutProblems, panelProblems, wrappedParts } from './geometry.js';
import { shot, startDesk, type E2eDesk } from './harness.js';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1600, height: 900 },
  { width: 1920, height: 1080 },
] as const;
const LANGS = ['zh', 'en'] as const;
type Lang = (typeof LANGS)[number];
const COMBOS = LANGS.flatMap((lang) => SIZES.map((size) => ({ lang, size, name: `${lang}-${size.width}x${size.height}` })));

/**
 * Issue 17's test demand in one sweep: a live session with a plan and products, looked at in Chromium at
 * 1366×768, 1600×900 and 1920×1080 in Chinese and English. For each of the six the day-one parts of the
 * console (run-of-show jumps, marker, GMV target and pace, stock badges, 弹幕 feed, flash-sale form
 * with 预热, the on-screen deck's two pages, rehearsal switches, 查看复盘 after ending) are measured and
 * a screenshot left; each part's behaviour is driven once. One desk and one page: resized, never restarted.
 */
describe('day one at 1366×768, 1600×900 and 1920×1080 in zh and en', () => {
  let desk: E2eDesk;
  let page: Page;
  let sessionId = '';

  beforeAll(async () => {
    desk = await startDesk({ obs: { kind: 'demo' }, prefix: 'livedesk-e2e-dayone' });
    const products = [
      { sku: 'TEA-01', name: '明前龙井 特级礼盒', priceFen: 12_800, flashPriceFen: 9_900, stock: 300 },
      { sku: 'TEA-02', name: '安吉白茶', priceFen: 8_800, flashPriceFen: 6_900, stock: 6 },
      { sku: 'CUP-03', name: '青瓷盖碗', priceFen: 3_900, stock: 40 },
    ];
    for (const p of products) expect((await desk.api('POST', '/products', p)).status).toBe(201);
    const plan = (
      await desk.api('POST', '/plans', {
        name: '第一天 正式',
        items: [{ kind: 'opening', minutes: 5 }, { kind: 'product', sku: 'TEA-01', minutes: 10 }, { kind: 'product', sku: 'TEA-02', minutes: 10 }, { kind: 'product', sku: 'CUP-03', minutes: 8 }, { kind: 'closing', minutes: 5 }],
      })
    ).body;
    expect((await desk.api('PUT', '/comments/keywords', ['发货', '退款', '质量'])).status).toBe(200);
    // The simulated room holds still: the figures below are the test's own orders.
    expect((await desk.api('POST', '/actions', { type: 'rehearsal.audience', paused: true })).status).toBe(200);
    expect((await desk.api('POST', '/actions', { type: 'session.start', title: '中秋茶礼专场 第一天', planId: plan.id })).status).toBe(200);
    sessionId = (await desk.api('GET', '/state')).body.session.id as string;
    page = await desk.console('/', { viewport: SIZES[0] });
    await page.locator('[data-testid="plan-run"][data-index="0"]').waitFor();
  });

  afterAll(async () => desk?.stop());

  const inLang = async (lang: Lang) => {
    if ((await page.locator('html').getAttribute('lang'))?.startsWith(lang) !== true) await page.locator('.lang-toggle').click();
    await page.locator(`html[lang^="${lang}"]`).waitFor();
  };

  const at = async (combo: (typeof COMBOS)[number]) => {
    await page.setViewportSize(combo.size);
    await inLang(combo.lang);
  };

  /** Geometry of one part, scrolled into view first (each column scrolls on its own). */
  const measured = async (part: Locator, label: string) => {
    await part.scrollIntoViewIfNeeded();
    expect(await panelProblems(part), label).toEqual([]);
  };

  const panel = (id: string) => page.locator(`[data-testid="${id}"]`).first();
  const deck = () => page.locator('[data-testid="virtual-deck"]');

  it('drives each day-one part once (1366×768, zh): jump, marker, target, stock, 弹幕, 秒杀 with 预热, deck pages, rehearsal, log', async () => {
    await at(COMBOS[0]!);
    // Run of show: jump straight to the third segment.
    const jump = panel('plan-jump');
    await jump.locator('summary').click();
    await jump.locator('li[data-segment="2"] .btn').click();
    await page.locator('[data-testid="plan-run"][data-index="2"]').waitFor();
    await jump.locator('summary').click();

    // A marker in the controller's own words.
    await panel('marker-note').locator('input').fill('主播口误，剪掉');
    await panel('marker-note').locator('button').click();
    await panel('marker-note').locator('input[value=""]').waitFor();

    // GMV target, then an order: the bar fills and the pace is read against the plan.
    await panel('gmv-target').locator('input').fill('500');
    await panel('gmv-target').locator('button[type="submit"]').click();
    const ts = Date.now();
    await desk.api('POST', '/ingest', { events: [{ type: 'order', ts, orderId: 'D1-1', sku: 'TEA-02', qty: 3, amount: 26_400, buyer: 'a' }] });
    await page.locator('[data-testid="gmv-target"][data-share="0.528"]').waitFor();
    // Stock: 6 on hand, 3 sold, a low-stock badge with what is left.
    await page.locator('[data-testid="products"] tr[data-sku="TEA-02"] [data-testid="stock-low"][data-left="3"]').waitFor();

    // 弹幕 with a watched word: the row is marked and an alert raised.
    await desk.api('POST', '/ingest', { events: [{ type: 'comment', ts: ts + 1, user: '王大锤', text: '什么时候发货呀' }] });
    await panel('comment-feed').locator('.log-row[data-keyword="发货"]').waitFor();
    await page.locator('[data-testid="alerts"] [data-alert="comment:发货"]').waitFor();

    // 秒杀 with a 预热 from the console's form: the console counts down to the opening, then to the end.
    const flash = panel('flash-sale');
    await flash.locator('.flash-sku').selectOption('TEA-01');
    await flash.locator('[data-testid="flash-warmup"]').fill('abc');
    await flash.locator('.flash-start').click();
    await flash.locator('[data-testid="flash-problem"]', { hasText: '预热' }).waitFor();
    // The product card the audience sees (an OBS Browser Source) counts down with the console.
    const card = await desk.overlay('/overlay/card', { locale: 'zh-CN' });
    await flash.locator('[data-testid="flash-warmup"]').fill('4');
    await flash.locator('.flash-start').click();
    const clock = page.locator('[data-testid="flash-countdown"]');
    await page.locator('[data-testid="flash-countdown"][data-warmup="true"]', { hasText: '预热' }).waitFor();
    await card.locator('[data-testid="overlay-flash"][data-warmup="true"]').waitFor();
    const sale = (await desk.api('GET', '/state')).body.flashSale as { startedAt: number; announcedAt: number; endsAt: number };
    expect(sale.startedAt - sale.announcedAt).toBe(4_000);
    expect(sale.endsAt - sale.startedAt).toBe(60_000);
    await shot(page, 'day-one-warmup-zh-1366.png');
    await page.locator('[data-testid="flash-countdown"][data-warmup="false"]').waitFor({ timeout: 10_000 });
    await card.locator('[data-testid="overlay-flash"][data-warmup="false"]').waitFor();
    expect(await clock.textContent()).not.toContain('预热');
    await card.close();
    await flash.locator('.btn-danger-outline').click();
    await flash.locator('[data-testid="flash-result"]').waitFor();

    // The console log names the action and where it came from in the console's language.
    await panel('recent-log').locator('.log-row', { hasText: '开始秒杀 · TEA-01' }).filter({ hasText: '来自 中控台' }).first().waitFor();

    // The on-screen deck: page 2 holds the show keys, in one language.
    await deck().locator('[data-testid="deck-pager"] button').last().click();
    await deck().locator('[data-testid="deck-pager"]', { hasText: '2/2' }).waitFor();
    await deck().locator('.deck-key .key-label', { hasText: '安全画面' }).waitFor();
    const labels = await deck().locator('.deck-key .key-label').allTextContents();
    expect(labels.filter((l) => /[A-Za-z]{3,}/.test(l.replace(/blackout/g, '')))).toEqual([]);
    await deck().locator('[data-testid="deck-pager"] button').last().click();
    await deck().locator('[data-testid="deck-pager"]', { hasText: '1/2' }).waitFor();

    // Rehearsal: the controller resumes the simulated room and pauses it again.
    const sims = panel('rehearsal-sims');
    await sims.locator('[data-testid="sims-audience-pause"]').click();
    await sims.locator('[data-testid="sims-audience"][data-paused="false"]').waitFor();
    await sims.locator('[data-testid="sims-audience-pause"]').click();
    await sims.locator('[data-testid="sims-audience"][data-paused="true"]').waitFor();
  });

  it('every day-one part fits at each size in each language', async () => {
    // A good show: GMV past ¥10,000, as a real studio's strip shows it.
    await desk.api('POST', '/ingest', { events: [{ type: 'order', ts: Date.now(), orderId: 'D1-BIG', sku: 'TEA-01', qty: 90, amount: 1_152_000, buyer: 'big' }] });
    await page.locator('[data-testid="kpi-gmv"]', { hasText: /¥\d{2},\d{3}/ }).waitFor();
    const found: string[] = [];
    for (const combo of COMBOS) {
      await at(combo);
      const where = (part: string) => `${part}, ${combo.name}`;
      const check = async (part: Locator, label: string, options: Parameters<typeof panelProblems>[1] = {}) => {
        await part.scrollIntoViewIfNeeded();
        for (const p of await panelProblems(part, options)) found.push(`${where(label)}: ${p.what} — ${p.why}`);
      };
      const bar = await layoutProblems(page.locator('.top-bar'));
      for (const p of bar) found.push(`${where('top bar')}: ${p.what} — ${p.why}`);
      for (const part of await wrappedParts(page.locator('.top-bar'))) found.push(`${where('top bar')}: ${part} — on a second row`);
      // Figures are never cut, not even by an ellipsis: a GMV of five figures must read whole.
      await check(page.locator('.kpis'), 'KPI strip', { minEllipsisPx: 10_000 });
      await check(panel('now-explaining'), 'product on air');
      // Run of show with its jump list open, every segment's button showing.
      const jump = panel('plan-jump');
      await jump.locator('summary').click();
      await jump.locator('li[data-segment="4"] .btn').waitFor();
      await check(panel('plan-run'), 'run of show');
      await jump.locator('summary').click();
      await check(panel('marker-note'), 'marker');
      await check(panel('gmv-target'), 'GMV target');
      await check(panel('products'), 'products with stock badges');
      await page.locator('[data-testid="products"] tr[data-sku="TEA-02"] .stock-badge').first().waitFor();
      await check(panel('comment-feed'), '弹幕 feed');
      await check(panel('flash-sale'), 'flash-sale form');
      await panel('flash-sale').locator('[data-testid="flash-warmup"]').waitFor();
      await check(deck(), 'deck page 1');
      await deck().locator('[data-testid="deck-pager"] button').last().click();
      await deck().locator('[data-testid="deck-pager"]', { hasText: '2/2' }).waitFor();
      await check(deck(), 'deck page 2');
      await deck().locator('[data-testid="deck-pager"] button').last().click();
      await deck().locator('[data-testid="deck-pager"]', { hasText: '1/2' }).waitFor();
      await check(panel('rehearsal-sims'), 'rehearsal');
      await check(panel('recent-log'), 'log');
      await page.locator('.col-center').evaluate((col) => col.scrollTo(0, 0));
      await page.locator('.col-left').evaluate((col) => col.scrollTo(0, 0));
      await page.locator('.col-right').evaluate((col) => col.scrollTo(0, 0));
      await shot(page, `day-one-live-${combo.name}.png`);
    }
    expect(found).toEqual([]);
  });

  it('after ending: 查看复盘 fits the top bar at each size in each language, and opens the review', async () => {
    await page.locator('[data-testid="session-live"] .btn-danger-outline').click();
    await page.locator('.confirm-dialog[open] .btn-danger').click();
    const link = page.locator('[data-testid="session-review-link"]');
    await link.waitFor();
    for (const combo of COMBOS) {
      await at(combo);
      await shot(page.locator('.top-bar'), `day-one-ended-${combo.name}.png`);
      expect(await layoutProblems(page.locator('.top-bar')), combo.name).toEqual([]);
      expect(await wrappedParts(page.locator('.top-bar')), combo.name).toEqual([]);
      await measured(link, `查看复盘, ${combo.name}`);
    }
    await link.click();
    await page.locator('[data-testid="review-session"]').waitFor();
    expect(page.url()).toContain(sessionId);
  });
});
