import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObsSim } from '../../native/sim/obs-sim.js';
import type { CoreProcess } from '../../electron/core/testing/core-process.js';
import { shot, startDesk, type E2eDesk } from './harness.js';
const SCENES = ['开场 Opening', '主播近景 Host', '商品特写 Product', '互动 Interaction'];

// Ten products and one bad row (line 7: a price that is not money), headers as a Chinese shop exports them.
const CATALOG_CSV = [
  '货号,商品名称,直播价(元),原价,秒杀价,库存,标签,卖点,话术,场景,灯光',
  'TEA-01,明前龙井 250g,128,198,99,300,新品|绿茶,头采;手工炒制,先讲产地再讲口感,商品特写 Product,warm',
  'TEA-02,安吉白茶 200g,88,138,,200,白茶,回甘,,商品特写 Product,',
  'CUP-03,青瓷茶杯 两只装,39.9,59,29.9,500,茶具,手工拉坯,,商品特写 Product,',
  'POT-04,紫砂壶 西施,268,398,,50,茶具|紫砂,原矿紫泥,讲清泥料,商品特写 Product,',
  'SET-05,旅行茶具套装,159,229,,80,茶具,便携,,,',
  'BAD-06,坏价格,一百,,,,,,,,',
  'TEA-07,正山小种 罐装,98,158,,120,红茶,松烟香,,,',
  'TEA-08,云南普洱 357g,199,299,,60,普洱,七年陈,,,',
  'TRAY-09,竹茶盘,69,99,,150,茶具,,,,',
  'GIFT-10,中秋茶礼盒,299,459,199,40,礼盒|中秋,送礼体面,逼单：只剩最后几盒,商品特写 Product,',
  'TIN-11,锡罐 小号,49,79,,300,茶具,,,,',
].join('\n');

