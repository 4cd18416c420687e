import type { KeyLook } from '../../../electron/core/contract/index.js';
import { keyFont, type BitmapFont } from './bitmap-font.js';

type Rgb = readonly [number, number, number];

/** Colours chosen to read at a glance under studio lights: red = on air, amber = being explained. */
const PALETTE: Record<KeyLook['tone'], { bg: Rgb; active: Rgb }> = {
  idle: { bg: [20, 20, 24], active: [60, 60, 70] },
  scene: { bg: [24, 52, 92], active: [200, 30, 30] },
  product: { bg: [22, 70, 52], active: [230, 140, 0] },
  action: { bg: [52, 52, 60], active: [40, 120, 200] },
  danger: { bg: [110, 20, 20], active: [220, 40, 40] },
};
const TEXT: Rgb = [255, 255, 255];
const DIM_TEXT: Rgb = [130, 130, 130];
const DISABLED_BG: Rgb = [34, 34, 36];
const DETAIL_BAND: Rgb = [0, 0, 0];

// Glyphs the 16 px font lacks, drawn as their closest relatives rather than as boxes.
const SUBSTITUTES: Record<string, string> = { '✕': '×', '✖': '×', '✓': '√', '▶': '>', '⏸': '||', '…': '...' };

/** A key's picture as packed RGB, top row first: what `fillKeyBuffer` takes. */
export interface KeyCanvas {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Draws a key's look at the model's own pixel size, in plain Node (no browser, no canvas package):
 * background by tone and state, the label wrapped over as many lines as fit, the detail (price, PGM,
 * countdown, KPI) on a band at the bottom. Text is scaled 2× on keys of 120 px and more.
 */
export function renderKey(look: KeyLook | null, width: number, height: number, font: BitmapFont = keyFont(), picture: ((w: number, h: number) => KeyCanvas | null) | null = null): KeyCanvas {
  const canvas: KeyCanvas = { width, height, data: new Uint8Array(width * height * 3) };
  if (!look) return canvas;
  const colours = PALETTE[look.tone];
  const bg = look.disabled ? DISABLED_BG : look.active ? colours.active : colours.bg;
  fill(canvas, 0, 0, width, height, bg);
  // Big keys and wide info strips (Stream Deck + is 800×100) get double-size text.
  const scale = Math.min(width, height) >= 120 || (height >= 90 && width >= 3 * height) ? 2 : 1;
  const lineH = font.height * scale;
  const margin = Math.max(3, Math.round(Math.min(width, height) / 24));
  if (look.active) {
    const b = Math.max(3, Math.round(Math.min(width, height) / 24));
    fill(canvas, 0, 0, width, b, TEXT);
    fill(canvas, 0, height - b, width, b, TEXT);
    fill(canvas, 0, 0, b, height, TEXT);
    fill(canvas, width - b, 0, b, height, TEXT);
  }
  const textColour = look.disabled ? DIM_TEXT : TEXT;
  let bottom = height - margin;
  if (look.detail) {
    const detailLines = wrap(font, clean(look.detail), width - 2 * margin, scale).slice(0, 1);
    const bandTop = height - margin - lineH - 2;
    fill(canvas, margin - 1, bandTop, width - 2 * margin + 2, lineH + 2, look.disabled ? DISABLED_BG : DETAIL_BAND);
    drawLine(canvas, font, detailLines[0] ?? '', bandTop + 1, scale, look.active && !look.disabled ? colours.active : textColour);
    bottom = bandTop - 1;
  }
  // With a product picture: the picture on top, one line of name under it.
  const thumbH = bottom - margin - (lineH + 1);
  const thumb = look.image && picture && thumbH >= 16 ? picture(width - 2 * margin, thumbH) : null;
  if (thumb) {
    blit(canvas, thumb, margin, margin, look.disabled);
    const line = wrap(font, clean(look.label), width - 2 * margin, scale);
    const name = line.length > 1 ? ellipsize(font, line[0] ?? '', width - 2 * margin, scale) : (line[0] ?? '');
    drawLine(canvas, font, name, bottom - lineH, scale, textColour);
    return canvas;
  }
  const room = Math.max(1, Math.floor((bottom - margin) / (lineH + 1)));
  const lines = wrap(font, clean(look.label), width - 2 * margin, scale);
  const shown = lines.length > room ? [...lines.slice(0, room - 1), ellipsize(font, lines[room - 1] ?? '', width - 2 * margin, scale)] : lines;
  const top = margin + Math.max(0, Math.floor((bottom - margin - shown.length * (lineH + 1)) / 2));
  shown.forEach((line, i) => drawLine(canvas, font, line, top + i * (lineH + 1), scale, textColour));
  return canvas;
}

const clean = (text: string) => [...text.replace(/\s+/g, ' ').trim()].map((c) => SUBSTITUTES[c] ?? c).join('');

function advance(font: BitmapFont, ch: string, scale: number): number {
  const g = font.glyph(ch.codePointAt(0) ?? 0);
  return (g ? g.width : font.height / 2) * scale;
}

/** Breaks at spaces where possible, else between any two characters (Chinese has no spaces). */
function wrap(font: BitmapFont, text: string, maxWidth: number, scale: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const word of text.split(/(?<= )/)) {
    const w = [...word].reduce((n, c) => n + advance(font, c, scale), 0);
    if (width + w <= maxWidth) {
      line += word;
      width += w;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    width = 0;
    for (const ch of word) {
      const cw = advance(font, ch, scale);
      if (width + cw > maxWidth && line) {
        lines.push(line.trimEnd());
        line = '';
        width = 0;
      }
      if (!line && ch === ' ') continue;
      line += ch;
      width += cw;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function ellipsize(font: BitmapFont, line: string, maxWidth: number, scale: number): string {
  const chars = [...line];
  while (chars.length && chars.reduce((n, c) => n + advance(font, c, scale), 0) + advance(font, '.', scale) * 2 > maxWidth) chars.pop();
  return chars.join('') + '..';
}

function drawLine(canvas: KeyCanvas, font: BitmapFont, line: string, y: number, scale: number, colour: Rgb): void {
  const chars = [...line];
  const total = chars.reduce((n, c) => n + advance(font, c, scale), 0);
  let x = Math.floor((canvas.width - total) / 2);
  for (const ch of chars) {
    const g = font.glyph(ch.codePointAt(0) ?? 0);
    if (!g) {
      // A character outside the font shows as a hollow box, so a missing glyph is visible, not silent.
      const w = (font.height / 2) * scale;
      outline(canvas, x + scale, y + 2 * scale, w - 2 * scale, (font.height - 4) * scale, colour);
      x += w;
      continue;
    }
    for (let row = 0; row < font.height; row++) {
      for (let col = 0; col < g.width; col++) {
        const byte = g.rows[row * g.stride + (col >> 3)] ?? 0;
        if (byte & (0x80 >> (col & 7))) fill(canvas, x + col * scale, y + row * scale, scale, scale, colour);
      }
    }
    x += g.width * scale;
  }
}

function fill(canvas: KeyCanvas, x0: number, y0: number, w: number, h: number, [r, g, b]: Rgb): void {
  const x1 = Math.min(canvas.width, x0 + w);
  const y1 = Math.min(canvas.height, y0 + h);
  for (let y = Math.max(0, y0); y < y1; y++) {
    for (let x = Math.max(0, x0); x < x1; x++) {
      const i = (y * canvas.width + x) * 3;
      canvas.data[i] = r;
      canvas.data[i + 1] = g;
      canvas.data[i + 2] = b;
    }
  }
}

function outline(canvas: KeyCanvas, x: number, y: number, w: number, h: number, colour: Rgb): void {
  fill(canvas, x, y, w, 1, colour);
  fill(canvas, x, y + h - 1, w, 1, colour);
  fill(canvas, x, y, 1, h, colour);
  fill(canvas, x + w - 1, y, 1, h, colour);
}

/** Copies a picture into the key; a disabled key shows it dimmed and grey. */
function blit(canvas: KeyCanvas, src: KeyCanvas, x0: number, y0: number, dim: boolean): void {
  for (let y = 0; y < src.height && y0 + y < canvas.height; y++) {
    for (let x = 0; x < src.width && x0 + x < canvas.width; x++) {
      const s = (y * src.width + x) * 3;
      const d = ((y0 + y) * canvas.width + x0 + x) * 3;
      const r = src.data[s] ?? 0;
      const g = src.data[s + 1] ?? 0;
      const b = src.data[s + 2] ?? 0;
      if (dim) {
        const grey = (r * 0.3 + g * 0.59 + b * 0.11) * 0.4;
        canvas.data[d] = canvas.data[d + 1] = canvas.data[d + 2] = grey;
      } else {
        canvas.data[d] = r;
        canvas.data[d + 1] = g;
        canvas.data[d + 2] = b;
      }
    }
  }
}
