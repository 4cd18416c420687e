import { EventEmitter } from 'eventemitter3';
import type { HIDDevice, HIDDeviceEvents, HIDDeviceInfo, ChildHIDDeviceInfo, StreamDeckControlDefinition } from '@elgato-stream-deck/core';
import { keyDataOffset, wireFormat } from './deck-models.js';
import { decodeKeyImage, type RgbImage } from './wire-image.js';

export interface FakeDeckOptions {
  model: string;
  serial: string;
  path: string;
  vendorId: number;
  productId: number;
}

/** One write the library made, as the device saw it. */
export type FakeDeckWrite = { kind: 'feature'; bytes: Uint8Array } | { kind: 'output'; bytes: Uint8Array };

/**
 * A Stream Deck on the other side of the library's `HIDDevice` seam (DESIGN §5). It answers the
 * feature reports the library reads (serial, firmware), records every write, reassembles and decodes
 * key images (BMP or JPEG, undoing each model's flips) and turns `press` into the model's own input
 * reports. Tests use it to see exactly what a real deck would see; rehearsal mode uses it as a
 * simulated deck.
 */
export class FakeDeckHid extends EventEmitter<HIDDeviceEvents> implements HIDDevice {
  readonly writes: FakeDeckWrite[] = [];
  /** Decoded key images by key index (the library's index, not the wire's). */
  readonly images = new Map<number, RgbImage>();
  /** Completed image writes per key: the measure of "only changed keys are redrawn". */
  readonly imageWrites = new Map<number, number>();
  /** Solid colours set with fillKeyColor / clearKey on RGB-capable keys, by wire key index. */
  readonly colors = new Map<number, [number, number, number]>();
  /** The touch/info strip (Plus, Plus XL, Neo, Galleon), decoded, and how often it was written. */
  strip: RgbImage | null = null;
  stripWrites = 0;
  brightness: number | null = null;
  closed = false;
  /** While set, every call fails as a device that was pulled out or broke mid-show. */
  failure: Error | null = null;
  private controls: readonly StreamDeckControlDefinition[] = [];
  private readonly pressed = new Set<number>();
  private readonly partial = new Map<number, Uint8Array[]>();
  private stripParts: Uint8Array[] = [];
  private readonly writeListeners = new Set<() => void>();

  constructor(readonly options: FakeDeckOptions) {
    super();
  }

  /** The library's control list, given once the deck is opened, so presses map to wire indexes. */
  useControls(controls: readonly StreamDeckControlDefinition[]): void {
    this.controls = controls;
  }

