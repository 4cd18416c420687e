import type { ScaleProtocolId, WeightUnit } from '../../electron/core/contract/devices.js';
import { encodeScaleFrame } from '../serial/scale/encode-frame.js';

export type SimProtocol = Exclude<ScaleProtocolId, 'custom'>;

export interface ScaleModelOptions {
  protocol: SimProtocol;
  /** Unit for frames without one (XK3190). */
  unit: WeightUnit;
  /** Peak-to-peak noise in grams while the weight settles. */
  noiseGrams: number;
  /** Time for the reading to settle after a change. */
  settleMs: number;
  seed: number;
  now?: () => number;
}

const REQUESTS = /^(Q|SI|S|IP)$/;

/**
 * What a weighing scale shows: a settable weight that settles with noise after each change, tare and
 * zero, overload. The serial-port simulator and the in-process demo transport both drive one.
 */
export class ScaleModel {
  private target = 0;
  private shown = 0;
  private offset = 0;
  private changedAt = 0;
  private overload = false;
  private seed: number;
  private readonly now: () => number;

  constructor(private readonly options: ScaleModelOptions) {
    this.seed = options.seed;
    this.now = options.now ?? Date.now;
  }

  /** Puts a product of `grams` on the scale (0 takes it off); the reading settles over `settleMs`. */
  setWeight(grams: number): void {
    this.shown = this.reading();
    this.target = grams;
    this.changedAt = this.now();
    this.overload = false;
  }

  setOverload(on: boolean): void {
    this.overload = on;
  }

  get stable(): boolean {
    return this.now() - this.changedAt >= this.options.settleMs;
  }

  /** The frame the indicator sends now. */
  frame(): Uint8Array {
    return encodeScaleFrame(this.options.protocol, { grams: this.reading(), stable: this.stable, overload: this.overload, unit: this.options.unit });
  }

  /**
   * Obeys one command line: tare/zero move the offset. Returns what the scale answers: bytes, `frame`
   * for a weight request, or null.
   */
  command(line: string): Uint8Array | 'frame' | null {
    if (line === 'T' || line === 'Z') this.offset = this.target;
    if (this.options.protocol === 'mt-sics' && (line === 'Z' || line === 'T')) {
      return Buffer.from(line === 'Z' ? 'Z A\r\n' : `T S ${this.target.toFixed(2).padStart(10)} g\r\n`, 'latin1');
    }
    return REQUESTS.test(line) ? 'frame' : null;
  }

  private reading(): number {
    if (this.stable) return this.target - this.offset;
    const t = (this.now() - this.changedAt) / this.options.settleMs;
    const noise = (this.random() - 0.5) * this.options.noiseGrams;
    return Math.round((this.shown + (this.target - this.offset - this.shown) * t + noise) * 100) / 100;
  }

  private random(): number {
    this.seed = (this.seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return this.seed / 2_147_483_648;
  }
}

/** Splits command bytes into lines (CR, LF or CRLF), keeping a partial line for the next chunk. */
export class CommandLines {
  private inbox = '';

  push(chunk: Uint8Array): string[] {
    this.inbox += Buffer.from(chunk).toString('latin1');
    const lines = this.inbox.split(/\r\n|\r|\n/);
    this.inbox = lines.pop() ?? '';
    return lines.map((l) => l.trim()).filter(Boolean);
  }
}
