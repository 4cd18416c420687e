import { describe, expect, it, vi } from 'vitest';
import { buttonsDeviceSchema, serialDeviceListSchema, type Action, type ControlSurface, type ScaleState, type SerialDeviceConfig, type SerialDeviceView, type SurfaceEvent } from '../../contract/index.js';
import { FakeTransport } from '../../../../native/serial/transport/fake-transport.js';
import { encodeScaleFrame } from '../../../../native/serial/scale/encode-frame.js';
import { encodeEnttecDmx } from '../../../../native/serial/dmx/dmx-codec.js';
import { SerialManager } from './serial-manager.js';
import { ButtonBox } from './button-box.js';

function setup(stored: unknown[] = []) {
  let now = 1_000;
  const transports = new Map<string, FakeTransport>();
  const published: { serial: SerialDeviceView[]; scale: ScaleState | null }[] = [];
  const logged: { kind: string; data: Record<string, unknown> }[] = [];
  const dispatched: Action[] = [];
  const alerts: { id: string; text: string | null }[] = [];
  const surfaces: ControlSurface[] = [];
  let cues: string | null = null;
  let saved: readonly SerialDeviceConfig[] = [];
  const manager = new SerialManager({
    now: () => now,
    load: () => ({ devices: serialDeviceListSchema.parse(stored), unreadable: [] }),
    save: (d) => {
      saved = d;
    },
    loadCues: () => cues,
    saveCues: (json) => {
      cues = json;
    },
    publish: (change) => published.push(change),
    log: (kind, data) => logged.push({ kind, data }),
    alert: (id, _level, text) => alerts.push({ id, text: text?.detail ?? null }),
    dispatch: async (action) => {
      dispatched.push(action);
      return {};
    },
    attachSurface: (s) => surfaces.push(s),
    detachSurface: async () => undefined,
    transportFor: (config) => {
      if ('path' in config && config.path === '/dev/broken') throw new Error('no such adapter');
      const t = new FakeTransport(() => now);
      transports.set(config.id, t);
      return t;
    },
  });
  return { manager, transports, published, logged, dispatched, alerts, surfaces, saved: () => saved, tick: (ms: number) => (now += ms) };
}

const scale = { id: 'scale1', kind: 'scale', path: '/dev/pts/9', protocol: 'and', trigger: { thresholdGrams: 100, hysteresisGrams: 20, stableMs: 500, onPlace: { kind: 'explain', sku: 'TEA-1' }, onRemove: 'clear' } };

