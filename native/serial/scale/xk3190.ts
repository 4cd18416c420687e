import type { WeightUnit } from '../../../electron/core/contract/devices.js';
import { frameError, reading, show, type FrameResult } from './frame-result.js';

/**
 * Yaohua XK3190 continuous output: STX, sign, 6 digits, decimals digit, 2-character XOR, ETX. The XOR
 * runs over sign + digits + decimals; each nibble is sent as an ASCII hex digit. The frame has no
 * stability flag and no unit (the indicator's unit is configured).
 */
export function xk3190Checksum(body: string): string {
  let x = 0;
  for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
  return x.toString(16).toUpperCase().padStart(2, '0');
}

/** `inner` is the 10 characters between STX and ETX. */
export function decodeXk3190(inner: string, unit: WeightUnit): FrameResult {
  if (inner.length !== 10) return frameError(`XK3190: frame body of ${inner.length} bytes, expected 10`);
  const body = inner.slice(0, 8);
  const sum = inner.slice(8).toUpperCase();
  if (xk3190Checksum(body) !== sum) return frameError(`XK3190: bad checksum in "${show(inner)}" (got ${show(inner.slice(8))}, computed ${xk3190Checksum(body)})`, true);
  const m = /^([+-])(\d{6})([0-5])$/.exec(body);
  if (!m) return frameError(`XK3190: bad digits in "${show(body)}"`);
  const value = Number(m[2]) / 10 ** Number(m[3]);
  return reading(m[1] === '-' ? -value : value, unit, null);
}

export function encodeXk3190(value: number, decimals: number): Uint8Array {
  const scaled = Math.round(Math.abs(value) * 10 ** decimals);
  const body = `${value < 0 ? '-' : '+'}${String(Math.min(scaled, 999_999)).padStart(6, '0')}${decimals}`;
  return Buffer.from(`\x02${body}${xk3190Checksum(body)}\x03`, 'latin1');
}

/** The XK3190 "=" display format: `=000.3000` is 3.000 (the digits arrive reversed). */
export function decodeXk3190Display(frame: string, unit: WeightUnit): FrameResult {
  const text = frame.replace(/[\r\n ]/g, '');
  const value = [...text].reverse().join('');
  if (!/^-?\d{1,8}(\.\d{1,6})?$/.test(value) || text.length < 4) return frameError(`XK3190 display: bad frame "=${show(frame)}"`);
  return reading(Number(value), unit, null);
}

export function encodeXk3190Display(value: number, decimals: number): Uint8Array {
  const digits = Math.abs(value).toFixed(decimals).padStart(decimals ? 8 : 7, '0');
  const text = `${value < 0 ? '-' : ''}${digits}`;
  return Buffer.from(`=${[...text].reverse().join('')}`, 'latin1');
}
