import { coded, DeskError, type ScaleDeviceConfig, type ScaleState } from '../../contract/index.js';
import type { ByteTransport } from '../../../../native/serial/transport/byte-transport.js';
import { ScaleDecoder } from '../../../../native/serial/scale/scale-decoder.js';
import { deviceView, type DeviceRuntime } from './device-runtime.js';
import { ScaleTriggerState, type TriggerEvent } from './scale-trigger.js';

export interface ScaleDeviceDeps {
  now: () => number;
  /** The published weight, its status or the error counters changed. */
  onChange: (device: ScaleDevice) => void;
  onTrigger: (device: ScaleDevice, event: TriggerEvent) => void;
}

/** A scale: decodes its stream (or polls it in request mode), keeps the live weight, runs its trigger. */
export class ScaleDevice implements DeviceRuntime {
  readonly decoder: ScaleDecoder;
  private latest: ScaleState | null = null;
  private readonly trigger: ScaleTriggerState | null;
  private poll: NodeJS.Timeout | null = null;
  private off: (() => void) | null = null;

  constructor(
    readonly config: ScaleDeviceConfig,
    readonly transport: ByteTransport,
    private readonly deps: ScaleDeviceDeps,
  ) {
    this.decoder = new ScaleDecoder(config.protocol, {
      unit: config.unit,
      custom: config.custom,
      stableCount: config.stableCount,
      stableToleranceGrams: config.stableToleranceGrams,
    });
    this.trigger = config.trigger?.enabled ? new ScaleTriggerState(config.trigger) : null;
  }

  get state(): ScaleState | null {
    return this.latest;
  }

  start(): void {
    this.off = this.transport.onData((bytes) => this.onBytes(bytes));
    this.transport.start();
    const request = this.decoder.protocol.commands.request;
    if (this.config.mode === 'request' && request) {
      this.poll = setInterval(() => {
        const s = this.transport.state.status;
        if (s === 'open' || s === 'no-data') this.transport.write(request).catch(() => undefined);
      }, this.config.pollMs);
      this.poll.unref();
    }
  }

  tare(): Promise<void> {
    return this.command('tare');
  }

  zero(): Promise<void> {
    return this.command('zero');
  }

  view() {
    const c = this.decoder.counters;
    return deviceView(this.config, this.transport.state, this.transport.bytesIn, { badFrames: c.badFrames, badChecksums: c.badChecksums, garbageBytes: c.garbageBytes });
  }

  async close(): Promise<void> {
    if (this.poll) clearInterval(this.poll);
    this.off?.();
    await this.transport.close();
  }

  private async command(which: 'tare' | 'zero'): Promise<void> {
    const bytes = this.decoder.protocol.commands[which];
    if (!bytes) throw new DeskError('conflict', coded('scale.noCommand', { id: this.config.id, command: which }, `scale "${this.config.id}" (${this.config.protocol}) has no ${which} command: use the indicator's key`));
    try {
      await this.transport.write(bytes);
    } catch (error) {
      throw new DeskError('conflict', coded('scale.failed', { id: this.config.id }, `scale "${this.config.id}": ${(error as Error).message}`));
    }
  }

  private onBytes(bytes: Uint8Array): void {
    const at = this.deps.now();
    let changed = false;
    for (const event of this.decoder.push(bytes)) {
      if (event.type === 'error') changed = true;
      if (event.type !== 'reading') continue;
      const r = event.reading;
      const fired = this.trigger?.push(r.grams, r.status, at) ?? null;
      const before = this.latest;
      this.latest = { device: this.config.id, grams: r.grams, value: r.value, unit: r.unit, status: r.status, net: r.net, placed: this.trigger?.isPlaced ?? false, at };
      if (!before || before.grams !== r.grams || before.status !== r.status || before.placed !== this.latest.placed || before.unit !== r.unit) changed = true;
      if (fired) {
        // The trigger's action sees the weight that fired it.
        this.deps.onChange(this);
        changed = false;
        this.deps.onTrigger(this, fired);
      }
    }
    if (changed) this.deps.onChange(this);
  }
}
