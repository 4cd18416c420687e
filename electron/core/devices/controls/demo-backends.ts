import { deckBackend } from '../../../../native/hid/stream-deck/deck-backend.js';
import { FakeDeckBus } from '../../../../native/hid/stream-deck/fake-deck-bus.js';
import type { ControlBackends } from './controls.js';

/**
 * Rehearsal hardware (`--demo`): a simulated Stream Deck MK.2 behind the same HID seam the tests use,
 * so the console shows a real deck's model, serial and key pictures with nothing real touched. A module
 * of its own so that a desk on real hardware never loads the simulator and its JPEG encoder.
 */
export function demoControlBackends(): ControlBackends & { bus: FakeDeckBus } {
  const bus = new FakeDeckBus();
  bus.plug('original-mk2', 'DEMO-MK2', 'demo:stream-deck');
  return { bus, decks: deckBackend(bus), hid: null, watch: (onChange) => bus.onChange(() => onChange()), settleDelaysMs: [0] };
}
