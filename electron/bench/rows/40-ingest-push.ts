import { setTimeout as delay } from 'node:timers/promises';
import type WebSocket from 'ws';
import type { WsServerMessage } from '../../core/contract/index.js';
import { showStream } from '../../core/testing/show-stream.js';
import { startBenchCore } from '../fixtures/bench-core.js';
import { nowMs, percentile } from '../stats.js';
import type { BenchRow } from '../types.js';

const BUDGET_MS = 60;
const RATE = 10_000;
const BATCH = 100;

/**
 * Ingest at 10k events/s (100-event batches every 10 ms on one socket) while a second socket
 * subscribes to the state: each batch's latency is from its send until the first pushed state whose
 * KPIs include its orders. The floor is the same batch's durable-write acknowledgement.
 */
export const row: BenchRow = {
  id: 'ingest-push',
  what: 'ingest event → KPI pushed to a subscriber, at 10k events/s',
  budget: 'p99 ≤ 60 ms',
  async run(ctx) {
    const seconds = ctx.quick ? 3 : 10;
    const core = await startBenchCore(ctx, 'push-core');
    const started = await core.api('POST', '/actions', { type: 'session.start', title: 'bench: push' });
    if (started.status !== 200) throw new Error(`session.start: ${JSON.stringify(started.body)}`);

    const products = [{ sku: 'PUSH-1', priceFen: 1_990 }];
    const plan = [...showStream({ startAt: Date.now(), hours: seconds / 3600, events: RATE * seconds, batchSize: BATCH, products })];
    let orders = 0;
    const batches = plan.map((b, i) => {
      orders += b.events.filter((e) => e.type === 'order').length;
      return { text: JSON.stringify({ type: 'ingest', id: String(i), batch: { events: b.events } }), orders, sentAt: 0, ackMs: 0, pushMs: 0 };
    });

    const subscriber = await core.socket();
    const ingest = await core.socket();
    let waiting = 0; // the first batch whose push has not been seen
    subscriber.on('message', (data: WebSocket.RawData) => {
      const at = nowMs();
      const message = JSON.parse(data.toString()) as WsServerMessage;
      if (message.type !== 'state') return;
      while (waiting < batches.length && (batches[waiting]?.sentAt ?? 0) > 0 && message.state.kpi.orders >= (batches[waiting] as { orders: number }).orders) {
        const b = batches[waiting++] as { sentAt: number; pushMs: number };
        b.pushMs = at - b.sentAt;
      }
    });
    let acked = 0;
    const allAcked = new Promise<void>((resolve, reject) => {
      ingest.on('message', (data: WebSocket.RawData) => {
        const at = nowMs();
        const message = JSON.parse(data.toString()) as WsServerMessage;
        if (message.type !== 'result') return;
        if (!message.ok) return reject(new Error(`batch refused: ${message.error?.message}`));
        const b = batches[Number(message.id)] as { sentAt: number; ackMs: number };
        b.ackMs = at - b.sentAt;
        if (++acked === batches.length) resolve();
      });
    });

    const t0 = nowMs();
    for (let i = 0; i < batches.length; i++) {
      const due = t0 + (i * 1000 * BATCH) / RATE;
      const wait = due - nowMs();
      if (wait > 1) await delay(wait);
      const b = batches[i] as { text: string; sentAt: number };
      b.sentAt = nowMs();
      ingest.send(b.text);
    }
    const sendSeconds = (nowMs() - t0) / 1000;
    await allAcked;
    const deadline = Date.now() + 5_000;
    while (waiting < batches.length && Date.now() < deadline) await delay(20);
    subscriber.close();
    ingest.close();
    await core.stop();
    if (waiting < batches.length) throw new Error(`${batches.length - waiting} batches never showed in a pushed state`);

    const value = percentile(batches.map((b) => b.pushMs), 99);
    return {
      part: 'p99',
      value,
      unit: 'ms',
      floor: percentile(batches.map((b) => b.ackMs), 99),
      floorWhat: 'durable-write ack of the same batch',
      meets: value <= BUDGET_MS,
      note: `${(RATE * seconds).toLocaleString('en-US')} events in ${batches.length} batches at ${Math.round((RATE * seconds) / sendSeconds).toLocaleString('en-US')} events/s achieved; push p50 ${percentile(batches.map((b) => b.pushMs), 50).toFixed(1)} ms`,
    };
  },
};
