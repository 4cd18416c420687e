import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** A 1-bit bitmap font: glyph rows are 1 or 2 bytes, most significant bit leftmost. */
export interface BitmapFont {
  height: number;
  glyph(codePoint: number): { width: number; rows: Uint8Array; stride: number } | null;
}

const FONT_FILE = join('assets', 'fonts', 'key-font.bin.gz');

/** Finds the repository's (or the packaged app's) assets folder by walking up from this module. */
function findFontFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, FONT_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`key font ${FONT_FILE} not found above ${fileURLToPath(import.meta.url)}`);
}

/** Parses the font written by scripts/make-key-font.mjs. */
export function parseBitmapFont(bytes: Uint8Array): BitmapFont {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.toString('latin1', 0, 4) !== 'LDKF' || buf[4] !== 1) throw new Error('not a LiveDesk key font (v1)');
  const height = buf[5] as number;
  const count = buf.readUInt32LE(8);
  const glyphs = new Map<number, { width: number; rows: Uint8Array; stride: number }>();
  let bitmapAt = 12 + count * 5;
  for (let i = 0; i < count; i++) {
    const cp = buf.readUInt32LE(12 + i * 5);
    const width = buf[12 + i * 5 + 4] as number;
    const stride = width > 8 ? 2 : 1;
    glyphs.set(cp, { width, stride, rows: buf.subarray(bitmapAt, bitmapAt + height * stride) });
    bitmapAt += height * stride;
  }
  return { height, glyph: (cp) => glyphs.get(cp) ?? null };
}

let loaded: BitmapFont | null = null;

/** The bundled key font (GB2312 Chinese + Latin, 16 px), loaded once. */
export function keyFont(): BitmapFont {
  loaded ??= parseBitmapFont(gunzipSync(readFileSync(findFontFile())));
  return loaded;
}
