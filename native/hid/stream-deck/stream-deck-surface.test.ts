import { describe, expect, it } from 'vitest';
import type { SurfaceEvent } from '../../../electron/core/contract/index.js';
import { FakeDeckBus } from './fake-deck-bus.js';
import { supportedDeckModels } from './deck-models.js';
import { deckGeometry, StreamDeckSurface } from './stream-deck-surface.js';
import { keyFont } from '../render/bitmap-font.js';

/** Four quadrants of distinct colours: any flip, rotation or channel swap moves one of them. */
function quadrants(width: number, height: number): Uint8Array {
  const colours = [
    [250, 20, 20],
    [20, 250, 20],
    [20, 20, 250],
    [250, 250, 20],
  ];
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = colours[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)] as number[];
      data.set(c, (y * width + x) * 3);
    }
  }
  return data;
}

const pixel = (data: Uint8Array, width: number, x: number, y: number) => [...data.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)];

describe('fake Stream Deck behind the library HIDDevice seam', () => {
  const lcdModels = supportedDeckModels().filter((m) => m.usb && m.id !== 'pedal');

  it.each(lcdModels.map((m) => [m.id]))('%s: key images arrive at the model size, the right way round', async (model) => {
    const bus = new FakeDeckBus();
    const hid = bus.plug(model as never, 'SN-1');
    const deck = await bus.open(hid.options.path);
    const { pixels, buttons } = deckGeometry(deck.CONTROLS);
    expect(pixels).not.toBeNull();
    const { width, height } = pixels as { width: number; height: number };
    const key = (buttons.find((b) => b.feedbackType === 'lcd') ?? buttons[0])!.index;
    await deck.fillKeyBuffer(key, quadrants(width, height), { format: 'rgb' });
    const image = hid.images.get(key);
    expect(image).toMatchObject({ width, height });
    const expected = quadrants(width, height);
    for (const [x, y] of [
      [4, 4],
      [width - 5, 4],
      [4, height - 5],
      [width - 5, height - 5],
    ] as const) {
      const got = pixel(image!.data, width, x, y);
      const want = pixel(expected, width, x, y);
      got.forEach((v, i) => expect(Math.abs(v - (want[i] as number))).toBeLessThan(40));
    }
    expect(await deck.getSerialNumber()).toBe('SN-1');
    await deck.close();
  });

  it('reports presses with the library index on every model, including the Pedal', async () => {
    for (const model of supportedDeckModels().filter((m) => m.usb)) {
      const bus = new FakeDeckBus();
      const hid = bus.plug(model.id, 'P1');
      const deck = await bus.open(hid.options.path);
      const seen: string[] = [];
      deck.on('down', (c) => seen.push(`down ${c.type}:${c.index}`));
      deck.on('up', (c) => seen.push(`up ${c.type}:${c.index}`));
      const last = deckGeometry(deck.CONTROLS).buttons.at(-1)!.index;
      hid.press(0, true);
      hid.press(last, true);
      hid.press(0, false);
      expect(seen, model.id).toEqual(['down button:0', `down button:${last}`, 'up button:0']);
      await deck.close();
    }
  });
});