  /** Calls `listener` after every write (tests wait on writes instead of sleeping). */
  onWrite(listener: () => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** A key going down or up, sent as the model's input report. */
  press(index: number, down: boolean): void {
    const control = this.controls.find((c) => c.type === 'button' && c.index === index);
    if (!control || control.type !== 'button') throw new Error(`${this.options.model} has no key ${index}`);
    if (down) this.pressed.add(control.hidIndex);
    else this.pressed.delete(control.hidIndex);
    const offset = keyDataOffset(this.options.model);
    const buttons = this.controls.filter((c) => c.type === 'button');
    const report = new Uint8Array(offset + Math.max(...buttons.map((c) => (c.type === 'button' ? c.hidIndex : 0))) + 1);
    for (const hid of this.pressed) report[offset + hid] = 1;
    this.emit('input', report);
  }

  /** A dial (Stream Deck +, Studio) turned by `delta` detents, or pressed and released. */
  turn(dial: number, delta: number): void {
    this.emit('input', this.dialReport(dial, 0x01, delta));
  }

  pressDial(dial: number, down: boolean): void {
    this.emit('input', this.dialReport(dial, 0x00, down ? 1 : 0));
  }

  private dialReport(dial: number, kind: number, value: number): Uint8Array {
    const control = this.controls.find((c) => c.type === 'encoder' && c.index === dial);
    if (!control || control.type !== 'encoder') throw new Error(`${this.options.model} has no dial ${dial}`);
    const report = new Uint8Array(4 + 8);
    report[0] = 0x03;
    report[3] = kind;
    new Int8Array(report.buffer)[4 + control.hidIndex] = value;
    return report;
  }

  /** The device disappears: pending and future calls fail and the library sees an error. */
  unplug(): void {
    this.failure = Object.assign(new Error('could not write to HID device (disconnected)'), { code: 'ENODEV' });
    this.emit('error', this.failure);
  }

  /** A new handle on the same hardware: the previous handle's listeners are gone. */
  reopen(): void {
    this.removeAllListeners();
    this.closed = false;
    this.pressed.clear();
    this.partial.clear();
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  async sendFeatureReport(data: Uint8Array): Promise<void> {
    this.check();
    const bytes = Uint8Array.from(data);
    this.writes.push({ kind: 'feature', bytes });
    // Brightness: gen1 `05 55 aa d1 01 <pct>`, gen2 `03 08 <pct>`; RGB key fill: `03 06 <key> r g b`.
    if (bytes[0] === 0x05 && bytes[1] === 0x55 && bytes[3] === 0xd1) this.brightness = bytes[5] ?? null;
    else if (bytes[0] === 0x03 && bytes[1] === 0x08) this.brightness = bytes[2] ?? null;
    else if (bytes[0] === 0x03 && bytes[1] === 0x06) this.takeColour(bytes[2] ?? 0, [bytes[3] ?? 0, bytes[4] ?? 0, bytes[5] ?? 0]);
    this.notify();
  }

  async getFeatureReport(reportId: number, reportLength: number): Promise<Uint8Array> {
    this.check();
    const out = new Uint8Array(reportLength);
    out[0] = reportId;
    const ascii = (text: string, at: number) => out.set(new TextEncoder().encode(text).subarray(0, reportLength - at), at);
    const gen1 = keyDataOffset(this.options.model) === 0;
    if (reportId === 3 && gen1) ascii(this.options.serial, 5);
    else if (reportId === 4 && gen1) ascii('1.0.0-fake', 5);
    else if (reportId === 6) {
      out[1] = this.options.serial.length;
      ascii(this.options.serial, 2);
    } else if (reportId === 5) {
      out[1] = 14;
      ascii('1.00.000-fake', 6);
    }
    return out;
  }

  async sendReports(buffers: Uint8Array[]): Promise<void> {
    this.check();
    for (const buffer of buffers) {
      const bytes = Uint8Array.from(buffer);
      this.writes.push({ kind: 'output', bytes });
      this.takeImagePacket(bytes);
    }
    this.notify();
  }

  async getDeviceInfo(): Promise<HIDDeviceInfo> {
    this.check();
    return { path: this.options.path, vendorId: this.options.vendorId, productId: this.options.productId };
  }

  async getChildDeviceInfo(): Promise<ChildHIDDeviceInfo | null> {
    return null;
  }

  private check(): void {
    if (this.failure) throw this.failure;
    if (this.closed) throw new Error('device is closed');
  }

  private notify(): void {
    for (const listener of this.writeListeners) listener();
  }

  /** Strip header: Plus-style `02 0c x y w h last part len` (16 bytes), Neo `02 0b 00 last len part` (8 bytes). */
  private takeStripPacket(bytes: Uint8Array): void {
    const neo = bytes[1] === 0x0b;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const last = neo ? bytes[3] === 1 : bytes[10] === 1;
    const length = neo ? view.getUint16(4, true) : view.getUint16(13, true);
    this.stripParts.push(bytes.subarray(neo ? 8 : 16, (neo ? 8 : 16) + length));
    if (!last) return;
    const lcd = this.controls.find((c) => c.type === 'lcd-segment');
    const parts = this.stripParts;
    this.stripParts = [];
    if (!lcd || lcd.type !== 'lcd-segment') return;
    const model = this.options.model;
    const format = { container: 'jpeg' as const, colorMode: 'rgb' as const, xFlip: model === 'neo', yFlip: model === 'neo' || model === 'plus-xl', rotate: model === 'plus-xl' };
    this.strip = decodeKeyImage(concat(parts), format, lcd.pixelSize.width, lcd.pixelSize.height);
    this.stripWrites++;
  }

  /** A solid colour on a key (fillKeyColor, clearKey): on an LCD key it is a picture like any other. */
  private takeColour(hidKey: number, rgb: [number, number, number]): void {
    this.colors.set(hidKey, rgb);
    const control = this.controls.find((c) => c.type === 'button' && c.hidIndex === hidKey);
    if (!control || control.type !== 'button' || control.feedbackType !== 'lcd') return;
    const { width, height } = control.pixelSize;
    const data = new Uint8Array(width * height * 3);
    for (let i = 0; i < data.length; i += 3) data.set(rgb, i);
    this.images.set(control.index, { width, height, data });
    this.imageWrites.set(control.index, (this.imageWrites.get(control.index) ?? 0) + 1);
  }

  /** Gen1 header: `02 01 part 00 last key+1`; gen2: `02 07 key last len16 part16`. */
  private takeImagePacket(bytes: Uint8Array): void {
    if (bytes[0] !== 0x02) return;
    if (bytes[1] === 0x0c || bytes[1] === 0x0b) return this.takeStripPacket(bytes);
    const format = wireFormat(this.options.model);
    let hidKey: number;
    let last: boolean;
    let payload: Uint8Array;
    if (bytes[1] === 0x01) {
      hidKey = (bytes[5] ?? 1) - 1;
      last = bytes[4] === 1;
      payload = bytes.subarray(16);
    } else if (bytes[1] === 0x07) {
      hidKey = bytes[2] ?? 0;
      last = bytes[3] === 1;
      const length = (bytes[4] ?? 0) | ((bytes[5] ?? 0) << 8);
      payload = bytes.subarray(8, 8 + length);
    } else return;
    const parts = this.partial.get(hidKey) ?? [];
    parts.push(payload);
    if (!last) {
      this.partial.set(hidKey, parts);
      return;
    }
    this.partial.delete(hidKey);
    const control = this.controls.find((c) => c.type === 'button' && c.hidIndex === hidKey);
    if (!control || control.type !== 'button' || control.feedbackType !== 'lcd') return;
    let image = concat(parts);
    if (this.options.model === 'original' && parts[0]) {
      // The original splits a BMP into two equal halves, each padded to a full 8 KB packet.
      const half = new DataView(parts[0].buffer, parts[0].byteOffset).getUint32(2, true) / 2;
      image = concat(parts.map((p) => p.subarray(0, half)));
    }
    this.images.set(control.index, decodeKeyImage(image, format, control.pixelSize.width, control.pixelSize.height));
    this.imageWrites.set(control.index, (this.imageWrites.get(control.index) ?? 0) + 1);
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
