import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Desk } from '../engine/desk.js';

/**
 * Review benchmarks (DESIGN §7 `review-12h`): a 12-hour show with 2M logged events, reviewed from
 * its rollups, each answer timed against the floor of one plain scan of the session's raw log — what
 * any answer computed from the log itself would at least cost.
 */
export interface BenchResult {
  value: number;
  floor: number;
  unit: string;
}

export interface ReviewBenchOptions {
  /** Events in the generated session (default 2,000,000). */
  events?: number;
  /** Show length in hours (default 12). */
  hours?: number;
  /** Timed repetitions; the median is reported (default 7). */
  runs?: number;
}

interface Generated {
  desk: Desk;
  dir: string;
  sessionId: string;
  events: number;
  buildMs: number;
}

const generated = new Map<string, Promise<Generated>>();

/** Deterministic pseudo-random numbers, so every run benchmarks the same show. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function generate(events: number, hours: number): Promise<Generated> {
  const dir = mkdtempSync(join(tmpdir(), 'livedesk-bench-review-'));
  const clock = { t: Date.UTC(2026, 0, 10, 8, 0, 0) };
  const desk = new Desk({ dbFile: join(dir, 'desk.sqlite'), obsUrl: 'ws://127.0.0.1:9', demo: false, version: 'bench', now: () => clock.t });
  // No OBS: review needs none; the link just keeps retrying a closed port in the background.
  await desk.start();
  const products = Array.from({ length: 30 }, (_, i) => `SKU-${String(i + 1).padStart(2, '0')}`);
  products.forEach((sku, i) => desk.catalog.create({ sku, name: `商品 ${i + 1} 号`, priceFen: 990 + i * 1_000 }));
  const start = clock.t;
  const session = (await desk.dispatch({ type: 'session.start', title: '12 小时 bench' }, { surface: 'api' })) as { id: string };
  const spanMs = hours * 3_600_000;
  const perMs = events / spanMs;
  const random = rng(42);
  let written = 0;
  let orderNo = 0;
  let online = 500;
  let nextExplain = start;
  let explainIndex = 0;
  const BATCH = 10_000;
  // Walk the show in slices: explain a product every 5 minutes, a flash sale every 30, a marker every
  // hour, and fill each slice with its share of snapshots, comments, likes, entries and orders.
  for (let t = start; written < events; ) {
    const batch: Record<string, unknown>[] = [];
    const sliceEnd = Math.min(start + spanMs, t + Math.ceil(BATCH / perMs));
    while (nextExplain <= sliceEnd && nextExplain < start + spanMs) {
      clock.t = nextExplain;
      await desk.dispatch({ type: 'product.explain', sku: products[explainIndex++ % products.length] as string }, { surface: 'api' });
      if ((nextExplain - start) % 1_800_000 === 0) desk.log.log({ ts: nextExplain, kind: 'flashsale.start', data: { sku: products[explainIndex % products.length], priceFen: 990, seconds: 120, stock: 200 } });
      if ((nextExplain - start) % 3_600_000 === 0) desk.log.log({ ts: nextExplain, kind: 'mark', data: { label: `第 ${(nextExplain - start) / 3_600_000} 小时` } });
      nextExplain += 300_000;
    }
    const n = Math.min(BATCH, events - written);
    for (let i = 0; i < n; i++) {
      const ts = Math.min(start + spanMs - 1, Math.floor(t + (i / n) * (sliceEnd - t)));
      const r = random();
      if (i % 45 === 0) {
        online = Math.max(50, Math.round(online + (random() - 0.5) * 40));
        batch.push({ type: 'snapshot', ts, online, viewersUv: Math.floor((ts - start) / 100) });
      } else if (r < 0.025) batch.push({ type: 'order', ts, orderId: `B${++orderNo}`, sku: products[Math.floor(random() * products.length)], qty: 1, amount: 990 + Math.floor(random() * 30) * 1_000, buyer: `buyer-${Math.floor(random() * 20_000)}` });
      else if (r < 0.33) batch.push({ type: 'comment', ts, user: `v${Math.floor(random() * 50_000)}`, text: '好' });
      else if (r < 0.66) batch.push({ type: 'like', ts, count: 1 + Math.floor(random() * 5) });
      else if (r < 0.995) batch.push({ type: 'enter', ts, user: `v${Math.floor(random() * 50_000)}` });
      else batch.push({ type: 'follow', ts, user: `v${Math.floor(random() * 50_000)}` });
    }
    desk.ingest({ source: 'bench', events: batch });
    written += n;
    t = sliceEnd;
  }
  clock.t = start + spanMs;
  await desk.dispatch({ type: 'session.end', confirm: true }, { surface: 'api' });
  const t0 = performance.now();
  desk.review.repo.catchUp(session.id);
  const buildMs = performance.now() - t0;
  return { desk, dir, sessionId: session.id, events: desk.repos.sessions.eventCount(session.id), buildMs };
}

export function benchSession(options: ReviewBenchOptions): Promise<Generated> {
  const events = options.events ?? 2_000_000;
  const hours = options.hours ?? 12;
  const key = `${events}:${hours}`;
  let g = generated.get(key);
  if (!g) {
    g = generate(events, hours);
    generated.set(key, g);
  }
  return g;
}

function median(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** The floor: one pass over the session's raw log reading every event's payload. */
function scanFloor(g: Generated, runs: number): number {
  return median(Math.min(runs, 3), () => g.desk.review.repo.scanLog(g.sessionId));
}

/** Opening the review: header, KPI cards with previous/average, per-minute curves, segments and lanes. */
export async function reviewOpen12h(options: ReviewBenchOptions = {}): Promise<BenchResult> {
  const g = await benchSession(options);
  const runs = options.runs ?? 7;
  const value = median(runs, () => JSON.stringify(g.desk.review.queries.review(g.sessionId)));
  return { value, floor: scanFloor(g, runs), unit: 'ms' };
}

/** Redrawing the curves at another resolution (≤ 2,000 points: 12 h at 30 s is 1,441). */
export async function reviewRedraw12h(options: ReviewBenchOptions = {}): Promise<BenchResult> {
  const g = await benchSession(options);
  const runs = options.runs ?? 7;
  const value = median(runs, () => JSON.stringify(g.desk.review.queries.curveOf(g.sessionId, 30_000)));
  return { value, floor: scanFloor(g, runs), unit: 'ms' };
}

/** The per-product table (explains, sales during/outside, GMV per explain-minute, flash sales). */
export async function reviewProducts12h(options: ReviewBenchOptions = {}): Promise<BenchResult> {
  const g = await benchSession(options);
  const runs = options.runs ?? 7;
  const value = median(runs, () => JSON.stringify(g.desk.review.queries.products(g.sessionId)));
  return { value, floor: scanFloor(g, runs), unit: 'ms' };
}

/** The one-off rollup build a finished show gets (in the background at session end), against the same floor. */
export async function reviewRollupBuild12h(options: ReviewBenchOptions = {}): Promise<BenchResult> {
  const g = await benchSession(options);
  return { value: g.buildMs, floor: scanFloor(g, options.runs ?? 7), unit: 'ms' };
}

/** Closes the generated desks and removes their scratch databases. */
export async function closeReviewBench(): Promise<void> {
  for (const [key, g] of generated) {
    generated.delete(key);
    const { desk, dir } = await g;
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
