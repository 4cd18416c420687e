import { nodeDeckBackend } from '../../../../native/hid/stream-deck/deck-backend.js';
import { nodeHidBackend } from '../../../../native/hid/generic/hid-backend.js';
import type { ControlBackends } from './controls.js';

/** Real hardware: Stream Decks and HID through node-hid, hot-plug through `usb`. Rehearsal's are in demo-backends. */
export function realControlBackends(): ControlBackends {
  return { decks: nodeDeckBackend(), hid: nodeHidBackend(), watch: 'usb' };
}
