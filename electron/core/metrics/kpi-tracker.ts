import type { Kpi } from '../contract/index.js';

/**
 * The live session's running KPIs. Ingest stages changes on a copy and swaps it in only after the
 * batch is durable, so a rejected or failed batch never shows in the numbers.
 */
export class KpiTracker {
  online: number | null = null;
  peakOnline: number | null = null;
  gmvFen = 0;
  orders = 0;
  updatedAt: number | null = null;
  /** The last rollup second written; rollups never move backwards even if events arrive late. */
  lastSecond = 0;
  // Shared between a tracker and its staged clones; a clone's new buyers wait in `pending` until
  // commit(), so staging a batch costs nothing per known buyer.
  private buyers = new Set<string>();
  private pending = new Set<string>();
  private anonymousBuyers = 0;

  static restore(init: { online: number | null; peakOnline: number | null; gmvFen: number; orders: number; buyers: readonly string[] }): KpiTracker {
    const t = new KpiTracker();
    t.online = init.online;
    t.peakOnline = init.peakOnline;
    t.gmvFen = init.gmvFen;
    t.orders = init.orders;
    t.buyers = new Set(init.buyers);
    return t;
  }

  clone(): KpiTracker {
    const t = Object.assign(new KpiTracker(), this);
    t.pending = new Set(this.pending);
    return t;
  }

  /** Makes this staged tracker's new buyers permanent; call once its batch is durable. */
  commit(): this {
    for (const buyer of this.pending) this.buyers.add(buyer);
    this.pending.clear();
    return this;
  }

  applyOnline(online: number, ts: number): void {
    this.online = online;
    this.peakOnline = Math.max(this.peakOnline ?? 0, online);
    this.touch(ts);
  }

  applyOrder(amountFen: number, buyer: string | null, ts: number): void {
    this.gmvFen += amountFen;
    this.orders += 1;
    // An order without a buyer id still has a buyer; count each as distinct rather than none.
    if (buyer) {
      if (!this.buyers.has(buyer)) this.pending.add(buyer);
    } else this.anonymousBuyers += 1;
    this.touch(ts);
  }

  touch(ts: number): void {
    this.updatedAt = Math.max(this.updatedAt ?? 0, ts);
  }

  /** The rollup second an event at `ts` belongs to. */
  secondOf(ts: number): number {
    this.lastSecond = Math.max(this.lastSecond, Math.floor(ts / 1000));
    return this.lastSecond;
  }

  view(): Kpi {
    return {
      online: this.online,
      peakOnline: this.peakOnline,
      gmvFen: this.gmvFen,
      orders: this.orders,
      buyers: this.buyers.size + this.pending.size + this.anonymousBuyers,
      updatedAt: this.updatedAt,
    };
  }
}

export const EMPTY_KPI: Kpi = new KpiTracker().view();
