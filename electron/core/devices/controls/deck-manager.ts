import { backoffDelay, type ControlDeviceView, type ControlSurface } from '../../contract/index.js';
import type { DeckBackend, DeckDescriptor, DeckSurface } from '../../../../native/hid/stream-deck/deck-backend.js';
import { deckModelName } from '../../../../native/hid/stream-deck/deck-models.js';
import { diagnoseOpenError, type AccessProblem } from './access-advice.js';
import type { HotplugWatch } from './hotplug.js';
import { ScanLoop } from './scan-loop.js';

export interface DeckManagerDeps {
  backend: DeckBackend;
  watch: HotplugWatch | null;
  attach(surface: ControlSurface): void;
  detach(id: string): void;
  publish(views: ControlDeviceView[]): void;
  log(kind: string, data: Record<string, unknown>): void;
  brightnessFor(id: string): number;
  /** Rescans after a USB attach: udev applies permissions a moment after the node appears. */
  settleDelaysMs?: readonly number[];
  diagnose?: (error: unknown, path: string) => AccessProblem;
}

interface OpenDeck {
  descriptor: DeckDescriptor;
  surface: DeckSurface;
  brightness: number;
  openedAt: number;
}

/** A deck that keeps failing is retried ever more slowly (up to 30 s), so it cannot spin the core. */
const retryDelay = (failures: number) => backoffDelay(failures, { minMs: 250, maxMs: 30_000 });

/**
 * Finds, opens and watches Stream Decks: several at once, any model the library supports. A deck that
 * is unplugged, sleeps or errors is closed and reopened on the next scan (hot-plug event, retry or the
 * Rescan button); a deck that cannot be opened is shown with the reason and the fix. One deck's
 * failure never touches another.
 */
export class DeckManager {
  private readonly open = new Map<string, OpenDeck>();
  private readonly problems = new Map<string, ControlDeviceView>();
  private readonly failures = new Map<string, number>();
  private readonly loop = new ScanLoop(() => this.scanOnce());

  constructor(private readonly deps: DeckManagerDeps) {}

  start(): Promise<void> {
    // A replug is a fresh start for a deck that kept failing.
    this.loop.watch(this.deps.watch, this.deps.settleDelaysMs, () => this.failures.clear());
    return this.rescan();
  }

  /** Lists decks, closes the ones that left, opens the new ones. Concurrent calls share one pass. */
  rescan(): Promise<void> {
    return this.loop.rescan();
  }

  views(): ControlDeviceView[] {
    const open = [...this.open.values()].map(({ descriptor, surface, brightness }) =>
      view(descriptor, { status: 'open', reason: null, fix: null }, surface.info.id, brightness),
    );
    return [...open, ...this.problems.values()];
  }

  surface(id: string): DeckSurface | undefined {
    return [...this.open.values()].find((d) => d.surface.info.id === id)?.surface;
  }

  async setBrightness(id: string, percent: number): Promise<void> {
    const deck = [...this.open.values()].find((d) => d.surface.info.id === id);
    if (!deck) return;
    deck.brightness = percent;
    await deck.surface.setBrightness(percent).catch(() => undefined);
    this.publish();
  }

  async close(): Promise<void> {
    await this.loop.close();
    for (const [path] of this.open) await this.drop(path, 'desk closing', false);
  }

  private async scanOnce(): Promise<void> {
    let listed: DeckDescriptor[];
    try {
      listed = await this.deps.backend.list();
    } catch (error) {
      this.deps.log('device.error', { kind: 'streamdeck', reason: `listing Stream Decks failed: ${(error as Error).message}` });
      return;
    }
    const paths = new Set(listed.map((d) => d.path));
    for (const path of [...this.open.keys()]) if (!paths.has(path)) await this.drop(path, 'unplugged', true);
    for (const path of [...this.problems.keys()]) if (!paths.has(path)) this.problems.delete(path);
    for (const descriptor of listed) {
      if (this.open.has(descriptor.path) || this.loop.closed) continue;
      await this.tryOpen(descriptor);
    }
    this.publish();
  }

  private async tryOpen(descriptor: DeckDescriptor): Promise<void> {
    let surface: DeckSurface;
    try {
      surface = await this.deps.backend.open(descriptor);
    } catch (error) {
      const problem = (this.deps.diagnose ?? diagnoseOpenError)(error, descriptor.path);
      const before = this.problems.get(descriptor.path);
      this.problems.set(descriptor.path, view(descriptor, problem, `streamdeck:${descriptor.serial ?? descriptor.path}`, null));
      if (before?.reason !== problem.reason) this.deps.log('device.error', { kind: 'streamdeck', path: descriptor.path, model: descriptor.model, status: problem.status, reason: problem.reason });
      return;
    }
    try {
      const serial = surface.info.serial ?? null;
      const identified = { ...descriptor, serial };
      const brightness = this.deps.brightnessFor(surface.info.id);
      this.problems.delete(descriptor.path);
      this.open.set(descriptor.path, { descriptor: identified, surface, brightness, openedAt: Date.now() });
      surface.onEvent((event) => {
        if (event.type === 'disconnected') void this.lost(descriptor.path, event.reason);
      });
      await surface.setBrightness(brightness).catch(() => undefined);
      this.deps.attach(surface);
      this.deps.log('device.connect', { kind: 'streamdeck', id: surface.info.id, model: surface.info.model, serial, path: descriptor.path });
    } catch (error) {
      await surface.close().catch(() => undefined);
      this.open.delete(descriptor.path);
      this.problems.set(descriptor.path, view(descriptor, { status: 'error', reason: (error as Error).message, fix: 'Unplug and replug the device, then press Rescan.' }, `streamdeck:${descriptor.path}`, null));
    }
  }

  /** A deck stopped answering (pulled out, USB reset after sleep): close it and look again soon. */
  private async lost(path: string, reason: string): Promise<void> {
    const deck = this.open.get(path);
    const failures = deck && Date.now() - deck.openedAt > 30_000 ? 0 : (this.failures.get(path) ?? 0);
    this.failures.set(path, failures + 1);
    await this.drop(path, reason, true);
    this.publish();
    this.loop.later(retryDelay(failures), () => void this.rescan());
  }

  private async drop(path: string, reason: string, log: boolean): Promise<void> {
    const deck = this.open.get(path);
    if (!deck) return;
    this.open.delete(path);
    this.deps.detach(deck.surface.info.id);
    await deck.surface.close();
    if (log) this.deps.log('device.disconnect', { kind: 'streamdeck', id: deck.surface.info.id, model: deck.descriptor.model, reason });
  }

  private publish(): void {
    if (!this.loop.closed) this.deps.publish(this.views());
  }
}

function view(d: DeckDescriptor, problem: AccessProblem, id: string, brightness: number | null): ControlDeviceView {
  return { id, kind: 'streamdeck', path: d.path, name: deckModelName(d.model), model: d.model, serial: d.serial, ...problem, vendorId: null, productId: null, brightness };
}
