import { inflateSync } from 'node:zlib';
import jpeg from '@julusian/jpeg-turbo';
import type { KeyCanvas } from './key-renderer.js';

/**
 * Decodes product pictures for key thumbnails without an image library: JPEG through libjpeg-turbo
 * (already here for the Stream Deck), PNG with node:zlib (8-bit grey, RGB, palette, with or without
 * alpha; alpha is blended onto black like the deck's own background). Anything else is refused.
 */
export function decodeImage(bytes: Uint8Array): KeyCanvas {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const out = jpeg.decompressSync(Buffer.from(bytes), { format: jpeg.FORMAT_RGB });
    return { width: out.width, height: out.height, data: new Uint8Array(out.data.buffer, out.data.byteOffset, out.width * out.height * 3) };
  }
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return decodePng(Buffer.from(bytes));
  throw new Error('not a JPEG or PNG picture');
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function decodePng(buf: Buffer): KeyCanvas {
  let at = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  let palette: Buffer | null = null;
  const idat: Buffer[] = [];
  while (at + 8 <= buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colorType = body[9] ?? 0;
      if (body[8] !== 8 || body[12] !== 0) throw new Error('PNG must be 8-bit and not interlaced');
      if (!(colorType in CHANNELS)) throw new Error(`PNG colour type ${colorType} is not supported`);
    } else if (type === 'PLTE') palette = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!width || !height || width * height > 16_000_000) throw new Error('PNG has no usable size');
  const channels = CHANNELS[colorType] as number;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      const v = line[x] ?? 0;
      let out = v;
      if (filter === 1) out = v + a;
      else if (filter === 2) out = v + b;
      else if (filter === 3) out = v + ((a + b) >> 1);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        out = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      pixels[y * stride + x] = out & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    let r: number;
    let g: number;
    let bl: number;
    let alpha = 255;
    if (colorType === 3) {
      const idx = (pixels[p] ?? 0) * 3;
      [r, g, bl] = [palette?.[idx] ?? 0, palette?.[idx + 1] ?? 0, palette?.[idx + 2] ?? 0];
    } else if (colorType === 0 || colorType === 4) {
      r = g = bl = pixels[p] ?? 0;
      if (colorType === 4) alpha = pixels[p + 1] ?? 255;
    } else {
      [r, g, bl] = [pixels[p] ?? 0, pixels[p + 1] ?? 0, pixels[p + 2] ?? 0];
      if (colorType === 6) alpha = pixels[p + 3] ?? 255;
    }
    data[i * 3] = (r * alpha) / 255;
    data[i * 3 + 1] = (g * alpha) / 255;
    data[i * 3 + 2] = (bl * alpha) / 255;
  }
  return { width, height, data };
}

/** Scales `src` to cover `width`×`height` (centre crop), averaging the source pixels under each target pixel. */
export function coverScale(src: KeyCanvas, width: number, height: number): KeyCanvas {
  const scale = Math.max(width / src.width, height / src.height);
  const cropW = width / scale;
  const cropH = height / scale;
  const x0 = (src.width - cropW) / 2;
  const y0 = (src.height - cropH) / 2;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const sy0 = Math.floor(y0 + y / scale);
    const sy1 = Math.max(sy0 + 1, Math.floor(y0 + (y + 1) / scale));
    for (let x = 0; x < width; x++) {
      const sx0 = Math.floor(x0 + x / scale);
      const sx1 = Math.max(sx0 + 1, Math.floor(x0 + (x + 1) / scale));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let sy = sy0; sy < Math.min(sy1, src.height); sy++) {
        for (let sx = sx0; sx < Math.min(sx1, src.width); sx++) {
          const i = (sy * src.width + sx) * 3;
          r += src.data[i] ?? 0;
          g += src.data[i + 1] ?? 0;
          b += src.data[i + 2] ?? 0;
          n++;
        }
      }
      const o = (y * width + x) * 3;
      data[o] = n ? r / n : 0;
      data[o + 1] = n ? g / n : 0;
      data[o + 2] = n ? b / n : 0;
    }
  }
  return { width, height, data };
}
