import type { CurrentProduct, Product } from '../contract/index.js';
import type { SessionsRepo } from '../store/sessions-repo.js';
import type { SessionLog } from '../engine/session-log.js';
import type { NewOrder } from '../metrics/ingest-service.js';

/**
 * The 讲解 (explain) flow: which product the host is presenting, since when, and what of it has sold
 * since. Each explain is a segment in the session log; no platform exports this, so the desk records
 * it itself (DESIGN §4).
 */
export class ExplainFlow {
  private current: CurrentProduct | null = null;
  private segmentId: number | null = null;

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
    this.closeSegment(at);
    const session = this.log.live;
    this.segmentId = session ? this.sessions.startSegment(session.id, product.sku, product.name, at) : null;
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
      this.sessions.endSegment(this.segmentId, at);
      this.log.log({ ts: at, kind: 'explain.end', data: { sku: this.current.sku, seconds: Math.round((at - this.current.since) / 1000) } });
    }
    this.segmentId = null;
  }

  /** A session started while a product is on screen: its explain continues as the session's first segment. */
  openSegment(at: number): void {
    const session = this.log.live;
    if (!this.current || !session || this.segmentId !== null) return;
    this.segmentId = this.sessions.startSegment(session.id, this.current.sku, this.current.name, at);
    this.current = { ...this.current, since: at, gmvFen: 0, orders: 0 };
    this.log.log({ ts: at, kind: 'explain.start', data: { sku: this.current.sku, name: this.current.name, priceFen: this.current.priceFen } });
    this.publish(this.current);
  }
}
