import type { TimelinePoint } from '../contract/index.js';
import type { Statement } from 'better-sqlite3';
import { inChunks, valuesOf } from './chunks.js';
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

/**
 * A session's buyers: its distinct named buyers (order_buyers, written with each order) plus each
 * order without a buyer name as one buyer, as the live KPI and the review count them.
 */
export function buyerCount(db: Db, sessionId: string): number {
  const named = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM order_buyers WHERE session_id = ?').get(sessionId) as { n: number };
  // Without the hint the planner walks every order of the session rather than the small partial index.
  const anonymous = db
    .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM orders INDEXED BY orders_without_buyer WHERE session_id = ? AND buyer IS NULL')
    .get(sessionId) as { n: number };
  return named.n + anonymous.n;
}

/** Tables that are facts about a session's orders, kept beside them for speed: never taken from outside. */
export const ORDER_FACT_TABLES = ['order_buyers', 'order_skus'] as const;

/**
 * Rebuilds a session's order facts (distinct buyers, per-SKU totals) from its order rows: what a bundle
 * says about them is not trusted, its orders are (each row checked on import).
 */
export function rebuildOrderFacts(db: Db, sessionId: string): void {
  for (const table of ORDER_FACT_TABLES) db.prepare(`DELETE FROM main.${table} WHERE session_id = ?`).run(sessionId);
  db.prepare('INSERT OR IGNORE INTO main.order_buyers (session_id, buyer) SELECT session_id, buyer FROM main.orders WHERE session_id = ? AND buyer IS NOT NULL').run(sessionId);
  db.prepare(
    'INSERT INTO main.order_skus (session_id, sku, orders, gmv_fen) SELECT session_id, sku, COUNT(*), SUM(amount_fen) FROM main.orders WHERE session_id = ? GROUP BY sku',
  ).run(sessionId);
}

/** The facts a batch's new orders add to their session (see addOrderFacts). */
export class OrderFacts {
  readonly buyers = new Set<string>();
  readonly skus = new Map<string, { orders: number; gmvFen: number }>();

  /** A new order: its SKU's totals, and its buyer when order_buyers may not have them yet (null: it has). */
  add(sku: string, amountFen: number, buyer: string | null): void {
    if (buyer !== null) this.buyers.add(buyer);
    const totals = this.skus.get(sku);
    if (totals) {
      totals.orders++;
      totals.gmvFen += amountFen;
    } else this.skus.set(sku, { orders: 1, gmvFen: amountFen });
  }
}

/** Orders per statement when a batch's orders go in together (insertOrders). */
const ORDER_CHUNK = 50;

/** Named buyers per statement when a batch's buyers go into order_buyers. */
const FACT_CHUNK = 64;

/** Orders (idempotent by order id within a session) and the per-second KPI rollups. */
export class CommerceRepo {
  private readonly insertOrderStmt;
  private insertBuyersStmt: Statement | undefined;
  private insertOrdersStmt: Statement<unknown[], { order_id: string }> | undefined;
  private readonly insertBuyerStmt;
  private readonly addSkuStmt;
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
    this.insertBuyerStmt = db.prepare('INSERT OR IGNORE INTO order_buyers (session_id, buyer) VALUES (?, ?)');
    this.addSkuStmt = db.prepare(
      `INSERT INTO order_skus (session_id, sku, orders, gmv_fen) VALUES (?, ?, ?, ?)
       ON CONFLICT (session_id, sku) DO UPDATE SET orders = orders + excluded.orders, gmv_fen = gmv_fen + excluded.gmv_fen`,
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
    this.totalsStmt = db.prepare<[string], { gmv: number | null; orders: number | null }>('SELECT SUM(gmv_fen) AS gmv, SUM(orders) AS orders FROM order_skus WHERE session_id = ?');
    // Only refunded orders, from their partial index (migration 10): not every order row of the session.
    this.refundedStmt = db.prepare<[string], { refunded: number | null }>(
      'SELECT SUM(refunded_fen) AS refunded FROM orders INDEXED BY orders_refunded WHERE session_id = ? AND refunded_fen > 0',
    );
    this.peakStmt = db.prepare<[string], { peak: number | null }>('SELECT MAX(online) AS peak FROM kpi_seconds WHERE session_id = ?');
  }

