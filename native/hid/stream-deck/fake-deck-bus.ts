import { DEVICE_MODELS2, type DeviceModelId, type StreamDeck } from '@elgato-stream-deck/core';
import { encodeJPEG } from '@elgato-stream-deck/node-lib';
import type { DeckBus, DeckDescriptor } from './deck-backend.js';
import { FakeDeckHid } from './fake-deck-hid.js';

/**
 * A USB bus of fake Stream Decks for tests and rehearsal: plug, unplug, make a deck refuse to open
 * (no permission, held by another app). Opening goes through the library's own model factories, so
 * everything above the HID seam is the real code path.
 */
export class FakeDeckBus implements DeckBus {
  private readonly plugged = new Map<string, FakeDeckHid>();
  private readonly openErrors = new Map<string, Error>();
  private readonly listeners = new Set<(change: { kind: 'attach' | 'detach'; path: string }) => void>();
  private counter = 0;
  /** How many times each path was opened (a reopen after an error counts again). */
  readonly opens = new Map<string, number>();

  plug(model: DeviceModelId | `${DeviceModelId}`, serial = `FAKE${++this.counter}`, path = `fake:${serial}`): FakeDeckHid {
    const spec = DEVICE_MODELS2[model as DeviceModelId];
    if (!spec) throw new Error(`unknown Stream Deck model "${model}"`);
    const hid = new FakeDeckHid({ model, serial, path, vendorId: spec.vendorId, productId: spec.productIds[0] ?? 0 });
    this.plugged.set(path, hid);
    this.emit({ kind: 'attach', path });
    return hid;
  }

  unplug(path: string): void {
    const hid = this.plugged.get(path);
    if (!hid) return;
    this.plugged.delete(path);
    if (!hid.closed) hid.unplug();
    this.emit({ kind: 'detach', path });
  }

  /** The next opens of `path` fail with `error` until cleared with null (permissions fixed, other app quit). */
  refuseOpen(path: string, error: Error | null): void {
    if (error) this.openErrors.set(path, error);
    else this.openErrors.delete(path);
  }

  device(path: string): FakeDeckHid | undefined {
    return this.plugged.get(path);
  }

  /** USB attach/detach notifications, like the `usb` package gives for real hardware. */
  onChange(listener: (change: { kind: 'attach' | 'detach'; path: string }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async list(): Promise<DeckDescriptor[]> {
    return [...this.plugged.values()].map((d) => ({ path: d.options.path, model: d.options.model, serial: d.options.serial }));
  }

  async open(path: string): Promise<StreamDeck> {
    const refused = this.openErrors.get(path);
    if (refused) throw refused;
    const hid = this.plugged.get(path);
    if (!hid) throw Object.assign(new Error(`cannot open device with path ${path}`), { code: 'ENOENT' });
    hid.reopen();
    const spec = DEVICE_MODELS2[hid.options.model as DeviceModelId];
    const deck = await spec.factory(hid, { encodeJPEG: (buffer, width, height) => encodeJPEG(buffer, width, height, { quality: 90 }) });
    hid.useControls(deck.CONTROLS);
    this.opens.set(path, (this.opens.get(path) ?? 0) + 1);
    return deck;
  }

  private emit(change: { kind: 'attach' | 'detach'; path: string }): void {
    for (const listener of this.listeners) listener(change);
  }
}
