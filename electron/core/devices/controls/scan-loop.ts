import type { HotplugWatch } from './hotplug.js';

/**
 * The scanning rhythm both device managers share: one scan pass at a time (a call during a pass asks
 * for one more pass instead of running beside it), rescans after a hot-plug event once the OS has
 * settled, retries on timers, and a close that stops all of it.
 */
export class ScanLoop {
  private stopped = false;
  private scanning: Promise<void> | null = null;
  private again = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopWatch: () => void = () => {};

  constructor(private readonly scanOnce: () => Promise<void>) {}

  get closed(): boolean {
    return this.stopped;
  }

  /** Rescans on every hot-plug event, at each settle delay (a device enumerates in stages). */
  watch(watch: HotplugWatch | null, settleDelaysMs: readonly number[] = [0, 500, 2000], onEvent?: () => void): void {
    this.stopWatch =
      watch?.(() => {
        onEvent?.();
        for (const delay of settleDelaysMs) this.later(delay, () => void this.rescan());
      }) ?? (() => {});
  }

  rescan(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.scanning) {
      this.again = true;
      return this.scanning;
    }
    this.scanning = (async () => {
      do {
        this.again = false;
        await this.scanOnce();
      } while (this.again && !this.closed);
    })().finally(() => {
      this.scanning = null;
    });
    return this.scanning;
  }

  later(ms: number, run: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  /** Stops watching and timers, and waits for a pass under way. */
  async close(): Promise<void> {
    this.stopped = true;
    this.stopWatch();
    for (const timer of this.timers) clearTimeout(timer);
    await this.scanning?.catch(() => undefined);
  }
}
