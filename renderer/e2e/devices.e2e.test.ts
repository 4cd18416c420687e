import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreProcess, type CoreProcess } from '../../electron/core/testing/core-process.js';
import { startSocatPair, type SocatPair } from '../../native/serial/testing/socat-pair.js';
import { ScaleSim } from '../../native/sim/scale-sim.js';
import { launchChromium, SHOTS_DIR } from './browser.js';

const NPM = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];

/**
 * Serial hardware as a field controller sets it up: a scale on a socat pseudo-terminal (fed by the
 * scale simulator) added in the console's devices view, its weight live in the console and on the
 * overlay, the product it weighs explained, and a light cue fired to an sACN node (a UDP socket).
 */
describe('devices: scale → console + overlay, light cue → sACN node', () => {
  let core: CoreProcess;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let pair: SocatPair;
  let sim: ScaleSim;
  let node: Socket;
  const packets: Buffer[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'livedesk-e2e-devices-'));
    pair = await startSocatPair(dir, ['scale-desk', 'scale-sim']);
    sim = await ScaleSim.start({ path: pair.b, protocol: 'and', intervalMs: 50, settleMs: 300, noiseGrams: 3 });
    node = createSocket('udp4');
    node.on('message', (msg) => packets.push(msg));
    await new Promise<void>((resolve) => node.bind(0, '127.0.0.1', resolve));
    // No OBS here: the devices do not need one, and the desk runs without it.
    core = await startCoreProcess(['--data-dir', dir, '--port', '0', '--obs-url', 'ws://127.0.0.1:9'], {
      command: [...NPM, 'run', '--silent', 'console', '--'],
      timeoutMs: 120_000,
    });
    expect((await core.api('POST', '/products', { sku: 'TEA-01', name: '明前龙井 250g', priceFen: 12_800 })).status).toBe(201);
    expect((await core.api('POST', '/actions', { type: 'session.start', title: '现场称重 E2E' })).status).toBe(200);
    const port = (node.address() as AddressInfo).port;
    expect((await core.api('PUT', '/devices', [{ id: 'wash', name: '顶光 sACN', kind: 'sacn', host: '127.0.0.1', port, universe: 3 }])).status).toBe(200);
    expect((await core.api('PUT', '/devices/cues', [{ name: '产品特写', channels: { '1': 255, '2': 180 }, fadeMs: 0 }])).status).toBe(200);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
    page.setDefaultTimeout(15_000);
    await page.goto(`${core.url}/?token=${core.token}`);
  });

  afterAll(async () => {
    await browser?.close();
    await core?.stop();
    await sim?.close();
    await pair?.kill();
    node?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('adds the scale in the devices view: manual path, preset, trigger; it shows as open', async () => {
    await page.locator('[data-testid="devices"] [data-device="wash"][data-status="open"]').waitFor();
    await page.locator('.btn-add-device').click();
    const dialog = page.locator('[data-testid="device-dialog"]');
    await dialog.locator('select[name="kind"]').selectOption('scale');
    await dialog.locator('input[name="id"]').fill('scale1');
    await dialog.locator('input[name="name"]').fill('称重台');
    // Pseudo-terminals never appear in the port list: the path is typed.
    await dialog.locator('input[name="path"]').fill(pair.a);
    await dialog.locator('select[name="protocol"]').selectOption('and');
    expect(await dialog.locator('select[name="baudRate"]').inputValue()).toBe('2400');
    await dialog.locator('input[name="triggerOn"]').check();
    await dialog.locator('input[name="threshold"]').fill('100');
    await dialog.locator('input[name="stableMs"]').fill('300');
    await dialog.locator('select[name="onPlace"]').selectOption('explain');
    await dialog.locator('select[name="sku"]').selectOption('TEA-01');
    await page.screenshot({ path: join(SHOTS_DIR, 'devices-dialog-zh.png') });
    await dialog.locator('.btn-save-device').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('[data-testid="devices"] [data-device="scale1"][data-status="open"]').waitFor();
    const stored = await core.api('GET', '/devices');
    expect(stored.body.find((d: { id: string }) => d.id === 'scale1')).toMatchObject({ kind: 'scale', path: pair.a, protocol: 'and', baudRate: 2400, dataBits: 7, parity: 'even', trigger: { onPlace: { kind: 'explain', sku: 'TEA-01' } } });
  });

  it('puts a product on the scale: live weight in the console, the product explained, the weight on the overlay', async () => {
    sim.setWeight(251.2);
    await page.locator('[data-testid="scale-weight"][data-status="stable"][data-grams="251.2"]').waitFor();
    await page.locator('[data-testid="now-explaining"]', { hasText: '明前龙井 250g' }).waitFor();
    expect(await page.locator('[data-testid="scale-weight"]').textContent()).toContain('商品在秤上');
    // The deck's tare key carries the live weight too.
    await page.locator('[data-testid="virtual-deck"] .deck-key', { hasText: '251.2 g' }).waitFor();

    const overlay = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await overlay.goto(`${core.url}/overlay/card?token=${core.overlayToken}`);
    await overlay.locator('[data-testid="overlay-card"][data-sku="TEA-01"]').waitFor();
    const badge = overlay.locator('[data-testid="overlay-weight"][data-status="stable"][data-grams="251.2"]');
    await badge.waitFor();
    expect(await badge.textContent()).toBe('251.2g');
    await overlay.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished)));
    await overlay.screenshot({ path: join(SHOTS_DIR, 'overlay-weight.png'), omitBackground: true });
    await overlay.close();
    await page.screenshot({ path: join(SHOTS_DIR, 'devices-console-zh.png') });
  });

  it('fires the cue from the lights panel: the sACN node receives the channel values', async () => {
    const before = packets.length;
    await page.locator('[data-testid="lights"] [data-cue="产品特写"] .btn-fire').click();
    await expect.poll(() => packets.slice(before).some((p) => p.length === 638 && p[126] === 255 && p[127] === 180 && p[113] === 0 && p[114] === 3), { timeout: 5_000 }).toBe(true);
    const lit = packets.length;
    await page.locator('[data-testid="lights"] .btn-blackout').click();
    await expect.poll(() => packets.slice(lit).some((p) => p.length === 638 && p[126] === 0 && p[127] === 0), { timeout: 5_000 }).toBe(true);
  });

  it('adds a cue in the cue editor and fires it', async () => {
    await page.locator('[data-testid="lights"] .btn-edit-cues').click();
    const editor = page.locator('[data-testid="cue-editor"]');
    await editor.locator('.btn-add-cue').click();
    const row = editor.locator('tr[data-row="1"]');
    await row.locator('input[name="cue-name"]').fill('暖光');
    await row.locator('input[name="cue-channels"]').fill('3=200, 4=50');
    await page.screenshot({ path: join(SHOTS_DIR, 'devices-cue-editor-zh.png') });
    await editor.locator('.btn-save-cues').click();
    await editor.waitFor({ state: 'hidden' });
    const before = packets.length;
    await page.locator('[data-testid="lights"] [data-cue="暖光"] .btn-fire').click();
    await expect.poll(() => packets.slice(before).some((p) => p.length === 638 && p[128] === 200 && p[129] === 50), { timeout: 5_000 }).toBe(true);
    expect((await core.api('GET', '/devices/cues')).body.map((c: { name: string }) => c.name)).toEqual(['产品特写', '暖光']);
  });

  it('shows the weight settling and the product taken off, in English', async () => {
    await page.locator('.lang-toggle').click();
    sim.setWeight(0);
    await page.locator('[data-testid="scale-weight"][data-status="stable"][data-grams="0"]').waitFor();
    await page.locator('[data-testid="now-explaining"]', { hasText: '明前龙井 250g' }).waitFor({ state: 'detached' });
    sim.setWeight(503.6);
    await page.locator('[data-testid="scale-weight"][data-status="stable"][data-grams="503.6"]').waitFor();
    expect(await page.locator('[data-testid="scale-panel"]').textContent()).toContain('Tare');
    await page.screenshot({ path: join(SHOTS_DIR, 'devices-console-en.png') });
  });

  it('shows an unplugged scale as reconnecting with its reason, open again after replug, and tares it', async () => {
    await sim.close();
    await pair.kill();
    const row = page.locator('[data-testid="devices"] [data-device="scale1"][data-status="reconnecting"]');
    await row.waitFor();
    // The last weight is not the weight now: the read-out says invalid instead of showing it.
    await page.locator('[data-testid="scale-weight"][data-status="invalid"]').waitFor();
    expect(await row.locator('.device-reason').textContent()).toMatch(/retry in \d+s/);
    await page.screenshot({ path: join(SHOTS_DIR, 'devices-unplugged-en.png') });
    pair = await startSocatPair(dir, ['scale-desk', 'scale-sim']);
    sim = await ScaleSim.start({ path: pair.b, protocol: 'and', intervalMs: 50 });
    sim.setWeight(42);
    await page.locator('[data-testid="devices"] [data-device="scale1"][data-status="open"]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="scale-weight"][data-grams="42"]').waitFor();
    // Tare from the console reaches the scale, which then reads zero.
    await page.locator('[data-testid="scale-panel"] button', { hasText: 'Tare' }).click();
    await expect.poll(() => sim.commands, { timeout: 5_000 }).toContain('T');
    await page.locator('[data-testid="scale-weight"][data-grams="0"]').waitFor();
  });
});
