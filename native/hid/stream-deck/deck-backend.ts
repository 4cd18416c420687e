import type { StreamDeck } from '@elgato-stream-deck/core';

/** A deck the OS lists: copied into a plain object (no library types leave native/). */
export interface DeckDescriptor {
  path: string;
  model: string;
  serial: string | null;
}

/**
 * Where decks come from: the real USB bus through node-hid, or a fake bus in tests and rehearsal.
 * `open` fails with the OS error (EACCES, busy) so the desk can say why and how to fix it.
 */
export interface DeckBackend {
  list(): Promise<DeckDescriptor[]>;
  open(path: string): Promise<StreamDeck>;
}

/** The real bus. node-hid is loaded on first use, so tests and rehearsal never touch it. */
export function nodeDeckBackend(): DeckBackend {
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
