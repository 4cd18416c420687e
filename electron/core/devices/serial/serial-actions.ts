import type { ActionHandlers } from '../../engine/action-bus.js';
import type { SerialManager } from './serial-manager.js';

/** Scale and light actions: they reach the serial hardware through its manager. */
export function serialActionHandlers(serial: Pick<SerialManager, 'tare' | 'zero' | 'cue'>): Pick<ActionHandlers, 'scale.tare' | 'scale.zero' | 'light.cue'> {
  return {
    'scale.tare': ({ device }) => serial.tare(device),
    'scale.zero': ({ device }) => serial.zero(device),
    'light.cue': ({ cue }) => serial.cue(cue),
  };
}
