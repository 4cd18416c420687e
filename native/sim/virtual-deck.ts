import type { ControlSurface, KeyLook, SurfaceEvent, SurfaceInfo } from '../../electron/core/contract/index.js';

/**
 * The on-screen Stream Deck of the console (and of rehearsal mode). It is a ControlSurface like a real
 * deck: the console's mouse presses arrive through `press`, key looks are kept for the console to draw.
 */
export class VirtualDeck implements ControlSurface {
  info: SurfaceInfo;
  readonly connected = true;
  private looks: (KeyLook | null)[];
  private readonly listeners = new Set<(event: SurfaceEvent) => void>();

  constructor(options: { id?: string; name?: string; columns?: number; rows?: number } = {}) {
    const columns = options.columns ?? 5;
    const rows = options.rows ?? 3;
    this.info = { id: options.id ?? 'virtual-1', kind: 'virtual', name: options.name ?? 'Virtual Stream Deck', columns, rows, keySize: 72 };
    this.looks = new Array<KeyLook | null>(columns * rows).fill(null);
  }

  get keyCount(): number {
    return this.looks.length;
  }

  /** Takes another deck's grid, so the on-screen deck mirrors the host's real one. */
  mirrorGrid(columns: number, rows: number): void {
    if (columns === this.info.columns && rows === this.info.rows) return;
    this.info = { ...this.info, columns, rows };
    this.looks = new Array<KeyLook | null>(columns * rows).fill(null);
  }

  keys(): readonly (KeyLook | null)[] {
    return this.looks;
  }

  onEvent(listener: (event: SurfaceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setKeyLook(index: number, look: KeyLook | null): void {
    if (index < 0 || index >= this.looks.length) return;
    this.looks[index] = look;
  }

  /** A key going down or up on screen. Out-of-range keys are ignored like a real deck's noise. */
  press(index: number, down: boolean, at = Date.now()): boolean {
    if (!Number.isInteger(index) || index < 0 || index >= this.looks.length) return false;
    for (const listener of this.listeners) listener({ type: 'key', index, down, at });
    return true;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
