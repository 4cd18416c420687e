import type { ActionHandlers } from '../../engine/action-bus.js';
import type { SerialManager } from './serial-manager.js';

/** Scale and light actions and the device list: they reach the serial hardware through its manager. */
export function serialActionHandlers(
  serial: Pick<SerialManager, 'tare' | 'zero' | 'cue' | 'replace' | 'setCues'>,
): Pick<ActionHandlers, 'scale.tare' | 'scale.zero' | 'light.cue' | 'devices.replace' | 'devices.cues'> {
  return {
    'devices.replace': ({ devices }) => serial.replace(devices),
    'devices.cues': ({ cues }) => serial.setCues(cues),
    'scale.tare': ({ device }) => serial.tare(device),
    'scale.zero': ({ device }) => serial.zero(device),
    'light.cue': ({ cue }) => serial.cue(cue),
  };
}
