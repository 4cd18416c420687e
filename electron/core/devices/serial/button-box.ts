import type { ButtonsDeviceConfig, ControlSurface, KeyLook, SurfaceEvent, SurfaceInfo } from '../../contract/index.js';
import type { ByteTransport } from '../../../../native/serial/transport/byte-transport.js';
import { ButtonLineDecoder } from '../../../../native/serial/buttons/button-codec.js';
import { deviceView, type DeviceRuntime } from './device-runtime.js';

/**
 * An Arduino-style button box (`BTN <n> DOWN|UP` lines) as a control surface: the deck binder binds
 * its buttons like any deck's keys. It has no displays, so key looks are ignored.
 */
export class ButtonBox implements ControlSurface, DeviceRuntime {
  readonly info: SurfaceInfo;
  private readonly decoder: ButtonLineDecoder;
  private readonly listeners = new Set<(event: SurfaceEvent) => void>();
  private offs: (() => void)[] = [];

  constructor(
    readonly config: ButtonsDeviceConfig,
    readonly transport: ByteTransport,
    private readonly now: () => number,
  ) {
    // Laid out like a small deck (two rows from five buttons up) so the default bindings give it
    // scenes, products, a marker and clear rather than one long row of scenes.
    const columns = config.buttons <= 4 ? config.buttons : Math.ceil(config.buttons / 2);
    this.info = { id: `serial:${config.id}`, kind: 'serial', name: config.name ?? config.id, columns, rows: Math.ceil(config.buttons / columns), keySize: null };
    this.decoder = new ButtonLineDecoder(config.buttons);
  }

  get connected(): boolean {
    const s = this.transport.state.status;
    return s === 'open' || s === 'no-data';
  }

  start(): void {
    this.offs.push(
      this.transport.onData((bytes) => {
        for (const e of this.decoder.push(bytes)) {
          if (e.type === 'button') this.emit({ type: 'key', index: e.button - 1, down: e.down, at: this.now() });
        }
      }),
      this.transport.onState((s) => {
        if (s.status === 'open') this.emit({ type: 'connected' });
        else if (s.status === 'reconnecting' || s.status === 'error') this.emit({ type: 'disconnected', reason: s.reason ?? s.status });
      }),
    );
    this.transport.start();
  }

  onEvent(listener: (event: SurfaceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setKeyLook(_index: number, _look: KeyLook | null): void {}

  view() {
    return deviceView(this.config, this.transport.state, this.transport.bytesIn, { badFrames: this.decoder.badFrames, badChecksums: 0, garbageBytes: this.decoder.garbageBytes });
  }

  async close(): Promise<void> {
    for (const off of this.offs) off();
    this.offs = [];
    this.listeners.clear();
    await this.transport.close();
  }

  private emit(event: SurfaceEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
