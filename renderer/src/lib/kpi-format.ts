import type { KpiRatio } from '../contract.js';
import { formatMoney, groupThousands } from './format.js';

/** A rate as a percentage with two decimals (0.0375 → "3.75%"); "—" while it has no denominator. */
export function formatRate(r: KpiRatio): string {
  return r.value === null ? '—' : `${(Math.round(r.value * 10_000) / 100).toFixed(2)}%`;
}

/** A money ratio already rounded to the fen by the core. */
export function formatRatioMoney(r: KpiRatio, currency = 'CNY'): string {
  return r.value === null ? '—' : formatMoney(r.value, currency);
}

/** Seconds as "1m 05s" / "42s". */
export function formatWatch(r: KpiRatio): string {
  if (r.value === null) return '—';
  const s = Math.round(r.value);
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** ROI as a multiple, "1.11". */
export function formatMultiple(r: KpiRatio): string {
  return r.value === null ? '—' : (Math.round(r.value * 100) / 100).toFixed(2);
}

/** Which side of a ratio is money (fen in the core): shown in yuan to the fen, never raw fen. */
export type FractionUnits = { num?: 'money'; den?: 'money'; currency?: string };

/** Numerator / denominator, so a reader can check the ratio against the platform's own figures. */
export function formatFraction(r: KpiRatio, units: FractionUnits = {}): string {
  const side = (n: number, money: boolean) => (money ? formatMoney(Math.round(n), units.currency ?? 'CNY') : groupThousands(Math.round(n)));
  return `${side(r.num, units.num === 'money')} / ${side(r.den, units.den === 'money')}`;
}

/** Online average to one decimal, grouped. */
export function formatAverage(n: number | null): string {
  if (n === null) return '—';
  const rounded = Math.round(n * 10) / 10;
  const [whole, frac] = rounded.toFixed(1).split('.');
  return `${groupThousands(Number(whole))}.${frac}`;
}
