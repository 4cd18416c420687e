import type { WeightUnit } from '../../../electron/core/contract/devices.js';

/** Grams per unit. 斤 and 两 are the market units of mainland China (500 g and 50 g). */
const GRAMS_PER: Record<WeightUnit, number> = {
  mg: 0.001,
  g: 1,
  kg: 1000,
  t: 1_000_000,
  ct: 0.2,
  lb: 453.59237,
  oz: 28.349523125,
  jin: 500,
  liang: 50,
};

/** How scales spell units on the wire, lower-cased. */
const ALIASES: Record<string, WeightUnit> = {
  mg: 'mg',
  g: 'g',
  gr: 'g',
  kg: 'kg',
  t: 't',
  ct: 'ct',
  lb: 'lb',
  lbs: 'lb',
  oz: 'oz',
  jin: 'jin',
  '斤': 'jin',
  liang: 'liang',
  '两': 'liang',
};

export function parseUnit(text: string): WeightUnit | null {
  return ALIASES[text.trim().toLowerCase()] ?? null;
}

/** Rounds away binary noise (123.45 kg is 123450 g, not 123450.00000000001). */
const clean = (x: number) => Math.round(x * 1e6) / 1e6;

export function toGrams(value: number, unit: WeightUnit): number {
  return clean(value * GRAMS_PER[unit]);
}

export function fromGrams(grams: number, unit: WeightUnit): number {
  return clean(grams / GRAMS_PER[unit]);
}
