import type { AlertRule } from '../../contract.js';

export type RuleUnit = 'pct' | 'yuan' | 'count' | 'seconds' | 'multiple';

const RATES = new Set(['interactionRate', 'conversion', 'productClickRate', 'clickToOrder', 'followerConversion']);
const MONEY = new Set(['gmvFen', 'perBuyerFen', 'aovFen', 'uvValueFen', 'gpmFen']);

/** The unit a person types a rule's level in: a drop of 20 (%), GMV in yuan, a rate in %. */
export function ruleUnit(kpi: AlertRule['kpi'], condition: AlertRule['condition']): RuleUnit {
  if (condition === 'drop' || condition === 'rise' || RATES.has(kpi)) return 'pct';
  if (MONEY.has(kpi)) return 'yuan';
  if (kpi === 'avgWatchSeconds') return 'seconds';
  if (kpi === 'roi') return 'multiple';
  return 'count';
}

/** Typed level → the stored one (fractions for %, fen for yuan); null for an empty or bad field. */
export function toStored(text: string, unit: RuleUnit): number | null {
  if (!text.trim()) return null;
  const n = Number(text.trim());
  if (!Number.isFinite(n) || n < 0) return null;
  if (unit === 'pct') return Math.round(n * 100) / 10_000;
  if (unit === 'yuan') return Math.round(n * 100);
  return n;
}

export function fromStored(value: number | undefined, unit: RuleUnit): string {
  if (value === undefined) return '';
  if (unit === 'pct') return String(Math.round(value * 10_000) / 100);
  if (unit === 'yuan') return (value / 100).toFixed(2);
  return String(value);
}