  /**
   * Returns false when the order id was already recorded for this session (a retried batch). The order's
   * facts (its buyer among the session's distinct buyers, its SKU's totals) go in with addOrderFacts,
   * once per batch and in the same transaction: one statement per order, not three.
   */
  insertOrder(sessionId: string, o: OrderRow): boolean {
    return this.insertOrderStmt.run(sessionId, o.orderId, o.sku, o.qty, o.amountFen, o.buyer, o.ts).changes === 1;
  }

  /**
   * Inserts orders as `insertOrder` would one after another, ORDER_CHUNK to a statement, and returns the
   * ids that were new: an id already recorded, or repeated within `orders`, went in once, the first time.
   */
  insertOrders(sessionId: string, orders: readonly OrderRow[]): Set<string> {
    const fresh = new Set<string>();
    inChunks(
      orders.length,
      ORDER_CHUNK,
      (from) => {
        this.insertOrdersStmt ??= this.db.prepare<unknown[], { order_id: string }>(
          `INSERT OR IGNORE INTO orders (session_id, order_id, sku, qty, amount_fen, buyer, ts) VALUES ${valuesOf('(@s, ?, ?, ?, ?, ?, ?)', ORDER_CHUNK)} RETURNING order_id`,
        );
        const values: (string | number | null)[] = [];
        for (const o of orders.slice(from, from + ORDER_CHUNK)) values.push(o.orderId, o.sku, o.qty, o.amountFen, o.buyer, o.ts);
        for (const row of this.insertOrdersStmt.all(values, { s: sessionId })) fresh.add(row.order_id);
      },
      (i) => {
        const o = orders[i] as OrderRow;
        if (this.insertOrder(sessionId, o)) fresh.add(o.orderId);
      },
    );
    return fresh;
  }

  /** What a batch's new orders add: named buyers to order_buyers (distinct), orders and GMV to each SKU's order_skus row. */
  addOrderFacts(sessionId: string, facts: OrderFacts): void {
    const buyers = [...facts.buyers];
    inChunks(
      buyers.length,
      FACT_CHUNK,
      (from) => {
        this.insertBuyersStmt ??= this.db.prepare(`INSERT OR IGNORE INTO order_buyers (session_id, buyer) VALUES ${valuesOf('(?, ?)', FACT_CHUNK)}`);
        this.insertBuyersStmt.run(buyers.slice(from, from + FACT_CHUNK).flatMap((buyer) => [sessionId, buyer]));
      },
      (i) => this.insertBuyerStmt.run(sessionId, buyers[i]),
    );
    for (const [sku, t] of facts.skus) this.addSkuStmt.run(sessionId, sku, t.orders, t.gmvFen);
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
    // Small reads only: GMV and orders from the per-SKU totals kept with each order, the buyers from
    // order_buyers (buyerCount), the refunds from the refunded orders' partial index. An order without
    // a buyer name is one buyer, as the live KPI and review count it.
    const o = this.totalsStmt.get(sessionId) as { gmv: number | null; orders: number | null };
    const refunded = this.refundedStmt.get(sessionId) as { refunded: number | null };
    const peak = this.peakStmt.get(sessionId) as { peak: number | null } | undefined;
    return { gmvFen: o.gmv ?? 0, refundFen: refunded.refunded ?? 0, orders: o.orders ?? 0, buyers: buyerCount(this.db, sessionId), peakOnline: peak?.peak ?? null };
  }

  /** Buyer hashes of a session, to rebuild the distinct-buyer count when a session resumes. */
  buyers(sessionId: string): string[] {
    return this.db
      .prepare<[string], { buyer: string }>('SELECT buyer FROM order_buyers WHERE session_id = ?')
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
