import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import jpeg from '@julusian/jpeg-turbo';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeDeckBus } from '../stream-deck/fake-deck-bus.js';
import { StreamDeckSurface } from '../stream-deck/stream-deck-surface.js';
import { decodeImage } from './image-decode.js';
import { Thumbnails } from './thumbnails.js';

/** A PNG written the long way (filter 1 = Sub on every row), so the decoder's unfiltering is exercised. */
function png(width: number, height: number, rgba: [number, number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const tb = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(tb));
    return Buffer.concat([len, tb, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 1;
    for (let x = 0; x < width; x++) for (let c = 0; c < 4; c++) raw[y * (width * 4 + 1) + 1 + x * 4 + c] = x === 0 ? (rgba[c] as number) : 0;
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const dir = mkdtempSync(join(tmpdir(), 'livedesk-thumbs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('product pictures on keys', () => {
  it('decodes PNG (filtered, with alpha) and JPEG', () => {
    const p = decodeImage(png(4, 2, [20, 40, 200, 255]));
    expect(p).toMatchObject({ width: 4, height: 2 });
    expect([...p.data.subarray(9, 12)]).toEqual([20, 40, 200]);
    const rgb = Buffer.alloc(16 * 16 * 3, 0);
    for (let i = 0; i < rgb.length; i += 3) rgb.set([200, 30, 30], i);
    const j = decodeImage(jpeg.compressSync(rgb, { format: jpeg.FORMAT_RGB, width: 16, height: 16, quality: 95 }));
    expect(j.width).toBe(16);
    expect(j.data[0]).toBeGreaterThan(170);
    expect(() => decodeImage(Buffer.from('GIF89a'))).toThrow(/JPEG or PNG/);
  });

  it('draws the picture on the key once it has loaded, and keeps the text look when it cannot', async () => {
    const file = join(dir, 'tea.png');
    writeFileSync(file, png(120, 80, [10, 160, 60, 255]));
    const bus = new FakeDeckBus();
    const hid = bus.plug('original-mk2', 'PIC');
    const thumbnails = new Thumbnails();
    const surface = new StreamDeckSurface(await bus.open(hid.options.path), { path: hid.options.path, serial: 'PIC' }, thumbnails);
    const loaded = new Promise<void>((resolve) => thumbnails.onLoaded(() => resolve()));
    surface.setKeyLook(0, { label: '龙井', detail: '¥128', tone: 'product', active: false, disabled: false, image: file });
    surface.setKeyLook(1, { label: '坏图', detail: null, tone: 'product', active: false, disabled: false, image: join(dir, 'missing.png') });
    await loaded;
    await surface.idle();
    await new Promise<void>((resolve) => (thumbnails.ready(file) ? resolve() : thumbnails.onLoaded(() => resolve())));
    await surface.idle();
    expect(hid.imageWrites.get(0)).toBe(2);
    const img = hid.images.get(0)!;
    const at = (img.width * 20 + 36) * 3;
    const [r, g, b] = [img.data[at]!, img.data[at + 1]!, img.data[at + 2]!];
    expect(g).toBeGreaterThan(120);
    expect(r).toBeLessThan(60);
    expect(b).toBeLessThan(100);
    expect(hid.imageWrites.get(1)).toBe(1);
    await surface.close();
  });
});
