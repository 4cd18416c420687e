/** Where a product's stock stands during the show: what is left of the stock it started with. */
export type StockLevel = { kind: 'unknown' } | { kind: 'ok' | 'low'; left: number } | { kind: 'oversold'; over: number };

/**
 * `stock` is what the catalog says was on hand (null: not tracked); `sold` the units ordered this
 * session. Low is at most a tenth of the stock or 5 units, whichever is more; oversold is more ordered
 * than there was, which the controller must hear about before the platform cancels orders.
 */
export function stockLevel(stock: number | null, sold: number): StockLevel {
  if (stock === null) return { kind: 'unknown' };
  const left = stock - sold;
  if (left < 0) return { kind: 'oversold', over: -left };
  return { kind: left <= Math.max(5, Math.ceil(stock / 10)) ? 'low' : 'ok', left };
}
