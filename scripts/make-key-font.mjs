#!/usr/bin/env node
// Builds assets/fonts/key-font.bin.gz, the bitmap font Stream Deck keys are drawn with, from two X11
// bitmap fonts Debian ships (xfonts-base 8x16 for Latin, xfonts-intl-chinese gb16st for GB2312
// Chinese). Run once when the font changes; the output is committed so the desk needs neither
// package at run time. Usage: node scripts/make-key-font.mjs [out-file]
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

const SOURCES = ['/usr/share/fonts/X11/misc/8x16.pcf.gz', '/usr/share/fonts/X11/misc/gb16st.pcf.gz'];
const out = process.argv[2] ?? new URL('../assets/fonts/key-font.bin.gz', import.meta.url).pathname;
const HEIGHT = 16;

/** Reads a PCF font: per encoded character, its bitmap rows (MSB first) and advance width. */
function readPcf(file) {
  const buf = gunzipSync(readFileSync(file));
  if (buf.readUInt32LE(0) !== 0x70636601) throw new Error(`${file} is not a PCF font`);
  const tables = new Map();
  const count = buf.readInt32LE(4);
  for (let i = 0; i < count; i++) {
    const at = 8 + i * 16;
    tables.set(buf.readInt32LE(at), { format: buf.readInt32LE(at + 4), offset: buf.readInt32LE(at + 12) });
  }
  const reader = (type) => {
    const t = tables.get(type);
    if (!t) throw new Error(`${file}: table ${type} missing`);
    const format = buf.readInt32LE(t.offset);
    const be = (format & 4) !== 0;
    let pos = t.offset + 4;
    return {
      format,
      i32: () => ((pos += 4), be ? buf.readInt32BE(pos - 4) : buf.readInt32LE(pos - 4)),
      i16: () => ((pos += 2), be ? buf.readInt16BE(pos - 2) : buf.readInt16LE(pos - 2)),
      u8: () => buf[pos++],
      at: () => pos,
    };
  };
  const props = reader(1);
  const nProps = props.i32();
  const propList = [];
  for (let i = 0; i < nProps; i++) propList.push({ name: props.i32(), isString: props.u8(), value: props.i32() });
  const pad = nProps & 3 ? 4 - (nProps & 3) : 0;
  const strStart = props.at() + pad + 4;
  const str = (o) => buf.toString('latin1', strStart + o, buf.indexOf(0, strStart + o));
  const properties = Object.fromEntries(propList.map((p) => [str(p.name), p.isString ? str(p.value) : p.value]));

  const m = reader(4);
  const metrics = [];
  if (m.format & 0x100) {
    const n = m.i16();
    for (let i = 0; i < n; i++) {
      const [l, r, w, a, d] = [m.u8(), m.u8(), m.u8(), m.u8(), m.u8()].map((v) => v - 0x80);
      metrics.push({ left: l, right: r, width: w, ascent: a, descent: d });
    }
  } else {
    const n = m.i32();
    for (let i = 0; i < n; i++) {
      const [l, r, w, a, d] = [m.i16(), m.i16(), m.i16(), m.i16(), m.i16()];
      m.i16();
      metrics.push({ left: l, right: r, width: w, ascent: a, descent: d });
    }
  }
  const b = reader(8);
  const nGlyphs = b.i32();
  const offsets = Array.from({ length: nGlyphs }, () => b.i32());
  const sizes = [b.i32(), b.i32(), b.i32(), b.i32()];
  const glyphPad = 1 << (b.format & 3);
  const msbBit = (b.format & 8) !== 0;
  const dataStart = b.at();
  void sizes;

  const e = reader(32);
  const [min2, max2, min1, max1] = [e.i16(), e.i16(), e.i16(), e.i16()];
  e.i16();
  const glyphs = new Map();
  for (let b1 = min1; b1 <= max1; b1++) {
    for (let b2 = min2; b2 <= max2; b2++) {
      const index = e.i16() & 0xffff;
      if (index === 0xffff) continue;
      const mt = metrics[index];
      const rowBytes = Math.ceil((mt.right - mt.left) / 8 / glyphPad) * glyphPad || glyphPad;
      const rows = [];
      for (let y = 0; y < mt.ascent + mt.descent; y++) {
        let bits = 0n;
        for (let x = 0; x < mt.right - mt.left; x++) {
          const byte = buf[dataStart + offsets[index] + y * rowBytes + (x >> 3)];
          const on = msbBit ? (byte >> (7 - (x & 7))) & 1 : (byte >> (x & 7)) & 1;
          if (on) bits |= 1n << BigInt(x);
        }
        rows.push({ bits, y });
      }
      glyphs.set((b1 << 8) | b2, { metrics: mt, rows });
    }
  }
  return { properties, glyphs };
}

const font = new Map();
for (const file of SOURCES) {
  const { properties, glyphs } = readPcf(file);
  const registry = String(properties.CHARSET_REGISTRY).toUpperCase();
  const fontAscent = properties.FONT_ASCENT ?? 14;
  const gbk = new TextDecoder('gbk');
  for (const [code, glyph] of glyphs) {
    let cp;
    if (registry.startsWith('GB2312')) {
      const text = gbk.decode(new Uint8Array([(code >> 8) | 0x80, (code & 0xff) | 0x80]));
      if ([...text].length !== 1 || text === '\ufffd') continue;
      cp = text.codePointAt(0);
    } else cp = code;
    if (font.has(cp)) continue;
    const width = glyph.metrics.width;
    if (width < 1 || width > 16) continue;
    const cell = new Uint8Array(HEIGHT * (width > 8 ? 2 : 1));
    const stride = width > 8 ? 2 : 1;
    const top = fontAscent - glyph.metrics.ascent;
    for (const { bits, y } of glyph.rows) {
      const row = top + y;
      if (row < 0 || row >= HEIGHT) continue;
      for (let x = 0; x < 16; x++) {
        const dx = x + glyph.metrics.left;
        if (dx < 0 || dx >= width || !((bits >> BigInt(x)) & 1n)) continue;
        cell[row * stride + (dx >> 3)] |= 0x80 >> (dx & 7);
      }
    }
    font.set(cp, { width, cell });
  }
}

// Layout: "LDKF", version 1, cell height, 2 reserved, glyph count (u32 LE); then per glyph sorted by
// code point: code point (u32 LE) and advance width (u8); then the bitmaps in the same order, each
// `height` rows of 1 or 2 bytes, MSB = leftmost pixel.
const codes = [...font.keys()].sort((a, b) => a - b);
const header = Buffer.alloc(12);
header.write('LDKF', 0, 'latin1');
header[4] = 1;
header[5] = HEIGHT;
header.writeUInt32LE(codes.length, 8);
const index = Buffer.alloc(codes.length * 5);
codes.forEach((cp, i) => {
  index.writeUInt32LE(cp, i * 5);
  index[i * 5 + 4] = font.get(cp).width;
});
const bitmaps = Buffer.concat(codes.map((cp) => Buffer.from(font.get(cp).cell)));
writeFileSync(out, gzipSync(Buffer.concat([header, index, bitmaps]), { level: 9 }));
console.log(`${codes.length} glyphs → ${out}`);
