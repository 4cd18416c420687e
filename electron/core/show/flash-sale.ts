import { coded, DeskError, type FlashSale, type FlashSaleResult, type Product } from '../contract/index.js';
import type { Clock } from './clock.js';

export interface FlashSaleDeps {
  clock: Clock;
  /** Appends to the session log at `ts` (now when omitted). */
  log: (kind: string, data: Record<string, unknown>, ts?: number) => void;
  publish: (change: { flashSale: FlashSale | null; lastFlashSale?: FlashSaleResult | null }) => void;
  /** Whether a session is live: a sale without one would leave nothing for 复盘. */
  sessionLive: () => boolean;
  /** The platform delivered more sale units than the stock: warn (alert code `flashsale-oversold`). */
  warnOversold: (sale: FlashSale, oversold: number) => void;
}

export interface SoldOrder {
  sku: string;
  qty: number;
  amountFen: number;
  ts: number;
}

/**
 * A flash sale (秒杀): one product at a flash price for a fixed time and, optionally, a fixed stock.
 * It ends on time, on `flashsale.stop`, or when ingested orders sell the stock; start, end and the
 * result are logged so review can show what the countdown sold.
 *
 * Which orders are sale orders is decided by their own `ts`, the way review decides it from the log:
 * an order of the sale's product with start <= ts < end (end = just after the sell-out order, the stop
 * or the planned end). Orders after that are ordinary orders. `sold` never exceeds the stock; units of
 * sale orders beyond it (the platform oversold, or a late order from inside the window) are `oversold`.
 */
export class FlashSales {
  private current: FlashSale | null = null;
  /** The last ended sale, which late orders from inside its window still belong to. */
  private ended: FlashSaleResult | null = null;
  private cancelTimer: (() => void) | null = null;

  constructor(private readonly deps: FlashSaleDeps) {}

  get sale(): FlashSale | null {
    return this.current;
  }

  start(product: Product, options: { price?: number | undefined; seconds: number; stock?: number | undefined; warmupSeconds?: number | undefined }): FlashSale {
    if (this.current) throw new DeskError('conflict', coded('flash.running', { name: this.current.name }, `a flash sale of "${this.current.name}" is running; stop it first (flashsale.stop)`));
    if (!this.deps.sessionLive()) throw new DeskError('conflict', coded('flash.noSession', {}, 'no live session: start one first (session.start), so the flash sale is recorded for review'));
    const priceFen = options.price ?? product.flashPriceFen;
    if (priceFen == null) {
      const detail = `price: "${product.sku}" has no flash-sale price in the catalog; send a price in fen`;
      throw new DeskError('bad_request', coded('flash.noPrice', { sku: product.sku }, detail), { field: 'price' });
    }
    if (priceFen > product.priceFen) {
      const detail = `price: ${priceFen} fen is above the live price of "${product.sku}" (${product.priceFen} fen)`;
      throw new DeskError('bad_request', coded('flash.priceAboveLive', { sku: product.sku, priceFen, livePriceFen: product.priceFen }, detail), { field: 'price' });
    }
    if (!Number.isInteger(options.seconds) || options.seconds < 1) throw new DeskError('bad_request', coded('flash.badSeconds', {}, 'seconds: must be a whole number of at least 1'), { field: 'seconds' });
    if (options.stock !== undefined && (!Number.isInteger(options.stock) || options.stock < 1)) {
      throw new DeskError('bad_request', coded('flash.badStock', {}, 'stock: must be a whole number of at least 1 (omit it for no limit)'), { field: 'stock' });
    }
    const warmupMs = (options.warmupSeconds ?? 0) * 1000;
    if (!Number.isInteger(warmupMs) || warmupMs < 0) throw new DeskError('bad_request', coded('request.invalidField', { field: 'warmupSeconds' }, 'warmupSeconds: must be a whole number of at least 1'), { field: 'warmupSeconds' });
    const now = this.deps.clock.now();
    // With a 预热 the sale is announced now and opens later: orders count only from the opening.
    const at = now + warmupMs;
    const sale: FlashSale = {
      sku: product.sku,
      name: product.name,
      image: product.image,
      priceFen,
      regularFen: product.priceFen,
      startedAt: at,
      endsAt: at + options.seconds * 1000,
      stock: options.stock ?? null,
      sold: 0,
      oversold: 0,
      orders: 0,
      gmvFen: 0,
      ...(warmupMs > 0 && { announcedAt: now }),
    };
    this.current = sale;
    this.ended = null;
    const started = { sku: sale.sku, name: sale.name, priceFen, seconds: options.seconds, stock: sale.stock };
    const run = () => {
      // Review reads the sale's window from `flashsale.start`: it is logged when the sale opens.
      this.deps.log('flashsale.start', started);
      this.cancelTimer = this.deps.clock.after(options.seconds * 1000, () => this.end('time'));
    };
    if (warmupMs > 0) {
      this.deps.log('flashsale.warmup', { ...started, warmupSeconds: options.warmupSeconds });
      this.cancelTimer = this.deps.clock.after(warmupMs, () => {
        run();
        if (this.current) this.deps.publish({ flashSale: this.current });
      });
    } else run();
    this.deps.publish({ flashSale: sale });
    return sale;
  }