describe('SerialManager', () => {
  it('publishes the live weight, logs stable readings once, and fires the product trigger', async () => {
    const t = setup();
    await t.manager.replace([scale]);
    expect(t.saved()).toHaveLength(1);
    const line = t.transports.get('scale1') as FakeTransport;
    const frame = (grams: number, stable = true) => line.receive(encodeScaleFrame('and', { grams, stable }));
    frame(250, false);
    expect(t.published.at(-1)?.scale).toMatchObject({ device: 'scale1', grams: 250, status: 'unstable', placed: false });
    frame(250);
    t.tick(300);
    frame(250);
    expect(t.dispatched).toEqual([]);
    t.tick(300);
    frame(250);
    expect(t.dispatched).toEqual([{ type: 'product.explain', sku: 'TEA-1' }]);
    expect(t.published.at(-1)?.scale?.placed).toBe(true);
    expect(t.logged.filter((l) => l.kind === 'scale.reading')).toHaveLength(1);
    frame(0);
    expect(t.dispatched.at(-1)).toEqual({ type: 'product.clear' });
    expect(t.logged.map((l) => l.kind)).toEqual(['device.status', 'scale.reading', 'scale.placed', 'scale.reading', 'scale.removed']);
    await t.manager.close();
  });

  it('sends tare and zero, and refuses them for protocols without commands', async () => {
    const t = setup([{ ...scale, trigger: undefined }, { id: 'xk', kind: 'scale', path: '/dev/pts/8', protocol: 'xk3190' }]);
    t.manager.start();
    await t.manager.tare();
    await t.manager.zero('scale1');
    expect(t.transports.get('scale1')?.written.map((b) => Buffer.from(b).toString())).toEqual(['T\r\n', 'Z\r\n']);
    await expect(t.manager.tare('xk')).rejects.toThrow(/no tare command/);
    await expect(t.manager.tare('nope')).rejects.toThrow(/no enabled scale/);
    await t.manager.close();
  });

  it('fires named DMX cues as exact Enttec bytes, with a built-in blackout', async () => {
    const t = setup();
    await t.manager.replace([{ id: 'dmx1', kind: 'dmx-enttec', path: '/dev/pts/7' }]);
    t.manager.setCues([{ name: 'product', channels: { '1': 255, '3': 128 }, fadeMs: 0 }]);
    expect(t.manager.cue('product')).toEqual({ cue: 'product', devices: ['dmx1'] });
    const dmx = t.transports.get('dmx1') as FakeTransport;
    await vi.waitFor(() => expect(dmx.written.length).toBeGreaterThan(0));
    const expected = new Uint8Array(512);
    expected[0] = 255;
    expected[2] = 128;
    expect([...(dmx.written.at(-1) as Uint8Array)]).toEqual([...encodeEnttecDmx(expected)]);
    t.manager.cue('blackout');
    await vi.waitFor(() => expect([...(dmx.written.at(-1) as Uint8Array)]).toEqual([...encodeEnttecDmx(new Uint8Array(512))]));
    expect(() => t.manager.cue('missing')).toThrow(/no light cue/);
    await t.manager.close();
  });

  it('turns button box lines into surface key events', async () => {
    const t = setup();
    await t.manager.replace([{ id: 'box', kind: 'buttons', path: '/dev/pts/6', buttons: 4 }]);
    const surface = t.surfaces[0] as ControlSurface;
    expect(surface.info).toMatchObject({ id: 'serial:box', kind: 'serial', columns: 4, rows: 1 });
    expect(new ButtonBox(buttonsDeviceSchema.parse({ id: 'b8', kind: 'buttons', path: '/x', buttons: 8 }), new FakeTransport(), Date.now).info).toMatchObject({ columns: 4, rows: 2 });
    const events: SurfaceEvent[] = [];
    surface.onEvent((e) => events.push(e));
    t.transports.get('box')?.receive('BTN 2 DOWN\r\nBTN 2 UP\r\nBTN 9 DOWN\r\n');
    expect(events).toEqual([{ type: 'key', index: 1, down: true, at: 1000 }, { type: 'key', index: 1, down: false, at: 1000 }]);
    expect(t.manager.list()[0]?.live.badFrames).toBe(1);
    await t.manager.close();
  });

  it('keeps other devices running when one cannot start, and validates configs', async () => {
    const t = setup();
    await t.manager.replace([{ ...scale, id: 'bad', path: '/dev/broken' }, scale]);
    t.transports.get('scale1')?.receive(encodeScaleFrame('and', { grams: 5, stable: true }));
    expect(t.published.at(-1)?.scale?.grams).toBe(5);
    expect(t.manager.list().map((d) => d.live.status)).toEqual(['disabled', 'open']);
    await expect(t.manager.replace([scale, scale])).rejects.toThrow(/unique/);
    await expect(t.manager.replace([{ ...scale, protocol: 'custom' }])).rejects.toThrow(/custom scale needs a format/);
    await expect(t.manager.replace([{ ...scale, protocol: 'xk3190', mode: 'request' }])).rejects.toMatchObject({ field: '0.mode' });
    await expect(t.manager.replace([{ ...scale, baudRate: -1 }])).rejects.toMatchObject({ code: 'bad_request', field: '0.baudRate' });
    await t.manager.close();
  });
});

