import type { CustomFormat, WeightUnit } from '../../../electron/core/contract/devices.js';
import { frameError, parseNumber, reading, show, type FrameResult } from './frame-result.js';
import { parseUnit } from './units.js';

/**
 * A user-defined line format for scales no preset covers: a regex with named groups `weight`
 * (required), `unit` and `status`; status texts are mapped through the configured lists. Without a
 * status group the desk derives stability from repeated readings.
 */
export function customDecoder(format: CustomFormat, defaultUnit: WeightUnit): { decode: (frame: string) => FrameResult; flagged: boolean } {
  const pattern = new RegExp(format.pattern);
  const flagged = pattern.source.includes('?<status>') && format.stable.length + format.unstable.length > 0;
  const decode = (frame: string): FrameResult => {
    const m = pattern.exec(frame);
    if (!m?.groups) return frameError(`custom: no match for "${show(frame)}"`);
    const status = m.groups.status?.trim();
    if (status !== undefined && format.overload.includes(status)) return reading(null, defaultUnit, 'overload');
    const value = parseNumber((m.groups.weight ?? '').replace(/ /g, ''));
    if (value === null) return frameError(`custom: "${show(m.groups.weight ?? '')}" is not a number`);
    const unit = m.groups.unit === undefined ? defaultUnit : parseUnit(m.groups.unit);
    if (!unit) return frameError(`custom: "${show(m.groups.unit ?? '')}" is not a weight unit`);
    if (!flagged) return reading(value, unit, null);
    if (status !== undefined && format.stable.includes(status)) return reading(value, unit, 'stable');
    if (status !== undefined && format.unstable.includes(status)) return reading(value, unit, 'unstable');
    return frameError(`custom: unknown status "${show(status ?? '')}"`);
  };
  return { decode, flagged };
}
