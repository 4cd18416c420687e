import type { FakeDeckHid } from '../../../../native/hid/stream-deck/fake-deck-hid.js';
import type { FakeDeckBus } from '../../../../native/hid/stream-deck/fake-deck-bus.js';
import type { FakeHidBus } from '../../../../native/hid/generic/fake-hid-bus.js';
import { deckBackend } from '../../../../native/hid/stream-deck/deck-backend.js';
import type { ControlBackends } from './controls.js';

/** Control backends on fake buses: hot-plug events come from the buses, rescans settle at once. */
export function fakeControls(decks: FakeDeckBus, hid?: FakeHidBus): ControlBackends {
  return {
    decks: deckBackend(decks),
    hid: hid ?? null,
    watch: (onChange) => {
      const offs = [decks.onChange(() => onChange()), ...(hid ? [hid.onChange(() => onChange())] : [])];
      return () => offs.forEach((off) => off());
    },
    settleDelaysMs: [0],
  };
}

/** Resolves when `check` holds for a fake deck, re-checking after every write it receives. */
export function untilWritten(hid: FakeDeckHid, check: () => boolean, timeoutMs = 5000): Promise<void> {
  // Made here, so a timeout points at the waiting line of the test rather than at this helper.
  const failure = new Error(`deck ${hid.options.serial} never reached the expected picture within ${timeoutMs} ms`);
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      off();
      reject(failure);
    }, timeoutMs);
    const off = hid.onWrite(() => {
      if (!check()) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

/** Mean colour of a key's picture, from what the fake deck decoded off the wire. */
export function meanColour(deck: FakeDeckHid, key: number): [number, number, number] {
  const img = deck.images.get(key);
  if (!img) return [0, 0, 0];
  const sum = [0, 0, 0];
  for (let i = 0; i < img.data.length; i += 3) for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (img.data[i + c] ?? 0);
  const n = img.data.length / 3;
  return [(sum[0] ?? 0) / n, (sum[1] ?? 0) / n, (sum[2] ?? 0) / n];
}
