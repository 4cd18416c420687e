import type { ScaleStatus, WeightUnit } from '../../../electron/core/contract/devices.js';

/**
 * What one frame says. `status: null` means the protocol carries no stability flag, so stability is
 * derived from repeated readings. Overload and invalid readings have no value: never a zero.
 */
export type FrameResult =
  | { kind: 'reading'; value: number | null; unit: WeightUnit; status: ScaleStatus | null; net: boolean }
  /** A reply to a command (tare done, zero done) that carries no live weight. */
  | { kind: 'ack'; text: string }
  | { kind: 'error'; reason: string; checksum?: boolean };

export const reading = (value: number | null, unit: WeightUnit, status: ScaleStatus | null, net = false): FrameResult => ({ kind: 'reading', value, unit, status, net });
export const frameError = (reason: string, checksum = false): FrameResult => ({ kind: 'error', reason, checksum });

/** Printable form of a frame for error messages (control and high bytes as \xNN). */
export function show(frame: string): string {
  const printable = frame.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}

/** A decimal number as scales print it: optional sign, digits, optional fraction. */
export const NUMBER = /^([+-])?\s*(\d+(?:\.\d*)?|\.\d+)$/;

export function parseNumber(text: string): number | null {
  const m = NUMBER.exec(text.trim());
  if (!m) return null;
  const value = Number(m[2]);
  if (!Number.isFinite(value)) return null;
  return m[1] === '-' ? -value : value;
}
