import type { ScaleProtocolId, WeightUnit } from '../../../electron/core/contract/devices.js';
import { encodeXk3190, encodeXk3190Display } from './xk3190.js';
import { fromGrams } from './units.js';

/** The scale side of each preset: frames as the indicator sends them (for the simulator and tests). */
export interface FrameSpec {
  grams: number;
  stable: boolean;
  overload?: boolean;
  /** Unit for protocols without one in the frame (XK3190); the others send grams or kilograms. */
  unit?: WeightUnit;
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const sign = (v: number) => (v < 0 ? '-' : '+');

export function encodeScaleFrame(protocol: Exclude<ScaleProtocolId, 'custom'>, spec: FrameSpec): Uint8Array {
  const { grams, stable } = spec;
  switch (protocol) {
    case 'and': {
      const body = Math.abs(grams).toFixed(2).padStart(8, '0');
      if (spec.overload || body.length > 8) return latin1('OL,+9999999E+19\r\n');
      return latin1(`${stable ? 'ST' : 'US'},${sign(grams)}${body}  g\r\n`);
    }
    case 'mt-sics':
      if (spec.overload) return latin1('S +\r\n');
      return latin1(`S ${stable ? 'S' : 'D'} ${grams.toFixed(2).padStart(10)} g\r\n`);
    case 'ohaus':
      if (spec.overload) return latin1('OL\r\n');
      return latin1(`${grams.toFixed(2).padStart(11)} g${stable ? '' : ' ?'}\r\n`);
    case 'cas22': {
      const lamp = String.fromCharCode(stable ? 0xc0 : 0x80);
      const header = spec.overload ? 'OL' : stable ? 'ST' : 'US';
      return latin1(`${header},GS,1${lamp},${(grams / 1000).toFixed(3).padStart(8)} kg\r\n`);
    }
    case 'xk3190': {
      // Six digits: fewer decimals for heavier loads, as the indicator's division does.
      const value = fromGrams(grams, spec.unit ?? 'kg');
      let decimals = 3;
      while (decimals > 0 && Math.round(Math.abs(value) * 10 ** decimals) > 999_999) decimals--;
      return encodeXk3190(value, decimals);
    }
    case 'xk3190-display':
      return encodeXk3190Display(fromGrams(grams, spec.unit ?? 'kg'), 3);
  }
}
