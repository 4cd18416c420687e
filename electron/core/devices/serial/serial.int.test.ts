import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import type { DeskState, SerialDeviceView } from '../../contract/index.js';
import { startDeskFixture, type DeskFixture } from '../../testing/desk-fixture.js';
import { startSocatPair, type SocatPair } from '../../../../native/serial/testing/socat-pair.js';
import { ScaleSim } from '../../../../native/sim/scale-sim.js';
import { encodeEnttecDmx } from '../../../../native/serial/dmx/dmx-codec.js';
import type { ScaleDevice } from './scale-device.js';

const device = (s: DeskState, id: string): SerialDeviceView | undefined => s.serial?.find((d) => d.id === id);

describe('serial devices over socat pseudo-terminals', () => {
  let fx: DeskFixture;
  let dir: string;
  let scalePair: SocatPair;
  let dmxPair: SocatPair;
  let requestPair: SocatPair;
  let boxPair: SocatPair;
  let xkPair: SocatPair;
  let xkSim: ScaleSim;
  let sim: ScaleSim;
  let requestSim: ScaleSim;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'livedesk-serial-'));
    scalePair = await startSocatPair(dir, ['scale-desk', 'scale-sim']);
    dmxPair = await startSocatPair(dir, ['dmx-desk', 'dmx-sink']);
    requestPair = await startSocatPair(dir, ['mt-desk', 'mt-sim']);
    boxPair = await startSocatPair(dir, ['box-desk', 'box-arduino']);
    xkPair = await startSocatPair(dir, ['xk-desk', 'xk-sim']);
    xkSim = await ScaleSim.start({ path: xkPair.b, protocol: 'xk3190', intervalMs: 40, unit: 'kg' });
    fx = await startDeskFixture();
    expect((await fx.api('POST', '/products', { sku: 'TEA-1', name: 'Longjing 250 g', priceFen: 8800 })).status).toBe(201);
    expect((await fx.api('POST', '/actions', { type: 'session.start', title: 'weighing' })).status).toBe(200);
    sim = await ScaleSim.start({ path: scalePair.b, protocol: 'and', intervalMs: 40 });
    requestSim = await ScaleSim.start({ path: requestPair.b, protocol: 'mt-sics', mode: 'request' });
    const put = await fx.api('PUT', '/devices', [
      {
        id: 'scale1',
        kind: 'scale',
        path: scalePair.a,
        protocol: 'and',
        silenceMs: 1_000,
        trigger: { thresholdGrams: 100, hysteresisGrams: 20, stableMs: 300, onPlace: { kind: 'explain', sku: 'TEA-1' }, onRemove: 'clear' },
      },
      { id: 'dmx1', kind: 'dmx-enttec', path: dmxPair.a, baudRate: 57600 },
      { id: 'mt', kind: 'scale', path: requestPair.a, protocol: 'mt-sics', mode: 'request', pollMs: 100 },
      { id: 'box', kind: 'buttons', path: boxPair.a, buttons: 8 },
      { id: 'xk', kind: 'scale', path: xkPair.a, protocol: 'xk3190', unit: 'kg', stableCount: 3 },
    ]);
    expect(put.status).toBe(200);
  });

  afterAll(async () => {
    await sim?.close();
    await requestSim?.close();
    await fx?.close();
    await requestPair?.kill();
    await boxPair?.kill();
    await xkSim?.close();
    await xkPair?.kill();
    await scalePair?.kill();
    await dmxPair?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the simulated scale as open with its live weight in /state and on the overlay', async () => {
    sim.setWeight(12.5);
    await fx.waitForState((s) => device(s, 'scale1')?.live.status === 'open' && s.scale?.grams === 12.5 && s.scale.status === 'stable');
    const state = await fx.api('GET', '/state');
    expect(state.body.scale).toMatchObject({ device: 'scale1', grams: 12.5, unit: 'g', status: 'stable', placed: false });
    const overlay = await fx.api('GET', '/overlay', undefined, fx.overlayToken);
    expect(overlay.body.scale.grams).toBe(12.5);
    const devices = await fx.api('GET', '/devices');
    expect(devices.body.map((d: { id: string; live: { status: string } }) => [d.id, d.live.status])).toEqual([['scale1', 'open'], ['dmx1', 'open'], ['mt', 'open'], ['box', 'open'], ['xk', 'open']]);
  });

  it('polls a request-mode scale (MT-SICS SI) and reads its answers', async () => {
    requestSim.setWeight(73.25);
    await expect.poll(() => (fx.desk.serial.runtime('mt') as ScaleDevice).state?.grams, { timeout: 5_000 }).toBe(73.25);
    expect(requestSim.commands).toContain('SI');
    // The first scale stays the published one.
    expect(fx.desk.hub.state.scale?.device).toBe('scale1');
  });

  it('explains the product placed on the scale and clears it when taken off', async () => {
    sim.setWeight(251.2);
    const placed = await fx.waitForState((s) => s.product?.sku === 'TEA-1' && s.scale?.placed === true);
    expect(placed.scale?.grams).toBe(251.2);
    sim.setWeight(0);
    await fx.waitForState((s) => s.product === null && s.scale?.placed === false);
    const events = fx.desk.repos.sessions.events(fx.desk.hub.state.session?.id as string, { limit: 200 });
    const kinds = events.map((e) => e.kind);
    expect(kinds).toContain('scale.placed');
    expect(kinds).toContain('scale.removed');
    expect(events.filter((e) => e.kind === 'scale.reading').map((e) => e.data.grams)).toEqual(expect.arrayContaining([12.5, 251.2, 0]));
  });

  it('sends tare to the scale', async () => {
    expect((await fx.api('POST', '/actions', { type: 'scale.tare' })).status).toBe(200);
    await expect.poll(() => sim.commands).toContain('T');
  });

  it('counts garbage bytes and bad frames without a false weight', async () => {
    const before = device(fx.desk.hub.state, 'scale1')?.live.badFrames ?? 0;
    await sim.writeRaw('\xff\xfe\x00garbage\r\nST,+0');
    const state = await fx.waitForState((s) => (device(s, 'scale1')?.live.badFrames ?? 0) >= before + 2);
    expect(state.scale?.grams).toBe(0);
  });

  it('shows a silent scale as no-data, and open again when it talks', async () => {
    sim.pause(true);
    const silent = await fx.waitForState((s) => device(s, 'scale1')?.live.status === 'no-data');
    expect(device(silent, 'scale1')?.live.reason).toMatch(/no data for 1 s/);
    sim.pause(false);
    await fx.waitForState((s) => device(s, 'scale1')?.live.status === 'open');
  });

  it('reads XK3190 frames, derives stability from repeats, and counts bad checksums', async () => {
    const xk = () => fx.desk.serial.runtime('xk') as ScaleDevice;
    xkSim.setWeight(1_560_000);
    await expect.poll(() => xk().state, { timeout: 5_000 }).toMatchObject({ grams: 1_560_000, value: 1560, unit: 'kg', status: 'stable' });
    await xkSim.writeRaw(Buffer.from('022B303031353630303141' + '03', 'hex'));
    await expect.poll(() => xk().view().live.badChecksums).toBe(1);
    expect(xk().state?.grams).toBe(1_560_000);
  });

  it('binds a button box like a surface: BTN 2 DOWN switches to the second scene', async () => {
    const box = new SerialPort({ path: boxPair.b, baudRate: 9600, lock: false });
    try {
      await new Promise<void>((resolve, reject) => box.once('open', resolve).once('error', reject));
      await fx.waitForState((s) => s.surfaces.some((x) => x.id === 'serial:box' && x.connected));
      box.write('noise\r\nBTN 2 DOWN\r\nBTN 2 UP\r\n');
      await fx.waitForState((s) => s.obs.programScene === 'Host');
    } finally {
      await new Promise<void>((resolve) => box.close(() => resolve()));
    }
  });

  it('sends a light cue to the DMX sink as exact Enttec bytes', async () => {
    const sink = new SerialPort({ path: dmxPair.b, baudRate: 57600, lock: false });
    try {
      const expected = new Uint8Array(512);
      expected[0] = 255;
      expected[9] = 40;
      const wanted = Buffer.from(encodeEnttecDmx(expected));
      let received = Buffer.alloc(0);
      const seen = new Promise<void>((resolve) =>
        sink.on('data', (chunk: Buffer) => {
          received = Buffer.concat([received, chunk]);
          if (received.includes(wanted)) resolve();
        }),
      );
      await new Promise<void>((resolve, reject) => sink.once('open', resolve).once('error', reject));
      expect((await fx.api('PUT', '/devices/cues', [{ name: 'product', channels: { '1': 255, '10': 40 }, fadeMs: 0 }])).status).toBe(200);
      expect((await fx.api('POST', '/actions', { type: 'light.cue', cue: 'product' })).body.result).toEqual({ cue: 'product', devices: ['dmx1'] });
      await seen;
    } finally {
      await new Promise<void>((resolve) => sink.close(() => resolve()));
    }
  });

  it('survives an unplug: reconnecting while socat is gone, open again by itself after replug', async () => {
    await sim.close();
    await scalePair.kill();
    const lost = await fx.waitForState((s) => device(s, 'scale1')?.live.status === 'reconnecting');
    expect(device(lost, 'scale1')?.live.reason).toBeTruthy();
    expect(lost.session).not.toBeNull();
    scalePair = await startSocatPair(dir, ['scale-desk', 'scale-sim']);
    sim = await ScaleSim.start({ path: scalePair.b, protocol: 'and', intervalMs: 40 });
    sim.setWeight(42);
    const back = await fx.waitForState((s) => device(s, 'scale1')?.live.status === 'open' && s.scale?.grams === 42, 15_000);
    expect(back.session?.status).toBe('live');
    const kinds = fx.desk.repos.sessions.events(back.session?.id as string, { limit: 500 }).filter((e) => e.kind === 'device.status').map((e) => e.data.status);
    expect(kinds).toEqual(expect.arrayContaining(['open', 'no-data', 'reconnecting']));
  });
});
