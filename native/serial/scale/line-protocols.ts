import type { WeightUnit } from '../../../electron/core/contract/devices.js';
import { frameError, parseNumber, reading, show, type FrameResult } from './frame-result.js';
import { parseUnit } from './units.js';

/**
 * Line-framed scale protocols. Each decoder is strict about its layout (fixed widths where the
 * protocol has them) because a loose match on a fragment of a broken frame is how false weights
 * happen.
 */

const unitOr = (text: string, what: string): WeightUnit | FrameResult => parseUnit(text) ?? frameError(`${what}: "${text.trim()}" is not a weight unit`);
const isError = (x: WeightUnit | FrameResult): x is FrameResult => typeof x !== 'string';

/** A&D: `ST,+00123.45  g` — header, comma, 9-character signed value, 3-character unit. */
export function decodeAnd(frame: string): FrameResult {
  const header = frame.slice(0, 2);
  if (frame[2] !== ',' || !['ST', 'QT', 'US', 'OL'].includes(header)) return frameError(`A&D: unknown header in "${show(frame)}"`);
  if (header === 'OL') return reading(null, 'g', 'overload');
  if (frame.length !== 15) return frameError(`A&D: frame of ${frame.length} characters, expected 15: "${show(frame)}"`);
  const value = /^[+-][0-9. ]{8}$/.test(frame.slice(3, 12)) ? parseNumber(frame.slice(3, 12).replace(/ /g, '')) : null;
  if (value === null) return frameError(`A&D: bad value in "${show(frame)}"`);
  const unit = unitOr(frame.slice(12), 'A&D');
  if (isError(unit)) return unit;
  return reading(value, unit, header === 'US' ? 'unstable' : 'stable');
}

/** Mettler Toledo MT-SICS level 0/1: `S S      12.34 g`, `S D …` dynamic, `S +`/`S -` out of range. */
export function decodeMtSics(frame: string): FrameResult {
  const text = frame.trimEnd();
  const weight = /^S ([SD]) +(-?\d+(?:\.\d+)?) ([A-Za-z]{1,3})$/.exec(text);
  if (weight) {
    const unit = unitOr(weight[3] as string, 'MT-SICS');
    if (isError(unit)) return unit;
    return reading(Number(weight[2]), unit, weight[1] === 'S' ? 'stable' : 'unstable');
  }
  if (text === 'S +' || text === 'S -') return reading(null, 'g', 'overload');
  if (text === 'S I') return frameError('MT-SICS: weight not available (S I: busy or not executable)');
  if (text === 'ES' || text === 'ET' || text === 'EL') return frameError(`MT-SICS: the scale reported ${text} (${{ ES: 'syntax error', ET: 'transmission error', EL: 'logical error' }[text]})`);
  if (text === 'Z A' || /^T S +-?\d/.test(text) || /^TA? A/.test(text) || /^I4 A/.test(text)) return { kind: 'ack', text };
  if (/^[ZT] [I+-]$/.test(text)) return frameError(`MT-SICS: command refused (${text})`);
  return frameError(`MT-SICS: unrecognised response "${show(frame)}"`);
}

/** OHAUS print/continuous: `     192.21 g`, `?` after the unit while unstable, optional N/G (net/gross). */
export function decodeOhaus(frame: string): FrameResult {
  if (/^\s*(OL|O-L|over(load)?|-OL-)\s*$/i.test(frame)) return reading(null, 'g', 'overload');
  const m = /^\s*(-)?\s*(\d+(?:\.\d+)?) +([A-Za-z]{1,3})((?: +(?:\?|N|G|NET))*) *$/.exec(frame);
  if (!m) return frameError(`OHAUS: unrecognised line "${show(frame)}"`);
  const unit = unitOr(m[3] as string, 'OHAUS');
  if (isError(unit)) return unit;
  const flags = (m[4] as string).trim().split(/ +/);
  const value = Number(m[2]) * (m[1] ? -1 : 1);
  return reading(value, unit, flags.includes('?') ? 'unstable' : 'stable', flags.includes('N') || flags.includes('NET'));
}

/** CAS 22-byte: `ST,GS,<id><lamp>,<8 chars> kg` + CR LF; lamp byte ≥ 0x80 with bit 6 set while stable. */
export function decodeCas22(frame: string): FrameResult {
  if (frame.length !== 20) return frameError(`CAS: frame of ${frame.length + 2} bytes, expected 22: "${show(frame)}"`);
  const header = frame.slice(0, 2);
  const kind = frame.slice(3, 5);
  const lamp = frame.charCodeAt(7);
  if (frame[2] !== ',' || frame[5] !== ',' || frame[8] !== ',' || frame[17] !== ' ') return frameError(`CAS: bad layout "${show(frame)}"`);
  if (!['ST', 'US', 'OL'].includes(header) || !['GS', 'NT'].includes(kind)) return frameError(`CAS: unknown header "${show(frame.slice(0, 5))}"`);
  if (lamp < 0x80) return frameError(`CAS: lamp byte 0x${lamp.toString(16)} lacks bit 7`);
  if (header === 'OL') return reading(null, 'kg', 'overload', kind === 'NT');
  const value = parseNumber(frame.slice(9, 17).replace(/ /g, ''));
  if (value === null) return frameError(`CAS: bad value "${show(frame.slice(9, 17))}"`);
  const unit = unitOr(frame.slice(18, 20), 'CAS');
  if (isError(unit)) return unit;
  // The header decides; a lamp without the stable bit makes a "stable" header doubtful, so trust neither.
  const stable = header === 'ST' && (lamp & 0x40) !== 0;
  return reading(value, unit, stable ? 'stable' : 'unstable', kind === 'NT');
}
