import { coded, DeskError, type FlashSale, type FlashSaleResult, type Product } from '../contract/index.js';
import type { Clock } from './clock.js';

export interface FlashSaleDeps {
  clock: Clock;
  /** Appends to the session log (a no-op without a live session). */
  log: (kind: string, data: Record<string, unknown>) => void;
  publish: (change: { flashSale: FlashSale | null; lastFlashSale?: FlashSaleResult | null }) => void;
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
 */
export class FlashSales {
  private current: FlashSale | null = null;
  private cancelTimer: (() => void) | null = null;

  constructor(private readonly deps: FlashSaleDeps) {}

  get sale(): FlashSale | null {
    return this.current;
  }

  start(product: Product, options: { price?: number | undefined; seconds: number; stock?: number | undefined }): FlashSale {
    if (this.current) throw new DeskError('conflict', coded('flash.running', { name: this.current.name }, `a flash sale of "${this.current.name}" is running; stop it first (flashsale.stop)`));
    const priceFen = options.price ?? product.flashPriceFen;
    if (priceFen == null) {
      const detail = `price: "${product.sku}" has no flash-sale price in the catalog; send a price in fen`;
      throw new DeskError('bad_request', coded('flash.noPrice', { sku: product.sku }, detail), { field: 'price' });
    }
    const at = this.deps.clock.now();
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
      orders: 0,
      gmvFen: 0,
    };
    this.current = sale;
    this.cancelTimer = this.deps.clock.after(options.seconds * 1000, () => this.end('time'));
    this.deps.log('flashsale.start', { sku: sale.sku, name: sale.name, priceFen, seconds: options.seconds, stock: sale.stock });
    this.deps.publish({ flashSale: sale });
    return sale;
  }

  stop(): FlashSaleResult {
    if (!this.current) throw new DeskError('conflict', coded('flash.notRunning', {}, 'no flash sale is running'));
    return this.end('stopped') as FlashSaleResult;
  }

  /** Counts orders of the flash-sale product placed during the sale; sells out when the stock is gone. */
  recordOrders(orders: readonly SoldOrder[]): void {
    const sale = this.current;
    if (!sale) return;
    let { sold, orders: count, gmvFen } = sale;
    for (const o of orders) {
      if (o.sku !== sale.sku || o.ts < sale.startedAt || o.ts > sale.endsAt) continue;
      sold += o.qty;
      count += 1;
      gmvFen += o.amountFen;
    }
    if (count === sale.orders) return;
    this.current = { ...sale, sold, orders: count, gmvFen };
    if (sale.stock !== null && sold >= sale.stock) this.end('sold-out');
    else this.deps.publish({ flashSale: this.current });
  }

  /** Stops the countdown without logging (the desk is closing; the session log is already sealed). */
  dispose(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /** Ends a running sale (no-op without one); returns its result. */
  end(reason: FlashSaleResult['reason']): FlashSaleResult | null {
    const sale = this.current;
    if (!sale) return null;
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.current = null;
    const endedAt = reason === 'time' ? sale.endsAt : this.deps.clock.now();
    const result: FlashSaleResult = { ...sale, endedAt, reason };
    this.deps.log('flashsale.end', {
      sku: sale.sku,
      reason,
      sold: sale.sold,
      stock: sale.stock,
      orders: sale.orders,
      gmvFen: sale.gmvFen,
      seconds: Math.round((endedAt - sale.startedAt) / 1000),
    });
    this.deps.publish({ flashSale: null, lastFlashSale: result });
    return result;
  }
}