/** A 96×96 tea-green product shot (a leaf-coloured gradient), so the screenshots show a real picture. */
function teaPng(size = 96): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++) {
      const leaf = (x - size / 2) ** 2 / 900 + (y - size / 2) ** 2 / 380 < 1;
      rows.push(leaf ? 60 + y : 236, leaf ? 140 + x / 2 : 226, leaf ? 60 : 200);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A whole show from the console, as a field controller runs a rehearsal: import the catalog, write
 * the run-of-show, run it with explains, a detour and a flash sale that sells out, mark a moment,
 * and find every step in the session's log. OBS is the simulator, so no audience orders but ours.
 */
describe('catalog → plan → live show → session log', () => {
  let desk: E2eDesk;
  let sim: ObsSim;
  let core: CoreProcess;
  let page: Page;
  let sessionId = '';

  beforeAll(async () => {
    desk = await startDesk({ obs: { kind: 'sim', password: 'show-e2e', scenes: SCENES }, prefix: 'livedesk-show-e2e' });
    core = desk.core;
    sim = desk.obsSim!;
    page = await desk.console('/catalog', { viewport: { width: 1600, height: 960 } });
  });

  afterAll(async () => desk?.stop());

  it('imports a CSV catalog: columns guessed from Chinese headers, the bad row reported by line, the rest kept', async () => {
    await page.locator('[data-testid="catalog-page"]').waitFor();
    await page.locator('[data-testid="catalog-import"]').click();
    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.locator('input[type="file"]').setInputFiles({ name: '茶叶专场.csv', mimeType: 'text/csv', buffer: Buffer.from(CATALOG_CSV) });
    await dialog.locator('[data-testid="import-mapping"]').waitFor();
    expect(await dialog.locator('select[data-field="priceFen"]').inputValue()).toBe('2');
    expect(await dialog.locator('select[data-field="flashPriceFen"]').inputValue()).toBe('4');
    expect(await dialog.locator('select[data-field="cue"]').inputValue()).toBe('10');
    await dialog.locator('.import-run').click();
    const result = dialog.locator('[data-testid="import-result"]');
    await result.waitFor();
    expect(await result.textContent()).toContain('新增 10');
    expect(await result.locator('li').count()).toBe(1);
    expect(await result.locator('li[data-line="7"]').textContent()).toMatch(/第 7 行.*一百/);
    await shot(page, 'show-import-dialog.png');
    await dialog.locator('.confirm-actions .btn').first().click();

    const rows = page.locator('[data-testid="catalog"] tbody tr');
    await expect.poll(() => rows.count()).toBe(10);
    expect(await page.locator('[data-testid="catalog"] tr[data-sku="BAD-06"]').count()).toBe(0);

    // An image for the first product, uploaded from the editor and shown back from the desk.
    await page.locator('tr[data-sku="TEA-01"] .btn-edit').click();
    const editor = page.locator('[data-testid="product-editor"]');
    await editor.locator('input[type="file"]').setInputFiles({ name: 'tea.png', mimeType: 'image/png', buffer: teaPng() });
    await page.locator('tr[data-sku="TEA-01"] img.thumb').waitFor();
    await editor.locator('input[name="stock"]').fill('280');
    await shot(page, 'show-catalog-editor.png');
    await editor.locator('button[type="submit"]').click();
    await page.locator('tr[data-sku="TEA-01"] td.num', { hasText: '280' }).waitFor();
    await shot(page, 'show-catalog.png');
    const stored = await core.api('GET', '/products/TEA-01');
    expect(stored.body).toMatchObject({ priceFen: 12_800, listPriceFen: 19_800, flashPriceFen: 9_900, stock: 280, cue: 'warm', image: expect.stringMatching(/\.png$/) });
  });

  it('builds a show plan in the editor with pacing and a high-conversion segment', async () => {
    await page.locator('.nav a', { hasText: '直播脚本' }).click();
    await page.locator('[data-testid="plan-new"]').click();
    const editor = page.locator('[data-testid="plan-editor"]');
    await editor.waitFor();
    await editor.locator('.plan-name').fill('中秋茶礼 直播脚本');
    await editor.locator('input[name="interactionEveryMin"]').fill('10');
    await editor.locator('input[name="closingAtPct"]').fill('80');
    // Starter: opening, three products, a beat, closing. Add the gift box before closing, marked 高转化.
    await editor.locator('.plan-add button[data-add="product"]').click();
    const segments = editor.locator('[data-testid="plan-segment"]');
    await expect.poll(() => segments.count()).toBe(7);
    const added = segments.nth(6);
    await added.locator('.segment-sku').selectOption('GIFT-10');
    await added.locator('.segment-hc-toggle input').check();
    await added.locator('.segment-notes').fill('逼单：库存只剩最后几盒');
    await added.locator('button[aria-label="上移"]').click();
    await segments.nth(0).locator('.segment-scene').selectOption('开场 Opening');
    await segments.nth(4).locator('.segment-scene').selectOption('互动 Interaction');
    await editor.locator('.plan-save').click();
    await editor.locator('.plan-save', { hasText: '已保存' }).waitFor();
    await shot(page, 'show-plan-editor.png');
    const plans = (await core.api('GET', '/plans')).body as { name: string; items: { kind: string; sku?: string; highConversion?: boolean }[]; pacing: unknown }[];
    expect(plans[0]).toMatchObject({ name: '中秋茶礼 直播脚本', pacing: { interactionEveryMin: 10, closingAtShare: 0.8 } });
    expect(plans[0]?.items.map((i) => i.sku ?? i.kind)).toEqual(['opening', 'TEA-01', 'TEA-02', 'CUP-03', 'interaction', 'GIFT-10', 'closing']);
    expect(plans[0]?.items[5]?.highConversion).toBe(true);
  });

  it('runs the plan live: segments, a detour and back, a flash sale that sells out, a marker', async () => {
    await page.locator('.nav a', { hasText: '中控台' }).click();
    // The on-screen deck draws the product's picture, as the hardware does (issue 17).
    await page.locator('[data-testid="virtual-deck"] .deck-key', { hasText: '明前龙井' }).locator('img.key-image[data-loaded="true"]').waitFor();
    await page.locator('.session-plan').selectOption({ label: '中秋茶礼 直播脚本' });
    await page.locator('.session-start input').fill('中秋茶礼 彩排');
    await page.locator('.session-start button[type="submit"]').click();
    const run = page.locator('[data-testid="plan-run"]');
    await page.locator('[data-testid="plan-run"][data-index="0"]').waitFor();
    await expect.poll(() => sim.programScene()).toBe('开场 Opening');

    await run.locator('.run-advance').click();
    await page.locator('[data-testid="now-explaining"]', { hasText: '明前龙井 250g' }).waitFor();
    await expect.poll(() => sim.programScene()).toBe('商品特写 Product');

    // The host explains something off the plan, then comes back to it.
    await page.locator('[data-testid="products"] tr[data-sku="TRAY-09"] .btn-explain').click();
    await page.locator('[data-testid="plan-run"][data-off-plan="true"]').waitFor();
    await run.locator('.run-off .btn').click();
    await page.locator('[data-testid="plan-run"][data-off-plan="false"]').waitFor();
    await page.locator('[data-testid="now-explaining"]', { hasText: '明前龙井 250g' }).waitFor();

    const flash = page.locator('[data-testid="flash-sale"]');
    await flash.locator('.flash-sku').selectOption('TEA-01');
    await flash.locator('.flash-seconds').fill('300');
    await flash.locator('.flash-stock-input').fill('3');
    await flash.locator('.flash-start').click();
    await page.locator('[data-testid="flash-countdown"]').waitFor();
    expect(await page.locator('[data-testid="flash-stock"]').textContent()).toContain('剩 3 件');

    const overlay = await desk.overlay('/overlay/card');
    await overlay.locator('[data-testid="overlay-card"][data-sku="TEA-01"] [data-testid="overlay-flash"]').waitFor();
    await overlay.locator('[data-testid="overlay-image"]').waitFor();
    expect(await overlay.locator('[data-testid="overlay-flash-price"]').textContent()).toMatch(/99/);

    const ts = Date.now();
    expect(
      (await core.api('POST', '/ingest', { events: [{ type: 'snapshot', ts, online: 1_888 }, { type: 'order', ts, orderId: 'E2E-F1', sku: 'TEA-01', qty: 2, amount: 19_800, buyer: '小王' }] })).status,
    ).toBe(202);
    await page.locator('[data-testid="flash-stock"]', { hasText: '剩 1 件' }).waitFor();
    await overlay.locator('[data-testid="overlay-stock"]', { hasText: '剩 1 件' }).waitFor();
    await page.locator('[data-testid="mark-bar"] button[data-label="good moment"]').click();
    await shot(page, 'show-live-flash.png');
    await shot(overlay, 'show-overlay-flash.png', { omitBackground: true });
    await overlay.close();

    await core.api('POST', '/ingest', { events: [{ type: 'order', ts: ts + 1, orderId: 'E2E-F2', sku: 'TEA-01', qty: 1, amount: 9_900, buyer: '小李' }] });
    await page.locator('[data-testid="flash-result"][data-reason="sold-out"]').waitFor();

    await run.locator('.run-advance').click();
    await page.locator('[data-testid="plan-run"][data-index="2"]').waitFor();
    await page.locator('[data-testid="now-explaining"]', { hasText: '安吉白茶' }).waitFor();
    await page.locator('[data-testid="mark-bar"] button[data-label="clip this"]').click();
    await page.locator('.lang-toggle').click();
    await page.locator('[data-testid="plan-run"]', { hasText: 'Run of show' }).waitFor();
    await shot(page, 'show-live-en.png');
    await page.locator('.lang-toggle').click();

    sessionId = ((await core.api('GET', '/state')).body as { session: { id: string } }).session.id;
    await page.locator('[data-testid="session-live"] .btn-danger-outline').click();
    await page.locator('.confirm-dialog .btn-danger').click();
    await page.locator('.session-start input').waitFor();
  });

  it('finds every step of the show in the session log', async () => {
    const detail = (await core.api('GET', `/sessions/${sessionId}`)).body as { events: { kind: string; data: Record<string, unknown> }[]; segments: { sku: string }[] };
    const of = (kind: string) => detail.events.filter((e) => e.kind === kind).map((e) => e.data);
    expect(of('session.start')[0]).toMatchObject({ title: '中秋茶礼 彩排', planId: expect.stringMatching(/^plan-/) });
    expect(of('plan.start')[0]).toMatchObject({ name: '中秋茶礼 直播脚本', segments: 7 });
    expect(of('plan.segment').map((d) => d.index)).toEqual([0, 1, 2]);
    expect(of('plan.leave')[0]).toMatchObject({ index: 1, sku: 'TRAY-09' });
    expect(of('plan.resume')).toHaveLength(1);
    expect(of('explain.start').map((d) => d.sku)).toEqual(['TEA-01', 'TRAY-09', 'TEA-01', 'TEA-02']);
    expect(of('explain.end').map((d) => d.sku)).toEqual(['TEA-01', 'TRAY-09', 'TEA-01', 'TEA-02']);
    expect(detail.segments.map((s) => s.sku)).toEqual(['TEA-01', 'TRAY-09', 'TEA-01', 'TEA-02']);
    expect(of('flashsale.start')[0]).toMatchObject({ sku: 'TEA-01', priceFen: 9_900, seconds: 300, stock: 3 });
    expect(of('flashsale.end')[0]).toMatchObject({ sku: 'TEA-01', reason: 'sold-out', sold: 3, orders: 2, gmvFen: 29_700 });
    expect(of('ingest.order')).toHaveLength(2);
    expect(of('mark')).toEqual([{ label: 'good moment' }, { label: 'clip this' }]);
    // TEA-01 has a light cue but the studio has no DMX device: the explains went on without refusals.
    expect(detail.events.filter((e) => e.kind === 'action.refused')).toEqual([]);
    expect(of('plan.end')[0]).toMatchObject({ index: 2, count: 7 });
    expect(detail.events.at(-1)?.kind).toBe('session.end');
  });
});
