import type { StreamDeck } from '@elgato-stream-deck/core';
import type { ControlSurface } from '../../../electron/core/contract/index.js';
import { StreamDeckSurface } from './stream-deck-surface.js';

/** A deck the OS lists: copied into a plain object (no library types leave native/). */
export interface DeckDescriptor {
  path: string;
  model: string;
  serial: string | null;
}

/**
 * A bus of decks at the library's level: node-hid, or the fake HID seam of tests and rehearsal. It
 * stays inside native/; the core gets a `DeckBackend` made from it.
 */
export interface DeckBus {
  list(): Promise<DeckDescriptor[]>;
  open(path: string): Promise<StreamDeck>;
}

/** An opened Stream Deck as the core sees it: LiveDesk's own surface, with a display brightness. */
export interface DeckSurface extends ControlSurface {
  setBrightness(percent: number): Promise<void>;
}

/**
 * Where decks come from, as the core sees it. `open` fails with the OS error (EACCES, busy) so the
 * desk can say why and how to fix it.
 */
export interface DeckBackend {
  list(): Promise<DeckDescriptor[]>;
  open(descriptor: DeckDescriptor): Promise<DeckSurface>;
}

/** Opens decks of `bus` as surfaces; a deck that opens but cannot be read is closed again. */
export function deckBackend(bus: DeckBus): DeckBackend {
  return {
    list: () => bus.list(),
    async open(descriptor) {
      const deck = await bus.open(descriptor.path);
      try {
        const serial = descriptor.serial || (await deck.getSerialNumber().catch(() => null));
        return new StreamDeckSurface(deck, { path: descriptor.path, serial });
      } catch (error) {
        await deck.close().catch(() => undefined);
        throw error;
      }
    },
  };
}

/** The real bus. node-hid is loaded on first use, so tests and rehearsal never touch it. */
export function nodeDeckBus(): DeckBus {
  const lib = () => import('@elgato-stream-deck/node');
  return {
    async list() {
      const { listStreamDecks } = await lib();
      return (await listStreamDecks()).map((d) => ({ path: d.path, model: d.model, serial: d.serialNumber ?? null }));
    },
    async open(path) {
      const { openStreamDeck } = await lib();
      return openStreamDeck(path, { jpegOptions: { quality: 90, subsampling: 1 } });
    },
  };
}

export const nodeDeckBackend = (): DeckBackend => deckBackend(nodeDeckBus());
