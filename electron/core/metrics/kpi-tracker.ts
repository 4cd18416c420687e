import { DEFAULT_BASIS, type IngestEvent, type Kpi, type KpiBasisPrefs, type ProductKpi } from '../contract/index.js';
import { deriveKpis } from './kpi-derive.js';
import { OnlineAverage } from './online-average.js';
import { StagedSet } from './staged-set.js';

type Snapshot = Extract<IngestEvent, { type: 'snapshot' }>;
type SnapshotCounter = 'viewersUv' | 'viewsPv' | 'likes' | 'comments' | 'newFollowers' | 'productExposures' | 'productClicks' | 'adSpend';
const SNAPSHOT_COUNTERS: readonly SnapshotCounter[] = ['viewersUv', 'viewsPv', 'likes', 'comments', 'newFollowers', 'productExposures', 'productClicks', 'adSpend'];

/** An order line as the tracker sees it; `duringExplain` when its SKU was on screen at the time. */
export interface OrderLine {
  sku: string;
  qty: number;
  duringExplain: boolean;
}

/**
 * The live session's running KPIs. Ingest stages changes on a copy and swaps it in only after the
 * batch is durable, so a rejected or failed batch never shows in the numbers.
 *
 * A counter a connector reports in snapshots (cumulative, e.g. `viewersUv`) wins over the count of
 * the matching single events (`enter`), so a connector that sends both is not counted twice.
 */
export class KpiTracker {
  online: number | null = null;
  peakOnline: number | null = null;
  gmvFen = 0;
  orders = 0;
  refundFen = 0;
  updatedAt: number | null = null;
  /** The last rollup second written; rollups never move backwards even if events arrive late. */
  lastSecond = 0;
  private snapshot: Partial<Record<SnapshotCounter, number>> = {};
  /** The ts of the reading each snapshot counter holds: an older snapshot never overwrites a newer one. */
  private snapshotTs: Partial<Record<SnapshotCounter, number>> = {};
  private buyers = new StagedSet();
  private anonymousBuyers = 0;
  private enterUsers = new StagedSet();
  private enters = 0;
  private likeSum = 0;
  private commentCount = 0;
  private followers = new StagedSet();
  private interactors = new StagedSet();
  private products = new Map<string, ProductKpi>();
  /** The show's start: minutes of 平均在线 count from it (see OnlineAverage), as the review's do. */
  origin: number | null = null;
  private average: OnlineAverage | null = null;
  private watchSeconds = 0;
  private lastOnlineTs: number | null = null;

  static restore(init: { online: number | null; peakOnline: number | null; gmvFen: number; orders: number; buyers: readonly string[] }): KpiTracker {
    const t = new KpiTracker();
    t.online = init.online;
    t.peakOnline = init.peakOnline;
    t.gmvFen = init.gmvFen;
    t.orders = init.orders;
    t.buyers = StagedSet.of(init.buyers);
    return t;
  }

  clone(): KpiTracker {
    const t = Object.assign(new KpiTracker(), this);
    t.snapshot = { ...this.snapshot };
    t.snapshotTs = { ...this.snapshotTs };
    t.buyers = this.buyers.fork();
    t.enterUsers = this.enterUsers.fork();
    t.followers = this.followers.fork();
    t.interactors = this.interactors.fork();
    t.products = new Map([...this.products].map(([sku, p]) => [sku, { ...p }]));
    t.average = this.average?.clone() ?? null;
    return t;
  }

  /** Makes this staged tracker's new members permanent; call once its batch is durable. */
  commit(): this {
    this.buyers.commit();
    this.enterUsers.commit();
    this.followers.commit();
    this.interactors.commit();
    return this;
  }

