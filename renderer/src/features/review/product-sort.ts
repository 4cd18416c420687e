import { MIN_EXPLAIN_MS_FOR_RATE, type ProductStats } from '../../contract.js';

export type SortKey = 'name' | 'explains' | 'explainMs' | 'gmvDuringFen' | 'ordersDuring' | 'gmvOutsideFen' | 'ordersOutside' | 'gmvPerExplainMinuteFen' | 'onlineChange' | 'flashSales';

const onlineSum = (p: ProductStats) => p.onlineChanges.reduce<number>((a, c) => a + (c ?? 0), 0);

/** The value a column sorts by; a never-explained product's null rate sorts below every real one. */
export function sortValue(p: ProductStats, key: SortKey): number | string {
  switch (key) {
    case 'name':
      return p.name;
    case 'onlineChange':
      return onlineSum(p);
    case 'flashSales':
      return p.flashSales.reduce((a, f) => a + f.gmvFen, 0);
    case 'gmvPerExplainMinuteFen':
      return p.gmvPerExplainMinuteFen ?? -1;
    default:
      return p[key];
  }
}

/**
 * Ties go by SKU code point by point: SKUs are codes, not words, and the first localeCompare of a page
 * builds the ICU collator (15–30 ms in Chromium), on the review's first draw for nothing (issue 15).
 */
const bySku = (a: ProductStats, b: ProductStats) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0);

export function sortProducts(rows: readonly ProductStats[], key: SortKey, desc: boolean): ProductStats[] {
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    const c = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y), 'zh') : x - y;
    return (desc ? -c : c) || bySku(a, b);
  });
}


/** The explain time below which the core gives no per-explain-minute figure, in whole minutes. */
export const MIN_RATE_MINUTES = MIN_EXPLAIN_MS_FOR_RATE / 60_000;

/** What the per-explain-minute cell shows: the figure, or why there is none (explained too briefly, or never). */
export type PerMinuteCell = { kind: 'rate'; fen: number } | { kind: 'tooShort'; minutes: number } | { kind: 'none' };

export function perMinuteCell(p: ProductStats): PerMinuteCell {
  if (p.gmvPerExplainMinuteFen !== null) return { kind: 'rate', fen: p.gmvPerExplainMinuteFen };
  return p.explainMs > 0 ? { kind: 'tooShort', minutes: MIN_RATE_MINUTES } : { kind: 'none' };
}
