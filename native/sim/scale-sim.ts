import { SerialPort } from 'serialport';
import type { ScaleProtocolId, WeightUnit } from '../../electron/core/contract/devices.js';
import { encodeScaleFrame } from '../serial/scale/encode-frame.js';

export type SimProtocol = Exclude<ScaleProtocolId, 'custom'>;

export interface ScaleSimOptions {
  /** The far end of a socat pseudo-terminal pair (or any serial device). */
  path: string;
  protocol: SimProtocol;
  /** `continuous` streams every `intervalMs`; `request` answers Q / SI / IP with one frame. */
  mode?: 'continuous' | 'request';
  intervalMs?: number;
  baudRate?: number;
  /** Unit for frames without one (XK3190). */
  unit?: WeightUnit;
  /** Peak-to-peak noise in grams while the weight settles. */
  noiseGrams?: number;
  /** Time for the reading to settle after a change. */
  settleMs?: number;
  seed?: number;
}

const REQUESTS = /^(Q|SI|S|IP)$/;

/**
 * A weighing scale on a serial line: writes frames of a chosen protocol to `path` with a settable
 * weight, settling with noise after each change, and obeys tare and zero. Used by integration tests
 * and by rehearsals on a socat pair.
 */
export class ScaleSim {
  private readonly port: SerialPort;
  private target = 0;
  private shown = 0;
  private offset = 0;
  private changedAt = 0;
  private overload = false;
  private timer: NodeJS.Timeout | null = null;
  private seed: number;
  private inbox = '';
  private paused = false;
  readonly commands: string[] = [];

  private constructor(private readonly options: Required<Omit<ScaleSimOptions, 'seed'>> & { seed: number }) {
    this.seed = options.seed;
    this.port = new SerialPort({ path: options.path, baudRate: options.baudRate, autoOpen: false, lock: false });
  }

  static async start(options: ScaleSimOptions): Promise<ScaleSim> {
    const sim = new ScaleSim({ mode: 'continuous', intervalMs: 50, baudRate: 9600, unit: 'kg', noiseGrams: 0, settleMs: 0, seed: 1, ...options });
    await new Promise<void>((resolve, reject) => sim.port.open((e) => (e ? reject(e) : resolve())));
    sim.port.on('error', () => undefined);
    sim.port.on('data', (chunk: Buffer) => sim.onCommand(chunk));
    if (sim.options.mode === 'continuous') {
      sim.timer = setInterval(() => sim.send(), sim.options.intervalMs);
    }
    return sim;
  }

  /** Puts a product of `grams` on the scale (0 takes it off); the reading settles over `settleMs`. */
  setWeight(grams: number): void {
    this.shown = this.reading();
    this.target = grams;
    this.changedAt = Date.now();
    this.overload = false;
  }

  setOverload(on: boolean): void {
    this.overload = on;
  }

  /** Stops sending without closing the line: a scale switched off behind a live adapter. */
  pause(on: boolean): void {
    this.paused = on;
  }

  /** Raw bytes on the line (garbage, split frames). */
  writeRaw(bytes: Uint8Array | string): Promise<void> {
    return new Promise((resolve, reject) => this.port.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes), (e) => (e ? reject(e) : resolve())));
  }

  get stable(): boolean {
    return Date.now() - this.changedAt >= this.options.settleMs;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.port.isOpen) await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }

  private reading(): number {
    if (this.stable) return this.target - this.offset;
    const t = (Date.now() - this.changedAt) / this.options.settleMs;
    const noise = (this.random() - 0.5) * this.options.noiseGrams;
    return Math.round((this.shown + (this.target - this.offset - this.shown) * t + noise) * 100) / 100;
  }

  private send(): void {
    if (this.paused || !this.port.isOpen) return;
    const frame = encodeScaleFrame(this.options.protocol, { grams: this.reading(), stable: this.stable, overload: this.overload, unit: this.options.unit });
    this.port.write(Buffer.from(frame));
  }

  private onCommand(chunk: Buffer): void {
    this.inbox += chunk.toString('latin1');
    const lines = this.inbox.split(/\r\n|\r|\n/);
    this.inbox = lines.pop() ?? '';
    for (const line of lines.map((l) => l.trim()).filter(Boolean)) {
      this.commands.push(line);
      if (line === 'T') this.offset = this.target;
      else if (line === 'Z') this.offset = this.target;
      if (this.options.protocol === 'mt-sics' && (line === 'Z' || line === 'T')) {
        void this.writeRaw(line === 'Z' ? 'Z A\r\n' : `T S ${this.target.toFixed(2).padStart(10)} g\r\n`);
      } else if (REQUESTS.test(line)) this.send();
    }
  }

  private random(): number {
    this.seed = (this.seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return this.seed / 2_147_483_648;
  }
}
