import type { IngestEvent } from '../contract/index.js';

export interface ShowStreamOptions {
  /** Show start, ms since epoch. */
  startAt: number;
  /** Show length; events are spread evenly over it. */
  hours: number;
  /** Total events over the whole show. */
  events: number;
  batchSize: number;
  /** SKUs orders go to, round robin; each with its price in fen. */
  products: readonly { sku: string; priceFen: number }[];
  /** Prefix for order ids, so two streams into one session never collide. */
  orderPrefix?: string;
}

/** What a stream's events add up to, kept while generating: the ground truth rollups are checked against. */
export interface ShowTotals {
  events: number;
  orders: number;
  gmvFen: number;
  buyers: Set<string>;
  peakOnline: number;
  lastOnline: number | null;
  /** GMV and order count per SKU. */
  bySku: Map<string, { orders: number; gmvFen: number }>;
  /** Cumulative GMV at the end of each show hour (index 0 = end of hour 1). */
  gmvByHour: number[];
  lastTs: number;
}

export interface ShowBatch {
  events: IngestEvent[];
  /** Timestamp of the batch's last event: a simulated clock stands here after sending it. */
  endTs: number;
}

const COMMENTS = ['多少钱？', '有优惠吗', '已拍 ✓', '主播再讲一下材质', '发货快吗', 'Is it waterproof?', '求链接', '家人们冲'];

/** Online viewers over the show: a slow swell with a fast wobble, deterministic so totals are exact. */
const onlineAt = (i: number) => 2_000 + Math.round(1_500 * Math.sin(i / 50_000) ** 2 + 300 * Math.sin(i / 97));

/**
 * A deterministic live-room event stream (mostly likes, comments and viewer snapshots, one event in
 * ten an order) spread over `hours` of show time, in batches. Benchmarks and the soak test replay
 * hours of a show in seconds through it and compare what the desk rolled up with `totals`.
 */
export function* showStream(options: ShowStreamOptions, totals: ShowTotals = emptyTotals()): Generator<ShowBatch, ShowTotals> {
  const spanMs = options.hours * 3_600_000;
  const prefix = options.orderPrefix ?? 'O';
  const productCount = options.products.length;
  for (let first = 0; first < options.events; first += options.batchSize) {
    const last = Math.min(options.events, first + options.batchSize);
    const events: IngestEvent[] = new Array(last - first);
    let ts = options.startAt;
    for (let i = first; i < last; i++) {
      ts = options.startAt + Math.floor((i * spanMs) / options.events);
      events[i - first] = eventAt(i, ts, options, prefix, productCount, totals);
      const hour = Math.floor((ts - options.startAt) / 3_600_000);
      totals.gmvByHour[hour] = totals.gmvFen;
    }
    totals.events += last - first;
    totals.lastTs = ts;
    yield { events, endTs: ts };
  }
  return totals;
}

export function emptyTotals(): ShowTotals {
  return { events: 0, orders: 0, gmvFen: 0, buyers: new Set(), peakOnline: 0, lastOnline: null, bySku: new Map(), gmvByHour: [], lastTs: 0 };
}

function eventAt(i: number, ts: number, options: ShowStreamOptions, prefix: string, productCount: number, totals: ShowTotals): IngestEvent {
  switch (i % 10) {
    case 0: {
      const product = options.products[Math.floor(i / 10) % productCount] as { sku: string; priceFen: number };
      const buyer = `buyer-${i % 7_919}`;
      totals.orders += 1;
      totals.gmvFen += product.priceFen;
      totals.buyers.add(buyer);
      const sku = totals.bySku.get(product.sku) ?? { orders: 0, gmvFen: 0 };
      sku.orders += 1;
      sku.gmvFen += product.priceFen;
      totals.bySku.set(product.sku, sku);
      return { type: 'order', ts, orderId: `${prefix}-${i}`, sku: product.sku, qty: 1, amount: product.priceFen, buyer };
    }
    case 1:
    case 6: {
      const online = onlineAt(i);
      totals.peakOnline = Math.max(totals.peakOnline, online);
      totals.lastOnline = online;
      return { type: 'snapshot', ts, online, likes: i, viewsPv: i * 3 };
    }
    case 2:
    case 4:
    case 7:
      return { type: 'comment', ts, user: `viewer-${i % 20_011}`, text: COMMENTS[i % COMMENTS.length] as string };
    case 9:
      return { type: 'enter', ts, user: `viewer-${i % 20_011}` };
    default:
      return { type: 'like', ts, count: 1 + (i % 5) };
  }
}
