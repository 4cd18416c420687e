import { MIN_EXPLAIN_MS_FOR_RATE, type ExplainSegment, type LaneItem, type ProductStats, type SegmentStats } from '../contract/index.js';
import type { MarkRow, ReviewRepo } from '../store/review-repo.js';
import { flashSaleFacts } from './lanes.js';

/** Explain segments with what their own product sold during them and the audience across them. */
export function segmentStats(repo: ReviewRepo, sessionId: string, segments: readonly ExplainSegment[], end: number): SegmentStats[] {
  return segments.map((s) => {
    const endedAt = Math.max(s.startedAt, s.endedAt ?? end);
    // The open 讲解 has no end yet: like the live desk (ExplainFlow.explainedAt), it owns every order
    // stamped after its start, including one a fast platform clock stamps a moment ahead of ours.
    const own = repo.skuWithin(sessionId, s.sku, s.startedAt, s.endedAt ?? Number.MAX_SAFE_INTEGER);
    return {
      sku: s.sku,
      name: s.name,
      startedAt: s.startedAt,
      endedAt,
      gmvFen: own.gmvFen,
      orders: own.orders,
      onlineStart: repo.onlineAt(sessionId, s.startedAt),
      onlineEnd: repo.onlineAt(sessionId, endedAt),
    };
  });
}

/**
 * The per-product table only a console can produce (kpi.md): times explained, explain time, sales
 * during and outside its explains, GMV per explain-minute, online change across each explain, and
 * its flash sales' results. Sorted by GMV per explain-minute, best first; never-explained products last.
 */
export function productStats(
  repo: ReviewRepo,
  sessionId: string,
  segments: readonly SegmentStats[],
  lanes: readonly LaneItem[],
  marks: readonly MarkRow[],
): ProductStats[] {
  const totals = new Map(repo.skuTotals(sessionId).map((t) => [t.sku, t]));
  const catalog = repo.productNames();
  const skus = [...new Set([...segments.map((s) => s.sku), ...totals.keys()])];
  const rows = skus.map((sku): ProductStats => {
    const own = segments.filter((s) => s.sku === sku);
    const explainMs = own.reduce((sum, s) => sum + (s.endedAt - s.startedAt), 0);
    const gmvDuringFen = own.reduce((sum, s) => sum + s.gmvFen, 0);
    const ordersDuring = own.reduce((sum, s) => sum + s.orders, 0);
    const total = totals.get(sku);
    const flashSales = lanes
      .filter((l) => l.lane === 'flashsale' && l.sku === sku)
      .map((l) => {
        const endedAt = l.endTs ?? l.ts;
        const sold = repo.skuWithin(sessionId, sku, l.ts, endedAt);
        const qty = repo.skuQtyWithin(sessionId, sku, l.ts, endedAt);
        const facts = flashSaleFacts(marks, l.ts);
        // Capped as the live desk caps it (show/flash-sale.ts): what did not fit the stock is oversold.
        const capped = facts.stock === null ? qty : Math.min(qty, facts.stock);
        return { sku, startedAt: l.ts, endedAt, ...facts, orders: sold.orders, qty, sold: capped, oversold: qty - capped, gmvFen: sold.gmvFen };
      });
    return {
      sku,
      name: own[own.length - 1]?.name ?? catalog.get(sku) ?? sku,
      explains: own.length,
      explainMs,
      gmvDuringFen,
      ordersDuring,
      gmvOutsideFen: (total?.gmvFen ?? 0) - gmvDuringFen,
      ordersOutside: (total?.orders ?? 0) - ordersDuring,
      // Not ranked from a few seconds: one order in a 3-second explain is not ¥X per minute.
      gmvPerExplainMinuteFen: explainMs >= MIN_EXPLAIN_MS_FOR_RATE ? Math.round((gmvDuringFen * 60_000) / explainMs) : null,
      onlineChanges: own.map((s) => (s.onlineStart === null || s.onlineEnd === null ? null : s.onlineEnd - s.onlineStart)),
      flashSales,
    };
  });
  return rows.sort(
    (a, b) =>
      (b.gmvPerExplainMinuteFen ?? -1) - (a.gmvPerExplainMinuteFen ?? -1) ||
      b.gmvDuringFen + b.gmvOutsideFen - (a.gmvDuringFen + a.gmvOutsideFen) ||
      a.sku.localeCompare(b.sku),
  );
}
