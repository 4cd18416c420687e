import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startDesk, type E2eDesk } from './harness.js';

/**
 * Issue 17, a field controller's first day, in rehearsal (--demo): the simulators under the console's
 * hand, a partial re-import that keeps the catalog's other fields, plans that ask before losing work,
 * and the paths that used to stay silent.
 */
describe('field controller: rehearsal switches, re-import, plans, silent paths', () => {
  let desk: E2eDesk;
  let page: Page;
  const state = async () => (await desk.api('GET', '/state')).body;

  beforeAll(async () => {
    desk = await startDesk({ obs: { kind: 'demo' }, prefix: 'livedesk-e2e-field' });
    const full = { listPriceFen: 19_800, tags: ['新品', '绿茶'], sellingPoints: ['头采'], notes: '先讲产地' };
    expect((await desk.api('POST', '/products', { sku: 'TEA-01', name: '明前龙井', priceFen: 12_800, stock: 300, ...full })).status).toBe(201);
    expect((await desk.api('POST', '/products', { sku: 'TEA-02', name: '安吉白茶', priceFen: 8_800, stock: 200, tags: ['白茶'] })).status).toBe(201);
    page = await desk.console('/', { viewport: { width: 1600, height: 900 } });
    await page.locator('[data-testid="rehearsal-sims"]').waitFor();
  });

  afterAll(async () => desk?.stop());

  it('drives the simulated audience and scale from the console; the scale weighs only when asked', async () => {
    await page.locator('.session-start input').fill('彩排 第一天');
    await page.locator('.session-start button[type="submit"]').click();
    await page.locator('[data-testid="session-live"]').waitFor();
    const sims = page.locator('[data-testid="rehearsal-sims"]');
    expect(await sims.locator('[data-testid="sims-scale"]').getAttribute('data-grams')).toBe('0');

    await sims.locator('[data-testid="sims-audience-pause"]').click();
    await sims.locator('[data-testid="sims-audience"][data-paused="true"]').waitFor();
    await sims.locator('[data-testid="sims-audience-mood"]').selectOption('hot');
    await sims.locator('[data-testid="sims-audience"][data-mood="hot"]').waitFor();
    expect((await state()).rehearsal.audience).toMatchObject({ paused: true, mood: 'hot', enabled: true });

    // The controller's hand: put a product on, the next product is explained; take it off, it clears.
    await sims.locator('[data-testid="sims-place-251.2"]').click();
    await page.locator('[data-testid="now-explaining"]', { hasText: '明前龙井' }).waitFor();
    await shot(page, 'field-rehearsal-sims-zh.png');
    await sims.locator('[data-testid="sims-remove"]').click();
    await page.locator('[data-testid="now-explaining"]', { hasText: '明前龙井' }).waitFor({ state: 'detached' });

    await sims.locator('[data-testid="sims-scale"] .switch').click();
    await sims.locator('[data-testid="sims-scale"][data-enabled="false"]').waitFor();
    expect((await state()).serial.some((d: { id: string }) => d.id === 'demo-scale')).toBe(false);
    await sims.locator('[data-testid="sims-audience"] .switch').click();
    await sims.locator('[data-testid="sims-audience"][data-enabled="false"]').waitFor();
    await page.locator('.lang-toggle').click();
    await sims.locator('h2', { hasText: 'Rehearsal simulators' }).waitFor();
    await shot(sims, 'field-rehearsal-sims-en.png');
    await page.locator('.lang-toggle').click();
  });

  it('a console hotkey the desk refuses says why on screen', async () => {
    const bindings = (await desk.api('GET', '/bindings')).body;
    const put = await desk.api('PUT', '/bindings', { ...bindings, hotkeys: [{ accelerator: 'CommandOrControl+Shift+9', action: { type: 'plan.resume' } }] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    await page.reload();
    await page.locator('[data-testid="session-live"]').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 890 } });
    await page.keyboard.press('Control+Shift+Digit9');
    // No plan runs in this session: the notice names the hotkey and the reason, in the console's language.
    await page.locator('.notices .notice', { hasText: 'CommandOrControl+Shift+9' }).waitFor();
    expect(await page.locator('.notices .notice').first().textContent()).toMatch(/没有运行中的脚本/);
  });

  it('the desk KPI window opened from the console shows the alerts', async () => {
    expect((await desk.api('PUT', '/kpi/settings', { alerts: [{ id: 'low-online', kpi: 'online', condition: 'below', yellow: 1_000_000, red: 900_000 }] })).status).toBe(200);
    expect((await desk.api('POST', '/ingest', { events: [{ type: 'snapshot', ts: Date.now(), online: 800 }] })).status).toBe(202);
    await page.locator('[data-testid="alerts"] [data-alert="kpi:low-online"]').waitFor();
    const [kpi] = await Promise.all([page.context().waitForEvent('page'), page.locator('[data-testid="overlay-open-kpi"]').click()]);
    await kpi.locator('[data-testid="desk-kpi-alerts"]').waitFor({ timeout: 15_000 });
    expect(kpi.url()).not.toContain('token=');
    await shot(kpi, 'field-desk-kpi-from-console.png', { fullPage: true });
    await kpi.close();
  });

  it('a partial re-import keeps the fields it does not map, and the dialog says what will change first', async () => {
    await page.locator('.nav-link', { hasText: '商品库' }).click();
    await page.locator('[data-testid="catalog-import"]').click();
    const dialog = page.locator('[data-testid="import-dialog"]');
    const csv = ['商品编码,商品名称,直播价,库存', 'TEA-01,明前龙井,118,280', 'TEA-02,安吉白茶,88,150', 'TEA-03,竹茶盘,69,40'].join('\n');
    await dialog.locator('input[type="file"]').setInputFiles({ name: '补货.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const changes = dialog.locator('[data-testid="import-changes"]');
    await changes.waitFor();
    expect(await changes.locator('li[data-field="priceFen"]').getAttribute('data-products')).toBe('1');
    expect(await changes.locator('li[data-field="stock"]').getAttribute('data-products')).toBe('2');
    expect(await changes.textContent()).toContain('新增 1 个商品，修改 2 个');
    expect(await dialog.locator('[data-testid="import-kept"]').textContent()).toMatch(/标签.*卖点/);
    await shot(dialog, 'field-import-changes-zh.png');
    await dialog.locator('.import-run').click();
    await dialog.locator('[data-testid="import-result"]').waitFor();
    expect((await desk.api('GET', '/products/TEA-01')).body).toMatchObject({ priceFen: 11_800, stock: 280, listPriceFen: 19_800, tags: ['新品', '绿茶'], sellingPoints: ['头采'], notes: '先讲产地' });
    await dialog.locator('.confirm-actions .btn').first().click();
  });

  it('deleting a plan asks first; leaving the editor with unsaved changes warns', async () => {
    const plan = (await desk.api('POST', '/plans', { name: '第一天 脚本', items: [{ kind: 'opening', minutes: 5 }] })).body;
    await page.locator('.nav-link', { hasText: '直播脚本' }).click();
    await page.locator(`[data-plan="${plan.id}"]`).click();
    const editor = page.locator('[data-testid="plan-editor"]');
    await editor.locator('[data-testid="plan-delete"]').click();
    const confirm = page.locator('.confirm-dialog[open]');
    await confirm.waitFor();
    await shot(page, 'field-plan-delete-confirm-zh.png');
    await confirm.locator('.btn', { hasText: '取消' }).click();
    expect((await desk.api('GET', `/plans/${plan.id}`)).status).toBe(200);

    await editor.locator('.plan-name').fill('第一天 脚本 改');
    await page.locator('.nav-link', { hasText: '中控台' }).click();
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('尚未保存');
    await confirm.locator('.btn', { hasText: '继续编辑' }).click();
    expect(await editor.locator('.plan-name').inputValue()).toBe('第一天 脚本 改');
    await page.locator('.nav-link', { hasText: '中控台' }).click();
    await confirm.locator('.btn-danger').click();
    await page.locator('[data-testid="console"]').waitFor();
    expect((await desk.api('GET', `/plans/${plan.id}`)).body.name).toBe('第一天 脚本');

    await page.locator('.nav-link', { hasText: '直播脚本' }).click();
    await page.locator(`[data-plan="${plan.id}"]`).click();
    await editor.locator('[data-testid="plan-delete"]').click();
    await confirm.locator('.btn-danger').click();
    await expect.poll(async () => (await desk.api('GET', `/plans/${plan.id}`)).status).toBe(404);
  });

  it('day one: jump to any segment, a marker in own words, GMV target and pace, stock warnings, 查看复盘 after ending', async () => {
    expect((await desk.api('POST', '/actions', { type: 'session.end', confirm: true })).status).toBe(200);
    await desk.api('PUT', '/products/TEA-02', { name: '安吉白茶', priceFen: 8_800, stock: 6 });
    const plan = (
      await desk.api('POST', '/plans', {
        name: '第一天 正式',
        items: [{ kind: 'opening', minutes: 5 }, { kind: 'product', sku: 'TEA-01', minutes: 10 }, { kind: 'product', sku: 'TEA-02', minutes: 10 }, { kind: 'closing', minutes: 5 }],
      })
    ).body;
    expect((await desk.api('POST', '/actions', { type: 'session.start', title: '第一天 正式场', planId: plan.id })).status).toBe(200);
    // The console loads the catalog once: a stock changed over the API shows after a reload.
    await page.locator('.nav-link', { hasText: '中控台' }).click();
    await page.reload();
    await page.locator('[data-testid="plan-run"][data-index="0"]').waitFor();

    const jump = page.locator('[data-testid="plan-jump"]');
    await jump.locator('summary').click();
    await jump.locator('li[data-segment="2"] .btn').click();
    await page.locator('[data-testid="plan-run"][data-index="2"]').waitFor();
    await page.locator('[data-testid="now-explaining"]', { hasText: '安吉白茶' }).waitFor();

    await page.locator('[data-testid="marker-note"] input').fill('主播口误，剪掉');
    await page.locator('[data-testid="marker-note"] button').click();
    await page.locator('[data-testid="marker-note"] input[value=""]').waitFor();

    const target = page.locator('[data-testid="gmv-target"]');
    await target.locator('input').fill('500');
    await target.locator('button[type="submit"]').click();
    const ts = Date.now();
    await desk.api('POST', '/ingest', { events: [{ type: 'order', ts, orderId: 'D1-1', sku: 'TEA-02', qty: 3, amount: 26_400, buyer: 'a' }] });
    await page.locator('[data-testid="gmv-target"][data-share="0.528"]').waitFor();
    await page.locator('[data-testid="gmv-pace"]', { hasText: '领先计划' }).waitFor();
    await page.locator('[data-testid="products"] tr[data-sku="TEA-02"] [data-testid="stock-low"][data-left="3"]').waitFor();
    await desk.api('POST', '/ingest', { events: [{ type: 'order', ts: ts + 1, orderId: 'D1-2', sku: 'TEA-02', qty: 5, amount: 44_000, buyer: 'b' }] });
    await page.locator('[data-testid="products"] tr[data-sku="TEA-02"] [data-testid="stock-oversold"][data-over="2"]').waitFor();
    await shot(page, 'field-day-one-zh.png');

    const sessionId = (await state()).session.id as string;
    await page.locator('[data-testid="session-live"] .btn-danger-outline').click();
    await page.locator('.confirm-dialog[open] .btn-danger').click();
    await page.locator('[data-testid="session-review-link"]').click();
    await page.locator('[data-testid="review-session"]').waitFor();
    expect(page.url()).toContain(sessionId);
    const events = (await desk.api('GET', `/sessions/${sessionId}`)).body.events as { kind: string; data: Record<string, unknown> }[];
    expect(events.filter((e) => e.kind === 'mark').map((e) => e.data.label)).toEqual(['主播口误，剪掉']);
    expect(events.filter((e) => e.kind === 'plan.segment').map((e) => e.data.index)).toEqual([0, 2]);
  });
});
