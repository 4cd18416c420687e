import type { ControlSurface, KeyLook, SurfaceEvent, SurfaceInfo } from '../../contract/index.js';
import { hexReport, type HidHandle } from '../../../../native/hid/generic/hid-backend.js';

/**
 * A generic HID device (foot pedal, macro pad, button box) as a control surface. Each bound report is
 * one key: the report arriving is the key going down, any other report (usually all zeros) lets it go.
 * Reports also feed learn mode. It has no displays, so key looks are ignored.
 */
export class HidSurface implements ControlSurface {
  info: SurfaceInfo;
  private readonly listeners = new Set<(event: SurfaceEvent) => void>();
  private reports: string[] = [];
  private down: number | null = null;
  private alive = true;
  private readonly offs: (() => void)[];

  constructor(
    id: string,
    name: string,
    private readonly handle: HidHandle,
    onReport: (hex: string) => void,
  ) {
    this.info = { id, kind: 'hid', name, columns: 1, rows: 1, keySize: null };
    this.offs = [
      handle.onData((report) => {
        const hex = hexReport(report);
        onReport(hex);
        this.take(hex);
      }),
      handle.onError((error) => {
        if (!this.alive) return;
        this.alive = false;
        this.emit({ type: 'disconnected', reason: error.message });
      }),
    ];
  }

  get connected(): boolean {
    return this.alive;
  }

  /** The reports bound to this device, in key order. */
  setReports(reports: string[]): void {
    this.reports = reports;
    this.info = { ...this.info, columns: Math.max(1, reports.length) };
  }

  onEvent(listener: (event: SurfaceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setKeyLook(_index: number, _look: KeyLook | null): void {}

  async close(): Promise<void> {
    this.alive = false;
    for (const off of this.offs) off();
    this.listeners.clear();
    await this.handle.close().catch(() => undefined);
  }

  private take(hex: string): void {
    const index = this.reports.indexOf(hex);
    if (this.down !== null && this.down !== index) {
      this.emit({ type: 'key', index: this.down, down: false, at: Date.now() });
      this.down = null;
    }
    if (index >= 0 && this.down === null) {
      this.down = index;
      this.emit({ type: 'key', index, down: true, at: Date.now() });
    }
  }

  private emit(event: SurfaceEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
