import type { SerialPort } from 'serialport';
import { serialportModule } from '../serial/serialport-module.js';
import type { WeightUnit } from '../../electron/core/contract/devices.js';
import { CommandLines, ScaleModel, type SimProtocol } from './scale-model.js';

export type { SimProtocol } from './scale-model.js';

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

/**
 * A weighing scale on a serial line: writes frames of a chosen protocol to `path` with a settable
 * weight, settling with noise after each change, and obeys tare and zero. Used by integration tests
 * and by rehearsals on a socat pair.
 */
export class ScaleSim {
  private readonly port: SerialPort;
  private readonly model: ScaleModel;
  private readonly lines = new CommandLines();
  private timer: NodeJS.Timeout | null = null;
  private paused = false;
  readonly commands: string[] = [];

  private constructor(private readonly options: Required<ScaleSimOptions>) {
    this.model = new ScaleModel(options);
    this.port = new (serialportModule().SerialPort)({ path: options.path, baudRate: options.baudRate, autoOpen: false, lock: false });
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
    this.model.setWeight(grams);
  }

  setOverload(on: boolean): void {
    this.model.setOverload(on);
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
    return this.model.stable;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.port.isOpen) await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }

  private send(): void {
    if (this.paused || !this.port.isOpen) return;
    this.port.write(Buffer.from(this.model.frame()));
  }

  private onCommand(chunk: Buffer): void {
    for (const line of this.lines.push(chunk)) {
      this.commands.push(line);
      const answer = this.model.command(line);
      if (answer === 'frame') this.send();
      else if (answer) void this.writeRaw(answer);
    }
  }
}