describe('scale triggers through the manager', () => {
  const place = (line: FakeTransport, tick: (ms: number) => void, grams: number) => {
    for (let i = 0; i < 3; i++) {
      line.receive(encodeScaleFrame('and', { grams, stable: true }));
      tick(300);
    }
  };

  it('explains the product whose weight range matches, and says so when none does', async () => {
    const t = setup();
    const ranges = [
      { sku: 'TEA-250', minGrams: 240, maxGrams: 260 },
      { sku: 'TEA-500', minGrams: 480, maxGrams: 520 },
    ];
    await t.manager.replace([{ ...scale, trigger: { ...scale.trigger, onPlace: { kind: 'match', ranges } } }]);
    const line = t.transports.get('scale1') as FakeTransport;
    place(line, t.tick, 503.5);
    expect(t.dispatched).toEqual([{ type: 'product.explain', sku: 'TEA-500' }]);
    place(line, t.tick, 0);
    expect(t.dispatched.at(-1)).toEqual({ type: 'product.clear' });
    place(line, t.tick, 300);
    expect(t.dispatched).toHaveLength(2);
    expect(t.alerts.at(-1)).toEqual({ id: 'scale-scale1-match', text: '300 g on "scale1" matches no product\'s weight range' });
    expect(t.logged.filter((l) => l.kind === 'scale.placed').map((l) => l.data.grams)).toEqual([503.5, 300]);
    await t.manager.close();
  });

  it('the plan\'s next product on placement; off the scale does nothing when told so, but is logged', async () => {
    const t = setup();
    await t.manager.replace([{ ...scale, trigger: { ...scale.trigger, onPlace: { kind: 'next' }, onRemove: 'none' } }]);
    const line = t.transports.get('scale1') as FakeTransport;
    place(line, t.tick, 250);
    place(line, t.tick, 0);
    expect(t.dispatched).toEqual([{ type: 'product.next' }]);
    expect(t.logged.map((l) => l.kind)).toContain('scale.removed');
    await t.manager.close();
  });
});

describe('the published weight', () => {
  it('comes from a scale that is talking, and turns invalid when its scale goes quiet', async () => {
    const t = setup();
    await t.manager.replace([scale, { ...scale, id: 'scale2', trigger: undefined }]);
    const [one, two] = [t.transports.get('scale1') as FakeTransport, t.transports.get('scale2') as FakeTransport];
    one.receive(encodeScaleFrame('and', { grams: 250, stable: true }));
    two.receive(encodeScaleFrame('and', { grams: 80, stable: true }));
    expect(t.published.at(-1)?.scale).toMatchObject({ device: 'scale1', grams: 250 });
    one.setState('no-data', 'no data for 3 s');
    expect(t.published.at(-1)?.scale).toMatchObject({ device: 'scale2', grams: 80, status: 'stable' });
    two.setState('reconnecting', 'unplugged');
    expect(t.published.at(-1)?.scale).toMatchObject({ device: 'scale1', grams: null, value: null, status: 'invalid' });
    one.receive(encodeScaleFrame('and', { grams: 250, stable: true }));
    expect(t.published.at(-1)?.scale).toMatchObject({ device: 'scale1', grams: 250, status: 'stable' });
    await t.manager.close();
  });
});

describe('simulated (rehearsal) devices', () => {
  it('run and publish without being stored, and their ids stay reserved', async () => {
    const t = setup();
    await t.manager.replace([scale]);
    const sim = new FakeTransport();
    await t.manager.attachSimulated(serialDeviceListSchema.parse([{ ...scale, id: 'demo-scale', path: 'sim://demo-scale', trigger: undefined }])[0] as SerialDeviceConfig, () => sim);
    expect(t.published.at(-1)?.serial.map((d) => [d.id, d.live.status])).toEqual([['scale1', 'open'], ['demo-scale', 'open']]);
    expect(t.manager.list().map((d) => d.id)).toEqual(['scale1']);
    await expect(t.manager.replace([{ ...scale, id: 'demo-scale' }])).rejects.toMatchObject({ field: '0.id' });
    // Saving the stored list again leaves the simulated device running.
    await t.manager.replace([scale]);
    expect(sim.state.status).toBe('open');
    await t.manager.detachSimulated('demo-scale');
    expect(sim.state.status).toBe('closed');
    expect(t.published.at(-1)?.serial.map((d) => d.id)).toEqual(['scale1']);
    await t.manager.close();
  });
});

describe('Open DMX through the manager', () => {
  it('sends break then slots, and shows a port that refuses break as an error', async () => {
    const t = setup();
    await t.manager.replace([{ id: 'open1', kind: 'dmx-open', path: '/dev/pts/5', fps: 20 }]);
    const port = t.transports.get('open1') as FakeTransport;
    await vi.waitFor(() => expect(port.written.length).toBeGreaterThan(0));
    expect(port.breaks.slice(0, 2)).toEqual([true, false]);
    expect(port.written[0]).toHaveLength(513);
    port.setBreak = async () => {
      throw new Error('Inappropriate ioctl for device');
    };
    await vi.waitFor(() => expect(t.manager.list()[0]?.live).toMatchObject({ status: 'error', reason: 'cannot send DMX: Inappropriate ioctl for device' }));
    await t.manager.close();
  });
});
