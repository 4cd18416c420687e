import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreProcess } from '../../electron/core/testing/core-process.js';
import { startSocatPair, type SocatPair } from '../../native/serial/testing/socat-pair.js';
import { ScaleSim } from '../../native/sim/scale-sim.js';
import { settleAnimations, shot, startDesk, type E2eDesk } from './harness.js';

/**
 * Serial hardware as a field controller sets it up: a scale on a socat pseudo-terminal (fed by the
 * scale simulator) added in the console's devices view, its weight live in the console and on the
 * overlay, the product it weighs explained, and a light cue fired to an sACN node (a UDP socket).
 */
describe('devices: scale → console + overlay, light cue → sACN node', () => {
  let desk: E2eDesk;
  let core: CoreProcess;
  let page: Page;
  let dir: string;
  let pair: SocatPair;
  let sim: ScaleSim;
  let node: Socket;
  const packets: Buffer[] = [];

  beforeAll(async () => {
    // No OBS here: the devices do not need one, and the desk runs without it.
    desk = await startDesk({
      obs: { kind: 'dead' },
      prefix: 'livedesk-e2e-devices',
      prepare: async ({ dir: data, onStop }) => {
        dir = data;
        pair = await startSocatPair(dir, ['scale-desk', 'scale-sim']);
        sim = await ScaleSim.start({ path: pair.b, protocol: 'and', intervalMs: 50, settleMs: 300, noiseGrams: 3 });
        node = createSocket('udp4');
        node.on('message', (msg) => packets.push(msg));
        await new Promise<void>((resolve) => node.bind(0, '127.0.0.1', resolve));
        // Registered first, run last: the scale and its pair stop after the desk, as before.
        onStop(() => node.close());
        onStop(() => pair.kill());
        onStop(() => sim.close());
      },
    });
    core = desk.core;
    expect((await core.api('POST', '/products', { sku: 'TEA-01', name: '明前龙井 250g', priceFen: 12_800 })).status).toBe(201);
    expect((await core.api('POST', '/actions', { type: 'session.start', title: '现场称重 E2E' })).status).toBe(200);
    const port = (node.address() as AddressInfo).port;
    expect((await core.api('PUT', '/devices', [{ id: 'wash', name: '顶光 sACN', kind: 'sacn', host: '127.0.0.1', port, universe: 3 }])).status).toBe(200);
    expect((await core.api('PUT', '/devices/cues', [{ name: '产品特写', channels: { '1': 255, '2': 180 }, fadeMs: 0 }])).status).toBe(200);
    page = await desk.console();
  });

  afterAll(async () => desk?.stop());

  it('adds the scale in the devices view: manual path, preset, trigger; it shows as open', async () => {
    // A network DMX node cannot acknowledge over UDP: it shows as sending, never as open (issue 16).
    await page.locator('[data-testid="devices"] [data-device="wash"][data-status="sending"]').waitFor();
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
    await shot(page, 'devices-dialog-zh.png');
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

    const overlay = await desk.overlay('/overlay/card');
    await overlay.locator('[data-testid="overlay-card"][data-sku="TEA-01"]').waitFor();
    const badge = overlay.locator('[data-testid="overlay-weight"][data-status="stable"][data-grams="251.2"]');
    await badge.waitFor();
    expect(await badge.textContent()).toBe('251.2g');
    await settleAnimations(overlay);
    await shot(overlay, 'overlay-weight.png', { omitBackground: true });
    await overlay.close();
    await shot(page, 'devices-console-zh.png');
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
    // The cue editor sends a cue to one light output (issue 17).
    await row.locator('select[name="cue-device"]').selectOption('wash');
    await shot(page, 'devices-cue-editor-zh.png');
    await editor.locator('.btn-save-cues').click();
    await editor.waitFor({ state: 'hidden' });
    const before = packets.length;
    await page.locator('[data-testid="lights"] [data-cue="暖光"] .btn-fire').click();
    await expect.poll(() => packets.slice(before).some((p) => p.length === 638 && p[128] === 200 && p[129] === 50), { timeout: 5_000 }).toBe(true);
    expect((await core.api('GET', '/devices/cues')).body.map((c: { name: string }) => c.name)).toEqual(['产品特写', '暖光']);
    expect((await core.api('GET', '/devices/cues')).body.find((c: { name: string }) => c.name === '暖光')).toMatchObject({ device: 'wash' });
  });

  it('shows the weight settling and the product taken off, in English', async () => {
    await page.locator('.lang-toggle').click();
    sim.setWeight(0);
    await page.locator('[data-testid="scale-weight"][data-status="stable"][data-grams="0"]').waitFor();
    await page.locator('[data-testid="now-explaining"]', { hasText: '明前龙井 250g' }).waitFor({ state: 'detached' });
    sim.setWeight(503.6);
    await page.locator('[data-testid="scale-weight"][data-status="stable"][data-grams="503.6"]').waitFor();
    expect(await page.locator('[data-testid="scale-panel"]').textContent()).toContain('Tare');
    await shot(page, 'devices-console-en.png');
  });

  it('shows an unplugged scale as reconnecting with its reason, open again after replug, and tares it', async () => {
    await sim.close();
    await pair.kill();
    const row = page.locator('[data-testid="devices"] [data-device="scale1"][data-status="reconnecting"]');
    await row.waitFor();
    // The last weight is not the weight now: the read-out says invalid instead of showing it.
    await page.locator('[data-testid="scale-weight"][data-status="invalid"]').waitFor();
    expect(await row.locator('.device-reason').textContent()).toMatch(/retry in \d+s/);
    await shot(page, 'devices-unplugged-en.png');
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

  it('binds a dial turn in the bindings editor and saves it (issue 17)', async () => {
    const devices = await desk.console('/devices');
    try {
      const editor = devices.locator('[data-testid="bindings-editor"]');
      const turn = editor.locator('[data-dial="0"][data-turn="right"]');
      await devices.locator('[data-palette="a:product.next"]').dragTo(turn);
      await turn.locator('.key-clear').waitFor();
      await devices.locator('[data-testid="bindings-save"]').click();
      await expect.poll(async () => (await core.api('GET', '/bindings')).body.layouts?.default?.pages?.[0]?.dials?.['0']?.right?.action?.type, { timeout: 5_000 }).toBe('product.next');
      await shot(devices, 'devices-dials-zh.png');
    } finally {
      await devices.close();
    }
  });
});