  applyOnline(online: number, ts: number): void {
    if (this.online !== null && this.lastOnlineTs !== null && ts > this.lastOnlineTs) {
      this.watchSeconds += (this.online * (ts - this.lastOnlineTs)) / 1000;
    }
    (this.average ??= new OnlineAverage(this.origin ?? 0)).add(ts, online);
    // A late reading (an earlier minute) still moves the gauge but not the closed minutes.
    if (this.lastOnlineTs === null || ts >= this.lastOnlineTs) {
      this.online = online;
      this.lastOnlineTs = ts;
    }
    this.peakOnline = Math.max(this.peakOnline ?? 0, online);
    this.touch(ts);
  }

  applySnapshot(event: Snapshot): void {
    if (event.online !== undefined) this.applyOnline(event.online, event.ts);
    else this.touch(event.ts);
    for (const key of SNAPSHOT_COUNTERS) {
      const value = event[key];
      if (value === undefined || event.ts < (this.snapshotTs[key] ?? -Infinity)) continue;
      this.snapshot[key] = value;
      this.snapshotTs[key] = event.ts;
    }
  }

  /** Whether this buyer is among the distinct buyers counted so far. */
  countsBuyer(buyer: string): boolean {
    return this.buyers.has(buyer);
  }

  applyOrder(amountFen: number, buyer: string | null, ts: number, line?: OrderLine): void {
    this.gmvFen += amountFen;
    this.orders += 1;
    // An order without a buyer id still has a buyer; count each as distinct rather than none.
    if (buyer) this.buyers.add(buyer);
    else this.anonymousBuyers += 1;
    if (line) {
      const p = this.products.get(line.sku) ?? { sku: line.sku, gmvFen: 0, orders: 0, qty: 0, explainGmvFen: 0, explainOrders: 0 };
      p.gmvFen += amountFen;
      p.orders += 1;
      p.qty += line.qty;
      if (line.duringExplain) {
        p.explainGmvFen += amountFen;
        p.explainOrders += 1;
      }
      this.products.set(line.sku, p);
    }
    this.touch(ts);
  }

  applyRefund(amountFen: number, ts: number): void {
    this.refundFen += amountFen;
    this.touch(ts);
  }

  applyComment(user: string, ts: number): void {
    this.commentCount += 1;
    this.interactors.add(user);
    this.touch(ts);
  }

  applyLike(count: number, ts: number): void {
    this.likeSum += count;
    this.touch(ts);
  }

  applyFollow(user: string, ts: number): void {
    this.followers.add(user);
    this.interactors.add(user);
    this.touch(ts);
  }

  applyEnter(user: string, ts: number): void {
    this.enters += 1;
    this.enterUsers.add(user);
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

  get averageOnline(): number | null {
    return this.average?.value ?? null;
  }

  view(basis: KpiBasisPrefs = DEFAULT_BASIS): Kpi {
    const s = this.snapshot;
    const buyers = this.buyers.size + this.anonymousBuyers;
    const detail = deriveKpis(
      {
        gmvFen: this.gmvFen,
        orders: this.orders,
        buyers,
        averageOnline: this.averageOnline,
        watchSeconds: this.watchSeconds,
        viewersUv: s.viewersUv ?? this.enterUsers.size,
        viewsPv: s.viewsPv ?? this.enters,
        likes: s.likes ?? this.likeSum,
        comments: s.comments ?? this.commentCount,
        newFollowers: s.newFollowers ?? this.followers.size,
        interactors: this.interactors.size,
        productExposures: s.productExposures ?? 0,
        productClicks: s.productClicks ?? 0,
        adSpendFen: s.adSpend ?? 0,
        refundFen: this.refundFen,
        products: [...this.products.values()].sort((a, b) => b.gmvFen - a.gmvFen || a.sku.localeCompare(b.sku)),
      },
      basis,
    );
    return { online: this.online, peakOnline: this.peakOnline, gmvFen: this.gmvFen, orders: this.orders, buyers, updatedAt: this.updatedAt, detail };
  }
}

export const EMPTY_KPI: Kpi = new KpiTracker().view();
