import type { DeskState } from '../contract.js';
import type { Translate } from './i18n.js';

export type ScaleReading = NonNullable<DeskState['scale']>;

/** Units with a Chinese name on screen; the others are international symbols everyone reads. */
const NAMED_UNITS = { jin: 'unit.jin', liang: 'unit.liang' } as const;

/** A reading as the scale showed it (its own unit), for the console and the overlay. */
export function formatWeight(reading: ScaleReading, t: Translate): { amount: string; unit: string } | null {
  const value = reading.value ?? (reading.grams === null ? null : reading.unit === 'g' ? reading.grams : null);
  if (value === null) return null;
  const unit = reading.unit in NAMED_UNITS ? t(NAMED_UNITS[reading.unit as keyof typeof NAMED_UNITS]) : reading.unit;
  const decimals = Math.min(3, (String(value).split('.')[1] ?? '').length);
  const amount = value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: 3 });
  return { amount, unit };
}

/** Whether the overlay shows a weight: a number the scale stands behind (overload shows as such, invalid never). */
export function showsWeight(reading: ScaleReading | null | undefined): reading is ScaleReading {
  return !!reading && reading.status !== 'invalid' && (reading.status === 'overload' || reading.grams !== null);
}
