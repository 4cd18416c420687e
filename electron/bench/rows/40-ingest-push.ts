import { setTimeout as delay } from 'node:timers/promises';
import type WebSocket from 'ws';
import type { WsServerMessage } from '../../core/contract/index.js';
import { showStream } from '../../core/testing/show-stream.js';
import { startLiveCore, type BenchCore } from '../fixtures/bench-core.js';
import { watchPushes, type PushWatch } from '../fixtures/push-watcher.js';
import { median, nowMs, percentile, spreadOf } from '../stats.js';
import type { BenchRow } from '../types.js';

const BUDGET_MS = 60;
const RATE = 10_000;
const BATCH = 100;
const CONSOLES = 2;
const OVERLAYS = 3;

interface Batch {
  text: string;
  orders: number;
  sentAt: number;
  ackMs: number;
  /** When each console, then each overlay, first held a state counting this batch's orders. */
  seenAt: number[];
}

/**
 * One run: `seconds` of ingest at 10k events/s (100-event batches every 10 ms on one socket) while
 * two consoles and three overlays follow the state by patches. A batch's latency is from its send
 * until every console holds KPIs that include its orders; the floor is the same batch's durable ack.
 */
async function runOnce(core: BenchCore, run: number, seconds: number, subscribers: PushWatch[], ingest: WebSocket) {
  const products = [{ sku: `PUSH-${run}`, priceFen: 1_990 }];
  const plan = [...showStream({ startAt: Date.now(), hours: seconds / 3600, events: RATE * seconds, batchSize: BATCH, products, orderPrefix: `r${run}-` })];
  const base = (await core.api('GET', '/state')).body.kpi.orders as number;
  let orders = base;
  const batches: Batch[] = plan.map((b, i) => {
    orders += b.events.filter((e) => e.type === 'order').length;
    return { text: JSON.stringify({ type: 'ingest', id: `${run}-${i}`, batch: { events: b.events } }), orders, sentAt: 0, ackMs: 0, seenAt: [] };
  });
  const cursors = subscribers.map(() => 0);
  const gapsBefore = subscribers.reduce((sum, w) => sum + w.gaps(), 0);
  subscribers.forEach((watch, s) => {
    watch.onOrders = (held, at) => {
      while (cursors[s]! < batches.length && batches[cursors[s]!]!.sentAt > 0 && held >= batches[cursors[s]!]!.orders) batches[cursors[s]!++]!.seenAt[s] = at;
    };
  });
  let acked = 0;
  const allAcked = new Promise<void>((resolve, reject) => {
    const onResult = (data: WebSocket.RawData) => {
      const at = nowMs();
      const message = JSON.parse(data.toString()) as WsServerMessage;
      if (message.type !== 'result' || !message.id?.startsWith(`${run}-`)) return;
      if (!message.ok) return reject(new Error(`batch refused: ${message.error?.message}`));
      const b = batches[Number(message.id.slice(message.id.indexOf('-') + 1))] as Batch;
      b.ackMs = at - b.sentAt;
      if (++acked === batches.length) {
        ingest.off('message', onResult);
        resolve();
      }
    };
    ingest.on('message', onResult);
  });
  const t0 = nowMs();
  for (let i = 0; i < batches.length; i++) {
    const wait = t0 + (i * 1000 * BATCH) / RATE - nowMs();
    if (wait > 1) await delay(wait);
    const b = batches[i] as Batch;
    b.sentAt = nowMs();
    ingest.send(b.text);
  }
  const sendSeconds = (nowMs() - t0) / 1000;
  await allAcked;
  const deadline = Date.now() + 5_000;
  while (cursors.some((c) => c < batches.length) && Date.now() < deadline) await delay(20);
  for (const watch of subscribers) watch.onOrders = () => undefined;
  const missing = cursors.reduce((sum, c) => sum + batches.length - c, 0);
  if (missing) throw new Error(`${missing} batch pushes never showed at a subscriber`);
  const consoleMs = batches.map((b) => Math.max(...b.seenAt.slice(0, CONSOLES)) - b.sentAt);
  const overlayMs = batches.map((b) => Math.max(...b.seenAt.slice(CONSOLES)) - b.sentAt);
  return {
    push: percentile(consoleMs, 99),
    pushP50: percentile(consoleMs, 50),
    overlay: percentile(overlayMs, 99),
    ack: percentile(batches.map((b) => b.ackMs), 99),
    rate: (RATE * seconds) / sendSeconds,
    gaps: subscribers.reduce((sum, w) => sum + w.gaps(), 0) - gapsBefore,
  };
}

export const row: BenchRow = {
  id: 'ingest-push',
  what: 'ingest event → KPI pushed to a subscriber, at 10k events/s',
  budget: 'p99 ≤ 60 ms',
  async run(ctx) {
    const runs = ctx.quick ? 3 : 5;
    const seconds = ctx.quick ? 1 : 2;
    const core = await startLiveCore(ctx, 'push-core', 'bench: push');
    const watches: PushWatch[] = [];
    const follow = (ws: WebSocket) => void watches.push(watchPushes(ws));
    const consoles = await Promise.all(Array.from({ length: CONSOLES }, () => core.socket('control', true, follow)));
    const overlays = await Promise.all(Array.from({ length: OVERLAYS }, () => core.socket('overlay', true, follow)));
    const ingest = await core.socket();
    const results = [];
    for (let r = 0; r < runs; r++) results.push(await runOnce(core, r, seconds, watches, ingest));
    for (const ws of [...consoles, ...overlays, ingest]) ws.close();
    await core.stop();

    const push = spreadOf(results.map((r) => r.push));
    const ack = spreadOf(results.map((r) => r.ack));
    return {
      part: 'p99',
      value: push.median,
      unit: 'ms',
      floor: ack.median,
      floorWhat: 'durable-write ack of the same batch',
      runs: push.runs,
      floorRuns: ack.runs,
      meets: push.median <= BUDGET_MS,
      note:
        `median of ${runs} runs of ${(RATE * seconds).toLocaleString('en-US')} events in ${BATCH}-event batches at ${Math.round(median(results.map((r) => r.rate))).toLocaleString('en-US')} events/s achieved, ` +
        `${CONSOLES} consoles and ${OVERLAYS} overlays following by patches; value: until both consoles hold the KPIs; push p50 ${median(results.map((r) => r.pushP50)).toFixed(1)} ms, ` +
        `overlays p99 ${median(results.map((r) => r.overlay)).toFixed(1)} ms${results.some((r) => r.gaps) ? `; ${results.reduce((s, r) => s + r.gaps, 0)} patch gaps resynced` : ''}`,
    };
  },
};
