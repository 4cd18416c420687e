import { join } from 'node:path';
import type { SessionSummary } from '../contract/index.js';
import { Desk } from '../engine/desk.js';
import type { ObsLinkOptions, ObsLink } from '../obs/types.js';
import { emptyTotals, showStream, type ShowTotals } from './show-stream.js';

export const SHOW_PRODUCTS = Array.from({ length: 20 }, (_, i) => ({ sku: `SKU-${String(i + 1).padStart(2, '0')}`, name: `商品 ${i + 1} Product`, priceFen: 990 + i * 1_000 }));

export interface PlayShowOptions {
  hours: number;
  events: number;
  batchSize?: number;
  /** Minutes of show time between two explains (product.next). */
  explainEveryMinutes?: number;
  /** Called after each batch with the share of the show done (0..1]; may await (e.g. to sample memory). */
  onProgress?: (done: number) => void | Promise<void>;
  /** Feeds each batch; default desk.ingest (the path HTTP and WebSocket ingest take after parsing). */
  ingest?: (desk: Desk, batch: { events: unknown[] }) => void | Promise<void>;
}

export interface SimulatedClock {
  now: () => number;
  set(ms: number): void;
}

export function simulatedClock(start: number): SimulatedClock {
  let t = start;
  return { now: () => t, set: (ms) => (t = Math.max(t, ms)) };
}

/** A desk on a simulated clock, with no OBS (hours of show time pass in seconds; OBS is not the subject). */
export function showDesk(dir: string, clock: SimulatedClock, obsFactory?: (options: ObsLinkOptions) => ObsLink): Desk {
  return new Desk({ dbFile: join(dir, 'livedesk.sqlite'), obsUrl: 'ws://127.0.0.1:9', demo: false, version: 'show', now: clock.now, ...(obsFactory && { obsFactory }) });
}

/**
 * Plays a whole show through a desk on a simulated clock: catalog, session.start, `hours` of
 * audience and orders (see showStream) with a product explained every half hour, session.end.
 * Returns the session and the ground-truth totals its rollups must match.
 */
export async function playShow(desk: Desk, clock: SimulatedClock, options: PlayShowOptions): Promise<{ session: SessionSummary; totals: ShowTotals }> {
  for (const p of SHOW_PRODUCTS) if (!desk.catalog.list().some((q) => q.sku === p.sku)) desk.catalog.create(p);
  const start = clock.now();
  await desk.dispatch({ type: 'session.start', title: `${options.hours} 小时 rehearsal` }, { surface: 'system' });
  const explainEvery = (options.explainEveryMinutes ?? 30) * 60_000;
  let nextExplain = start;
  const totals = emptyTotals();
  const ingest = options.ingest ?? ((d, batch) => void d.ingest(batch));
  const stream = showStream({ startAt: start, hours: options.hours, events: options.events, batchSize: options.batchSize ?? 5_000, products: SHOW_PRODUCTS }, totals);
  for (const batch of stream) {
    if (batch.endTs >= nextExplain) {
      clock.set(batch.events[0]?.ts ?? batch.endTs);
      await desk.dispatch({ type: 'product.next' }, { surface: 'system' }).catch(() => desk.dispatch({ type: 'product.explain', sku: SHOW_PRODUCTS[0]?.sku }, { surface: 'system' }));
      nextExplain += explainEvery;
    }
    clock.set(batch.endTs);
    await ingest(desk, { events: batch.events });
    await options.onProgress?.(totals.events / options.events);
  }
  clock.set(start + options.hours * 3_600_000);
  const ended = (await desk.dispatch({ type: 'session.end', confirm: true }, { surface: 'system' })) as SessionSummary;
  return { session: ended, totals };
}