  stop(): FlashSaleResult {
    if (!this.current) throw new DeskError('conflict', coded('flash.notRunning', {}, 'no flash sale is running'));
    return this.end('stopped') as FlashSaleResult;
  }

  /** Counts new orders of the sale's product by their own ts; sells out when the stock is gone. */
  recordOrders(orders: readonly SoldOrder[]): void {
    let changed = false;
    for (const o of [...orders].sort((a, b) => a.ts - b.ts)) {
      const sale = this.current;
      if (sale && o.sku === sale.sku && o.ts >= sale.startedAt && o.ts < sale.endsAt) {
        this.current = { ...sale, ...addOrder(sale, o) };
        this.lastOrderTs = Math.max(this.lastOrderTs, o.ts);
        changed = true;
        if (sale.stock !== null && this.current.sold >= sale.stock) {
          this.end('sold-out', this.lastOrderTs + 1);
          changed = false;
        }
        continue;
      }
      const ended = this.ended;
      if (ended && o.sku === ended.sku && o.ts >= ended.startedAt && o.ts < ended.endedAt) {
        // A late order from inside an ended sale's window: it was a sale order, whatever its arrival.
        this.ended = { ...ended, ...addOrder(ended, o) };
        this.deps.publish({ flashSale: this.current, lastFlashSale: this.ended });
        if ((this.ended.oversold ?? 0) > (ended.oversold ?? 0)) this.deps.warnOversold(this.ended, this.ended.oversold ?? 0);
      }
    }
    if (!changed || !this.current) return;
    this.deps.publish({ flashSale: this.current });
    if ((this.current.oversold ?? 0) > 0) this.deps.warnOversold(this.current, this.current.oversold ?? 0);
  }

  /** The newest sale order's ts: a sell-out ends the sale there, as review reads the window. */
  private lastOrderTs = 0;

  /** Stops the countdown without logging (the desk is closing; the session log is already sealed). */
  dispose(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /** Ends a running sale (no-op without one); returns its result. `at`: just after the sell-out order. */
  end(reason: FlashSaleResult['reason'], at?: number): FlashSaleResult | null {
    const sale = this.current;
    if (!sale) return null;
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.current = null;
    this.lastOrderTs = 0;
    const now = this.deps.clock.now();
    if (now < sale.startedAt) return this.cancelWarmup(sale, reason, now);
    const endedAt = reason === 'time' ? sale.endsAt : Math.max(sale.startedAt, Math.min(at ?? now, sale.endsAt));
    const result: FlashSaleResult = { ...sale, endedAt, reason };
    this.ended = result;
    this.deps.log(
      'flashsale.end',
      {
        sku: sale.sku,
        reason,
        sold: sale.sold,
        oversold: sale.oversold ?? 0,
        stock: sale.stock,
        orders: sale.orders,
        gmvFen: sale.gmvFen,
        seconds: Math.round((endedAt - sale.startedAt) / 1000),
      },
      endedAt,
    );
    this.deps.publish({ flashSale: null, lastFlashSale: result });
    if ((sale.oversold ?? 0) > 0) this.deps.warnOversold(result, sale.oversold ?? 0);
    return result;
  }

  /** A sale stopped during its 预热 never opened: no result for review, only the cancellation logged. */
  private cancelWarmup(sale: FlashSale, reason: FlashSaleResult['reason'], now: number): FlashSaleResult {
    this.deps.log('flashsale.cancel', { sku: sale.sku, reason });
    this.deps.publish({ flashSale: null });
    return { ...sale, startedAt: now, endsAt: now, endedAt: now, reason };
  }
}

/** One more sale order: `sold` fills the stock, what does not fit is `oversold`. */
function addOrder(sale: FlashSale, order: SoldOrder): Pick<FlashSale, 'sold' | 'oversold' | 'orders' | 'gmvFen'> {
  const units = sale.sold + (sale.oversold ?? 0) + order.qty;
  const sold = sale.stock === null ? units : Math.min(units, sale.stock);
  return { sold, oversold: units - sold, orders: sale.orders + 1, gmvFen: sale.gmvFen + order.amountFen };
}