describe('StreamDeckSurface', () => {
  const look = { label: '西湖龙井', detail: '¥128', tone: 'product' as const, active: false, disabled: false };

  it('redraws a key only when its look changes, at the model pixel size', async () => {
    const bus = new FakeDeckBus();
    const hid = bus.plug('xl', 'XL-1');
    const surface = new StreamDeckSurface(await bus.open(hid.options.path), { path: hid.options.path, serial: 'XL-1' });
    expect(surface.info).toMatchObject({ id: 'streamdeck:XL-1', columns: 8, rows: 4, keySize: 96, model: 'xl', name: 'Stream Deck XL' });
    surface.setKeyLook(3, look);
    surface.setKeyLook(3, look);
    await surface.idle();
    expect(hid.imageWrites.get(3)).toBe(1);
    surface.setKeyLook(3, { ...look });
    await surface.idle();
    expect(hid.imageWrites.get(3)).toBe(1);
    surface.setKeyLook(3, { ...look, active: true });
    await surface.idle();
    expect(hid.imageWrites.get(3)).toBe(2);
    expect(hid.images.get(3)).toMatchObject({ width: 96, height: 96 });
    // While key 4 is being written, key 5 changes three times: only its newest look goes out.
    surface.setKeyLook(4, look);
    surface.setKeyLook(5, look);
    surface.setKeyLook(5, { ...look, active: true });
    surface.setKeyLook(5, { ...look, label: '碧螺春' });
    await surface.idle();
    expect(hid.imageWrites.get(4)).toBe(1);
    expect(hid.imageWrites.get(5)).toBe(1);
    await surface.close();
  });

  it('draws the label in the key font (Chinese included) on the tone colour', async () => {
    expect(keyFont().glyph('龙'.codePointAt(0)!)).not.toBeNull();
    const bus = new FakeDeckBus();
    const hid = bus.plug('original-mk2', 'MK2');
    const surface = new StreamDeckSurface(await bus.open(hid.options.path), { path: hid.options.path, serial: 'MK2' });
    surface.setKeyLook(0, look);
    surface.setKeyLook(1, { ...look, label: '' , detail: null });
    await surface.idle();
    const brightPixels = (i: number) => {
      const img = hid.images.get(i)!;
      let n = 0;
      for (let p = 0; p < img.data.length; p += 3) if (img.data[p]! > 200 && img.data[p + 1]! > 200 && img.data[p + 2]! > 200) n++;
      return n;
    };
    expect(brightPixels(0)).toBeGreaterThan(60);
    expect(brightPixels(1)).toBe(0);
    await surface.close();
  });

  it('turns presses into key events, sets brightness, and reports an unplug once without throwing', async () => {
    const bus = new FakeDeckBus();
    const hid = bus.plug('mini', 'MINI');
    const surface = new StreamDeckSurface(await bus.open(hid.options.path), { path: hid.options.path, serial: 'MINI' });
    const events: SurfaceEvent[] = [];
    surface.onEvent((e) => events.push(e));
    hid.press(5, true);
    hid.press(5, false);
    expect(events.map((e) => (e.type === 'key' ? `${e.index}${e.down ? 'v' : '^'}` : e.type))).toEqual(['5v', '5^']);
    await surface.setBrightness(40);
    expect(hid.brightness).toBe(40);
    bus.unplug(hid.options.path);
    surface.setKeyLook(0, look);
    await surface.idle();
    expect(events.filter((e) => e.type === 'disconnected')).toHaveLength(1);
    expect(surface.connected).toBe(false);
    await surface.close();
  });

  it('shows desk status on the info strip of the Stream Deck + and Neo, redrawn only when it changes', async () => {
    for (const [model, width, height] of [
      ['plus', 800, 100],
      ['neo', 248, 58],
    ] as const) {
      const bus = new FakeDeckBus();
      const hid = bus.plug(model, 'STRIP');
      const surface = new StreamDeckSurface(await bus.open(hid.options.path), { path: hid.options.path, serial: 'STRIP' });
      const status = { label: 'PGM 主播近景', detail: '在线 1520', tone: 'scene' as const, active: true, disabled: false };
      surface.setStatusLook(status);
      surface.setStatusLook({ ...status });
      await surface.idle();
      expect(hid.stripWrites, model).toBe(1);
      expect(hid.strip, model).toMatchObject({ width, height });
      const [r, g] = [hid.strip!.data[(10 * width + width / 2) * 3]!, hid.strip!.data[(10 * width + width / 2) * 3 + 1]!];
      expect(r, model).toBeGreaterThan(150); // the red of "on air", the right way up
      expect(g, model).toBeLessThan(90);
      // A burst of changes within the second: one more write, with the newest numbers, a second later.
      const written = new Promise<void>((resolve) => hid.onWrite(() => hid.stripWrites === 2 && resolve()));
      for (let online = 1600; online < 1650; online++) surface.setStatusLook({ ...status, detail: `在线 ${online}` });
      await written;
      await surface.idle();
      expect(hid.stripWrites, model).toBe(2);
      await surface.close();
    }
  });
});
