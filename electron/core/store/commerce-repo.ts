import type { TimelinePoint } from '../contract/index.js';
import type { Db } from './database.js';

export interface OrderRow {
  orderId: string;
  sku: string;
  qty: number;
  amountFen: number;
  buyer: string | null;
  ts: number;
}

export interface RefundOutcome {
  duplicate: boolean;
  known: boolean;
  /** Fen that count as refunded: at most what is left of the order's payment. */
  appliedFen: number;
  /** Fen refused: beyond what was paid, repeated, or of an unknown order. */
  excessFen: number;
}

export interface SessionTotals {
  gmvFen: number;
  /** Refunded fen, each order capped at what it paid. */
  refundFen: number;
  orders: number;
  buyers: number;
  peakOnline: number | null;
}

/** Orders (idempotent by order id within a session) and the per-second KPI rollups. */
export class CommerceRepo {
  private readonly insertOrderStmt;
  private readonly refundStmt;
  private readonly refundableStmt;
  private readonly insertRefundStmt;
  private readonly upsertSecondStmt;
  private readonly totalsStmt;
  private readonly refundedStmt;
  private readonly peakStmt;

  constructor(private readonly db: Db) {
    this.insertOrderStmt = db.prepare(
      `INSERT OR IGNORE INTO orders (session_id, order_id, sku, qty, amount_fen, buyer, ts) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.refundStmt = db.prepare(
      'UPDATE orders SET refunded_fen = MIN(amount_fen, refunded_fen + ?) WHERE session_id = ? AND order_id = ?',
    );
    this.refundableStmt = db.prepare<[string, string], { left: number }>(
      'SELECT amount_fen - refunded_fen AS left FROM orders WHERE session_id = ? AND order_id = ?',
    );
    this.insertRefundStmt = db.prepare('INSERT OR IGNORE INTO refunds (session_id, order_id, ts, amount_fen) VALUES (?, ?, ?, ?)');
    this.upsertSecondStmt = db.prepare(
      `INSERT INTO kpi_seconds (session_id, second, online, gmv_fen, orders) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (session_id, second) DO UPDATE SET
         online = CASE WHEN online IS NULL OR excluded.online > online THEN excluded.online ELSE online END,
         gmv_fen = excluded.gmv_fen, orders = excluded.orders`,
    );
    this.totalsStmt = db.prepare<[string], { gmv: number | null; orders: number; named: number; anonymous: number | null }>(
      'SELECT SUM(amount_fen) AS gmv, COUNT(*) AS orders, COUNT(DISTINCT buyer) AS named, SUM(buyer IS NULL) AS anonymous FROM orders WHERE session_id = ?',
    );
    this.refundedStmt = db.prepare<[string], { refunded: number | null }>('SELECT SUM(refunded_fen) AS refunded FROM orders WHERE session_id = ?');
    this.peakStmt = db.prepare<[string], { peak: number | null }>('SELECT MAX(online) AS peak FROM kpi_seconds WHERE session_id = ?');
  }

  /** Returns false when the order id was already recorded for this session (a retried batch). */
  insertOrder(sessionId: string, o: OrderRow): boolean {
    return this.insertOrderStmt.run(sessionId, o.orderId, o.sku, o.qty, o.amountFen, o.buyer, o.ts).changes === 1;
  }

  /** Returns false for a refund of an order this session never saw. */
  refund(sessionId: string, orderId: string, amountFen: number): boolean {
    return this.refundStmt.run(amountFen, sessionId, orderId).changes === 1;
  }

  /**
   * Records a refund once: the same order, time and amount again is a retried batch (returns
   * `duplicate`). What counts is capped at what is left of the order's payment (`appliedFen`); the
   * rest (`excessFen`: a repeated refund, one larger than the order, or one of an order this session
   * never saw, `known: false`) is reported, never counted. The refund row is kept as sent.
   */
  recordRefund(sessionId: string, orderId: string, amountFen: number, ts: number): RefundOutcome {
    if (this.insertRefundStmt.run(sessionId, orderId, ts, amountFen).changes === 0) return { duplicate: true, known: true, appliedFen: 0, excessFen: 0 };
    const row = this.refundableStmt.get(sessionId, orderId) as { left: number } | undefined;
    if (!row) return { duplicate: false, known: false, appliedFen: 0, excessFen: amountFen };
    const appliedFen = Math.max(0, Math.min(amountFen, row.left));
    if (appliedFen > 0) this.refund(sessionId, orderId, appliedFen);
    return { duplicate: false, known: true, appliedFen, excessFen: amountFen - appliedFen };
  }

  writeSecond(sessionId: string, second: number, online: number | null, gmvFen: number, orders: number): void {
    this.upsertSecondStmt.run(sessionId, second, online, gmvFen, orders);
  }

  totals(sessionId: string): SessionTotals {
    // Two reads, not one: every column of the first is in orders_by_buyer, so SQLite answers it from
    // that index alone; asking for refunded_fen in the same query made it read each order row and sort
    // the buyers aside (≈3× slower on a 12-hour show). An order without a buyer name is one buyer, as
    // the live KPI and review count it.
    const o = this.totalsStmt.get(sessionId) as { gmv: number | null; orders: number; named: number; anonymous: number | null };
    const refunded = this.refundedStmt.get(sessionId) as { refunded: number | null };
    const peak = this.peakStmt.get(sessionId) as { peak: number | null } | undefined;
    return { gmvFen: o.gmv ?? 0, refundFen: refunded.refunded ?? 0, orders: o.orders, buyers: o.named + (o.anonymous ?? 0), peakOnline: peak?.peak ?? null };
  }

  /** Buyer hashes of a session, to rebuild the distinct-buyer count when a session resumes. */
  buyers(sessionId: string): string[] {
    return this.db
      .prepare<[string], { buyer: string }>('SELECT DISTINCT buyer FROM orders WHERE session_id = ? AND buyer IS NOT NULL')
      .all(sessionId)
      .map((r) => r.buyer);
  }

  /** The last known online gauge of a session. */
  lastOnline(sessionId: string): number | null {
    const row = this.db
      .prepare<[string], { online: number | null }>(
        'SELECT online FROM kpi_seconds WHERE session_id = ? AND online IS NOT NULL ORDER BY second DESC LIMIT 1',
      )
      .get(sessionId);
    return row?.online ?? null;
  }

  /**
   * The KPI curve downsampled to at most `maxPoints` buckets: online is the bucket's peak, GMV and
   * orders (cumulative) its last value. Reads the rollups, never the raw log.
   */
  timeline(sessionId: string, fromMs: number, toMs: number, maxPoints: number): { bucketMs: number; points: TimelinePoint[] } {
    const spanSeconds = Math.max(1, Math.ceil((toMs - fromMs) / 1000));
    const bucket = Math.max(1, Math.ceil(spanSeconds / maxPoints));
    const rows = this.db
      .prepare<[number, string, number, number, number], { b: number; online: number | null; gmv: number; orders: number }>(
        // better-sqlite3 binds JS numbers as REAL: without the casts, second / bucket never truncates
        // and every second becomes its own point.
        `SELECT second / CAST(? AS INTEGER) AS b, MAX(online) AS online, MAX(gmv_fen) AS gmv, MAX(orders) AS orders
         FROM kpi_seconds WHERE session_id = ? AND second BETWEEN ? AND ? GROUP BY second / CAST(? AS INTEGER) ORDER BY b`,
      )
      .all(bucket, sessionId, Math.floor(fromMs / 1000), Math.ceil(toMs / 1000), bucket);
    return {
      bucketMs: bucket * 1000,
      points: rows.map((r) => ({ ts: r.b * bucket * 1000, online: r.online, gmvFen: r.gmv, orders: r.orders })),
    };
  }
}
