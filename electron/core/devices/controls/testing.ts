import type { FakeDeckHid } from '../../../../native/hid/stream-deck/fake-deck-hid.js';
import type { FakeDeckBus } from '../../../../native/hid/stream-deck/fake-deck-bus.js';
import type { FakeHidBus } from '../../../../native/hid/generic/fake-hid-bus.js';
import type { ControlBackends } from './controls.js';

/** Control backends on fake buses: hot-plug events come from the buses, rescans settle at once. */
export function fakeControls(decks: FakeDeckBus, hid?: FakeHidBus): ControlBackends {
  return {
    decks,
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
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      off();
      reject(new Error(`deck ${hid.options.serial} never reached the expected picture within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = hid.onWrite(() => {
      if (!check()) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}
