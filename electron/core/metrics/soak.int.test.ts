import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import type { WsServerMessage } from '../contract/index.js';
import { startServer, type RunningServer } from '../server/server.js';
import { playShow, showDesk, simulatedClock, SHOW_PRODUCTS } from '../testing/play-show.js';
import type { Desk } from '../engine/desk.js';

/**
 * The soak: a 12-hour show compressed into seconds (a simulated clock, 360k events over WebSocket
 * with a state subscriber attached). The heap stays flat over the second half, and every rollup the
 * desk kept — totals, per-hour GMV, per-SKU sales, the downsampled timeline — matches the ground
 * truth the generator counted.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

const TOKEN = 'soak-test-token-0123456789';
const EVENTS = 360_000;
const dir = mkdtempSync(join(tmpdir(), 'livedesk-soak-'));
let desk: Desk | null = null;
let server: RunningServer | null = null;
afterAll(async () => {
  await server?.close();
  await desk?.close();
  rmSync(dir, { recursive: true, force: true });
});

function wsClient(url: string): Promise<{ ingest(batch: { events: unknown[] }): Promise<void>; states: () => number; close(): void }> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws?token=${TOKEN}`);
  const waiting = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
  let states = 0;
  let next = 0;
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as WsServerMessage;
    if (m.type === 'state') states++;
    if (m.type !== 'result' || m.id === null) return;
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.ok) w?.resolve();
    else w?.reject(new Error(`batch refused: ${m.error?.message}`));
  });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        ingest: (batch) =>
          new Promise((res, rej) => {
            const id = String(next++);
            waiting.set(id, { resolve: res, reject: rej });
            ws.send(JSON.stringify({ type: 'ingest', id, batch }));
          }),
        states: () => states,
        close: () => ws.close(),
      }),
    );
  });
}

describe('a compressed 12-hour show', () => {
  it('keeps memory flat and every rollup right', async () => {
    const start = Date.UTC(2026, 10, 11, 6, 0, 0);
    const clock = simulatedClock(start);
    desk = showDesk(dir, clock);
    await desk.start();
    server = await startServer({ desk, host: '127.0.0.1', port: 0, token: TOKEN, overlayToken: 'soak-overlay-token-0123456789', staticDir: join(dir, 'none') });
    const client = await wsClient(server.url);

    const heap: { done: number; mb: number }[] = [];
    let nextSample = 0.1;
    const t0 = Date.now();
    const { session, totals } = await playShow(desk, clock, {
      hours: 12,
      events: EVENTS,
      batchSize: 2_000,
      ingest: (_desk, batch) => client.ingest(batch),
      onProgress: (done) => {
        if (done + 1e-9 < nextSample) return;
        heap.push({ done: Math.round(done * 100), mb: Math.round(heapMb() * 10) / 10 });
        nextSample += 0.1;
      },
    });
    client.close();
    console.log(`[soak] 12 h, ${EVENTS.toLocaleString('en-US')} events in ${Date.now() - t0} ms; ${client.states()} state pushes; heap MB by % done: ${heap.map((h) => `${h.done}%:${h.mb}`).join(' ')}`);

    // Flat: the second half of the show adds (almost) nothing to the heap.
    const half = heap.find((h) => h.done >= 50) as { mb: number };
    const end = heap.at(-1) as { mb: number };
    expect(end.mb - half.mb).toBeLessThan(8);
    expect(client.states()).toBeGreaterThan(10);

    const d = desk;
    const queries = { list: d.repos.sessions.get(session.id), totals: d.repos.commerce.totals(session.id) };
    expect(queries.list).toMatchObject({ status: 'ended', startedAt: start, endedAt: start + 12 * 3_600_000 });
    expect(queries.totals).toEqual({ gmvFen: totals.gmvFen, refundFen: 0, orders: totals.orders, buyers: totals.buyers.size, peakOnline: totals.peakOnline });

    const res = await fetch(`${server.url}/api/v1/sessions/${session.id}/timeline?points=2000`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const timeline = (await res.json()) as { points: { ts: number; online: number | null; gmvFen: number; orders: number }[]; bucketMs: number; segments: unknown[] };
    expect(timeline.bucketMs).toBe(22_000);
    expect(timeline.points.length).toBeLessThanOrEqual(2_000);
    expect(timeline.points.length).toBeGreaterThan(1_900);
    expect(Math.max(...timeline.points.map((p) => p.online ?? 0))).toBe(totals.peakOnline);
    expect(timeline.points.at(-1)).toMatchObject({ gmvFen: totals.gmvFen, orders: totals.orders });
    expect(timeline.segments.length).toBeGreaterThanOrEqual(24);

    const db = new Database(join(dir, 'livedesk.sqlite'), { readonly: true });
    try {
      const gmvBefore = db.prepare<[string, number], { gmv_fen: number }>('SELECT gmv_fen FROM kpi_seconds WHERE session_id = ? AND second < ? ORDER BY second DESC LIMIT 1');
      totals.gmvByHour.forEach((gmv, hour) => {
        const boundary = (start + (hour + 1) * 3_600_000) / 1000;
        expect({ hour, gmv: gmvBefore.get(session.id, boundary)?.gmv_fen }).toEqual({ hour, gmv });
      });
      const bySku = db.prepare<[string], { sku: string; orders: number; gmv: number }>('SELECT sku, COUNT(*) AS orders, SUM(amount_fen) AS gmv FROM orders WHERE session_id = ? GROUP BY sku').all(session.id);
      expect(bySku).toHaveLength(SHOW_PRODUCTS.length);
      for (const row of bySku) expect({ sku: row.sku, orders: row.orders, gmvFen: row.gmv }).toEqual({ sku: row.sku, ...totals.bySku.get(row.sku) });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
