/**
 * The oracle show's model: what a truthful desk must show, computed from the script alone, without any
 * of the desk's code. Each rule is the spec in a few lines (DESIGN §3.4, issue 16); the oracle test
 * compares every surface of the desk with `figures()` after every step.
 */
export interface ModelOrder {
  orderId: string;
  sku: string;
  qty: number;
  amount: number;
  buyer?: string;
  ts: number;
}

interface Sale {
  sku: string;
  stock: number;
  startedAt: number;
  /** Exclusive end: set when the stock ran out (just after the selling order), or on stop. */
  endedAt: number | null;
  reason: 'sold-out' | 'stopped' | null;
  /** Units of sale orders in arrival order (the desk only knows what has arrived). */
  units: number;
}

export interface ProductFigures {
  gmvFen: number;
  orders: number;
  qty: number;
  explainGmvFen: number;
  explainOrders: number;
}

export interface Figures {
  gmvFen: number;
  orders: number;
  buyers: number;
  refundFen: number;
  peakOnline: number | null;
  online: number | null;
  counters: Record<string, number>;
  products: Record<string, ProductFigures>;
  sale: { sku: string; sold: number; oversold: number; running: boolean; reason: Sale['reason'] } | null;
  /** Units refused in refunds (repeated, larger than the order, unknown order). */
  refundExcessFen: number;
}

export class ShowModel {
  readonly orders = new Map<string, ModelOrder>();
  private readonly refundKeys = new Set<string>();
  private readonly refunded = new Map<string, number>();
  private refundExcess = 0;
  private readonly latest = new Map<string, { ts: number; value: number }>();
  private online: { ts: number; value: number } | null = null;
  private peak: number | null = null;
  readonly windows: { sku: string; since: number; until: number | null }[] = [];
  private sale: Sale | null = null;

  explain(sku: string, at: number): void {
    this.closeExplain(at);
    this.windows.push({ sku, since: at, until: null });
  }

  /** The 讲解 on screen ends (the session ended). */
  closeExplain(at: number): void {
    const open = this.windows.at(-1);
    if (open && open.until === null) open.until = at;
  }

  snapshot(event: { ts: number; online?: number } & Record<string, number | string | undefined>): void {
    for (const [key, value] of Object.entries(event)) {
      if (key === 'ts' || key === 'type' || typeof value !== 'number') continue;
      if (key === 'online') {
        this.peak = Math.max(this.peak ?? 0, value);
        if (!this.online || event.ts >= this.online.ts) this.online = { ts: event.ts, value };
        continue;
      }
      const held = this.latest.get(key);
      if (!held || event.ts >= held.ts) this.latest.set(key, { ts: event.ts, value });
    }
  }

  /** Orders arrive in batches; within one the desk takes them by ts. */
  orderBatch(batch: readonly ModelOrder[]): void {
    for (const o of [...batch].sort((a, b) => a.ts - b.ts)) {
      if (this.orders.has(o.orderId)) continue;
      this.orders.set(o.orderId, o);
      const sale = this.sale;
      if (!sale || o.sku !== sale.sku || o.ts < sale.startedAt || (sale.endedAt !== null && o.ts >= sale.endedAt)) continue;
      sale.units += o.qty;
      if (sale.endedAt === null && sale.units >= sale.stock) {
        sale.endedAt = o.ts + 1;
        sale.reason = 'sold-out';
      }
    }
  }

  refund(orderId: string, amount: number, ts: number): void {
    const key = `${orderId}|${ts}|${amount}`;
    if (this.refundKeys.has(key)) return; // a retried batch
    this.refundKeys.add(key);
    const order = this.orders.get(orderId);
    const left = order ? order.amount - (this.refunded.get(orderId) ?? 0) : 0;
    const taken = Math.min(amount, left);
    this.refunded.set(orderId, (this.refunded.get(orderId) ?? 0) + taken);
    this.refundExcess += amount - taken;
  }

  startSale(sku: string, stock: number, at: number): void {
    this.sale = { sku, stock, startedAt: at, endedAt: null, reason: null, units: 0 };
  }

  figures(): Figures {
    const orders = [...this.orders.values()];
    const named = new Set(orders.filter((o) => o.buyer).map((o) => o.buyer));
    const products: Record<string, ProductFigures> = {};
    for (const o of orders) {
      const p = (products[o.sku] ??= { gmvFen: 0, orders: 0, qty: 0, explainGmvFen: 0, explainOrders: 0 });
      p.gmvFen += o.amount;
      p.orders += 1;
      p.qty += o.qty;
      if (this.windows.some((w) => w.sku === o.sku && o.ts >= w.since && (w.until === null || o.ts < w.until))) {
        p.explainGmvFen += o.amount;
        p.explainOrders += 1;
      }
    }
    const sale = this.sale;
    return {
      gmvFen: orders.reduce((s, o) => s + o.amount, 0),
      orders: orders.length,
      buyers: named.size + orders.filter((o) => !o.buyer).length,
      refundFen: [...this.refunded.values()].reduce((s, v) => s + v, 0),
      refundExcessFen: this.refundExcess,
      peakOnline: this.peak,
      online: this.online?.value ?? null,
      counters: Object.fromEntries([...this.latest].map(([k, v]) => [k, v.value])),
      products,
      sale: sale && {
        sku: sale.sku,
        sold: Math.min(sale.units, sale.stock),
        oversold: Math.max(0, sale.units - sale.stock),
        running: sale.endedAt === null,
        reason: sale.reason,
      },
    };
  }
}
