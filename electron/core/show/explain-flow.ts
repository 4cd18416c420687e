import type { CurrentProduct, Product } from '../contract/index.js';
import type { SessionsRepo } from '../store/sessions-repo.js';
import type { SessionLog } from '../engine/session-log.js';
import type { NewOrder } from '../metrics/ingest-service.js';

/**
 * The 讲解 (explain) flow: which product the host is presenting, since when, and what of it has sold
 * since. Each explain is a segment in the session log; no platform exports this, so the desk records
 * it itself (DESIGN §4).
 */
/** How many past 讲解 windows late orders are matched against (a long show has a few hundred). */
const MAX_WINDOWS = 2_000;

export class ExplainFlow {
  private current: CurrentProduct | null = null;
  private segmentId: number | null = null;
  /** This session's 讲解 windows, [since, until), so a late order counts for the explain it fell in. */
  private windows: { sku: string; since: number; until: number | null }[] = [];
  private windowsFor: string | null = null;

  constructor(
    private readonly sessions: SessionsRepo,
    private readonly log: SessionLog,
    private readonly publish: (product: CurrentProduct | null) => void,
  ) {}

  get product(): CurrentProduct | null {
    return this.current;
  }

  /** Starts explaining `product`, ending the previous explain. Re-explaining the same product is a no-op. */
  explain(product: Product, at: number): { changed: boolean } {
    if (this.current?.sku === product.sku) return { changed: false };
    this.sync();
    this.closeSegment(at);
    const session = this.log.live;
    this.segmentId = session ? this.sessions.startSegment(session.id, product.sku, product.name, at) : null;
    if (session) this.openWindow(product.sku, at);
    this.log.log({ ts: at, kind: 'explain.start', data: { sku: product.sku, name: product.name, priceFen: product.priceFen } });
    this.current = { sku: product.sku, name: product.name, priceFen: product.priceFen, image: product.image, since: at, gmvFen: 0, orders: 0 };
    this.publish(this.current);
    return { changed: true };
  }

  clear(at: number): { changed: boolean } {
    if (!this.current) return { changed: false };
    this.closeSegment(at);
    this.current = null;
    this.publish(null);
    return { changed: true };
  }

  /** Keeps the current card in step with catalog edits (name, price) without restarting the explain. */
  refresh(product: Product | null): void {
    if (!this.current) return;
    if (!product) return void this.clear(Date.now());
    this.current = { ...this.current, name: product.name, priceFen: product.priceFen, image: product.image };
    this.publish(this.current);
  }

  /**
   * Whether `sku` was being explained at `ts` in this session, by the order's own time: an order placed
   * during a 讲解 counts for it even when it arrives after the next one started (as review counts it).
   */
  explainedAt(sku: string, ts: number): boolean {
    this.sync();
    return this.windows.some((w) => w.sku === sku && ts >= w.since && (w.until === null || ts < w.until));
  }

  /** A new or resumed session: its windows are its own segments, as the database has them (also after a crash). */
  private sync(): void {
    const live = this.log.live;
    if ((live?.id ?? null) === this.windowsFor) return;
    this.windowsFor = live?.id ?? null;
    this.windows = live ? this.sessions.segments(live.id).slice(-MAX_WINDOWS).map((s) => ({ sku: s.sku, since: s.startedAt, until: s.endedAt ?? null })) : [];
  }

  private openWindow(sku: string, at: number): void {
    this.windows.push({ sku, since: at, until: null });
    if (this.windows.length > MAX_WINDOWS) this.windows.shift();
  }

  /** Counts orders of the explained product placed since its explain began. */
  recordOrders(orders: readonly NewOrder[]): void {
    const current = this.current;
    if (!current) return;
    let gmvFen = current.gmvFen;
    let count = current.orders;
    for (const o of orders) {
      if (o.sku === current.sku && o.ts >= current.since) {
        gmvFen += o.amountFen;
        count += 1;
      }
    }
    if (count === current.orders) return;
    this.current = { ...current, gmvFen, orders: count };
    this.publish(this.current);
  }

  /** Ends the open segment, e.g. when the session ends; the card stays on screen. */
  closeSegment(at: number): void {
    if (this.current && this.segmentId !== null) {
      this.sync();
      this.sessions.endSegment(this.segmentId, at);
      const open = this.windows.at(-1);
      if (open && open.until === null) open.until = at;
      this.log.log({ ts: at, kind: 'explain.end', data: { sku: this.current.sku, seconds: Math.round((at - this.current.since) / 1000) } });
    }
    this.segmentId = null;
  }

  /** A session started while a product is on screen: its explain continues as the session's first segment. */
  openSegment(at: number): void {
    const session = this.log.live;
    if (!this.current || !session || this.segmentId !== null) return;
    this.sync();
    this.segmentId = this.sessions.startSegment(session.id, this.current.sku, this.current.name, at);
    this.openWindow(this.current.sku, at);
    this.current = { ...this.current, since: at, gmvFen: 0, orders: 0 };
    this.log.log({ ts: at, kind: 'explain.start', data: { sku: this.current.sku, name: this.current.name, priceFen: this.current.priceFen } });
    this.publish(this.current);
  }
}
