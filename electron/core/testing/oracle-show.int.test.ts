import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeskState } from '../contract/index.js';
import { startCoreProcess, type CoreProcess } from './core-process.js';
import { expectedKpi, keyLooks, kpiFigures, openOverlay, type OverlaySocket } from './oracle/desk-surfaces.js';
import { ShowModel, type ModelOrder } from './oracle/show-model.js';

/**
 * THE ORACLE SHOW (DESIGN §6 item 4): one scripted show through the public interfaces of a real core
 * process. After every step, `/state`, the overlay socket, the virtual deck's keys, the session log
 * and the review must agree with figures the model (oracle/show-model.ts) computes from the script
 * alone. A feature that publishes a number joins by adding a step and what the model expects of it.
 */
const TOKEN = 'oracle-show-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'livedesk-oracle-'));
const args = ['--data-dir', dir, '--port', '0', '--token', TOKEN, '--obs-url', 'ws://127.0.0.1:9'];

interface Show {
  core: CoreProcess;
  overlay: OverlaySocket;
  model: ShowModel;
  sessionId: string;
  /** The running sale's start as the desk stamped it. */
  saleStart: number;
}
interface Step {
  name: string;
  run: (show: Show) => Promise<void>;
  /** After the session ended only its log and its review speak for it. */
  ended?: boolean;
}

const state = async (show: Show) => (await show.core.api('GET', '/state')).body as DeskState;
async function action(show: Show, body: Record<string, unknown>) {
  const res = await show.core.api('POST', '/actions', body);
  expect(res.status, `${String(body.type)}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.result;
}
async function ingest(show: Show, events: Record<string, unknown>[]) {
  const res = await show.core.api('POST', '/ingest', { events });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body as { accepted: number; duplicates: number; early?: number };
}
/** Orders go to the desk and to the model alike. */
async function orders(show: Show, batch: ModelOrder[]) {
  await ingest(show, batch.map((o) => ({ type: 'order', ...o })));
  show.model.orderBatch(batch);
}
async function explain(show: Show, sku: string) {
  await action(show, { type: 'product.explain', sku });
  show.model.explain(sku, (await state(show)).product?.since as number);
}

const steps: Step[] = [
  {
    name: '讲解 TEA-01: audience figures and two orders (one buyer named, one not)',
    run: async (show) => {
      await explain(show, 'TEA-01');
      const t = Date.now();
      const snapshot = { ts: t, online: 300, viewersUv: 1_000, viewsPv: 1_600, likes: 50, productExposures: 400, productClicks: 60, adSpend: 10_000 };
      await ingest(show, [{ type: 'snapshot', ...snapshot }]);
      show.model.snapshot(snapshot);
      await orders(show, [
        { orderId: 'T1', sku: 'TEA-01', qty: 1, amount: 12_800, buyer: 'alice', ts: t },
        { orderId: 'T2', sku: 'TEA-01', qty: 2, amount: 25_600, ts: t },
      ]);
    },
  },
  {
    name: 'counters and an order stamped before the session started (a previous stream) count nowhere',
    run: async (show) => {
      const { startedAt } = (await show.core.api('GET', `/sessions/${show.sessionId}`)).body as { startedAt: number };
      const before = startedAt - 60_000;
      const res = await ingest(show, [
        { type: 'snapshot', ts: before, online: 9_999, viewersUv: 50_000, likes: 8_000 },
        { type: 'order', orderId: 'OLD-1', sku: 'TEA-01', qty: 1, amount: 12_800, buyer: 'zoe', ts: before + 1 },
      ]);
      // The model is left as it was: every surface must still show the figures of this show alone.
      expect(res).toEqual({ accepted: 0, duplicates: 0, early: 2 });
      expect((await state(show)).alerts.map((a) => a.id)).toContain('ingest-early');
    },
  },
  {
    name: '讲解 CUP-02; a late tea order (placed during the tea explain) and an older snapshot arrive',
    run: async (show) => {
      const teaSince = show.model.windows.at(-1)?.since as number;
      await explain(show, 'CUP-02');
      await orders(show, [{ orderId: 'T3', sku: 'TEA-01', qty: 1, amount: 12_800, buyer: 'bob', ts: teaSince }]);
      const stale = { ts: teaSince - 5_000, online: 280, viewersUv: 900, likes: 10 };
      await ingest(show, [{ type: 'snapshot', ...stale }]);
      show.model.snapshot(stale);
    },
  },
  {
    name: 'flash sale of CUP-02 (stock 3) sells out; the order after the sell-out is an ordinary order',
    run: async (show) => {
      await action(show, { type: 'flashsale.start', sku: 'CUP-02', seconds: 600, stock: 3 });
      show.saleStart = (await state(show)).flashSale?.startedAt as number;
      show.model.startSale('CUP-02', 3, show.saleStart);
      await orders(show, [{ orderId: 'F1', sku: 'CUP-02', qty: 2, amount: 5_980, buyer: 'carol', ts: show.saleStart + 10 }]);
      await orders(show, [
        { orderId: 'F2', sku: 'CUP-02', qty: 1, amount: 2_990, buyer: 'dave', ts: show.saleStart + 20 },
        { orderId: 'F3', sku: 'CUP-02', qty: 1, amount: 3_990, buyer: 'erin', ts: show.saleStart + 30 },
      ]);
      expect((await state(show)).lastFlashSale).toMatchObject({ reason: 'sold-out', sold: 3 });
    },
  },
  {
    name: 'a late sale order placed before the sell-out: sold stays 3, oversold 1, and the desk says so',
    run: async (show) => {
      await orders(show, [{ orderId: 'F0', sku: 'CUP-02', qty: 1, amount: 2_990, buyer: 'carol', ts: show.saleStart + 5 }]);
      expect((await state(show)).alerts.map((a) => a.id)).toContain('flashsale-oversold');
    },
  },
  {
    name: 'refunds: part of an order, a repeat beyond what is left, an unknown order, a retried batch',
    run: async (show) => {
      const t = Date.now();
      const refunds = [
        { orderId: 'T2', amount: 10_000, ts: t },
        { orderId: 'T2', amount: 20_000, ts: t + 1 },
        { orderId: 'NOPE', amount: 500, ts: t + 2 },
      ];
      await ingest(show, refunds.map((r) => ({ type: 'refund', ...r })));
      expect(await ingest(show, [{ type: 'refund', ...refunds[0] }])).toMatchObject({ duplicates: 1 });
      for (const r of refunds) show.model.refund(r.orderId, r.amount, r.ts);
      expect((await state(show)).alerts.map((a) => a.id)).toContain('refund-excess');
    },
  },
  {
    name: 'the core is killed (SIGKILL) and the session resumed: every figure comes back from the log',
    run: async (show) => {
      show.overlay.close();
      await show.core.stop('SIGKILL');
      show.core = await startCoreProcess(args);
      expect((await state(show)).alerts.map((a) => a.id)).toContain('session-interrupted');
      await action(show, { type: 'session.resume', id: show.sessionId });
      show.overlay = await openOverlay(show.core);
      // The card comes back with the resumed explain window (CUP-02 was on screen).
      await explain(show, 'TEA-01');
    },
  },
  {
    name: 'the show goes on: a new peak and an order',
    run: async (show) => {
      const t = Date.now();
      const snapshot = { ts: t, online: 520, viewersUv: 1_400, likes: 90 };
      await ingest(show, [{ type: 'snapshot', ...snapshot }]);
      show.model.snapshot(snapshot);
      await orders(show, [{ orderId: 'T4', sku: 'TEA-01', qty: 1, amount: 12_800, ts: t }]);
    },
  },
  {
    name: 'the session ends: the log and the review keep the same figures',
    ended: true,
    run: async (show) => {
      await action(show, { type: 'session.end', confirm: true });
      const end = (await show.core.api('GET', `/sessions/${show.sessionId}`)).body as { endedAt: number };
      show.model.closeExplain(end.endedAt);
    },
  },
];

/** Every surface against the model. */
async function checkAll(show: Show, step: string, ended: boolean): Promise<void> {
  if (!ended) await checkLive(show, step);
  await checkRecord(show, step);
}

/** What is on air: /state, the overlay socket and the deck's keys. */
async function checkLive(show: Show, step: string): Promise<void> {
  const want = show.model.figures();
  const counterKeys = Object.keys(expectedKpi(want).counters);
  const s = await state(show);
  // 1. /state
  expect(kpiFigures(s.kpi, counterKeys), `${step}: /state`).toEqual(expectedKpi(want));
  const sale = want.sale;
  if (sale?.running) expect(s.flashSale, `${step}: /state flash sale`).toMatchObject({ sku: sale.sku, sold: sale.sold, oversold: sale.oversold });
  else if (sale && s.lastFlashSale) expect(s.lastFlashSale, `${step}: /state last flash sale`).toMatchObject({ sold: sale.sold, oversold: sale.oversold, reason: sale.reason });
  // 2. the overlay socket shows the same figures and the same sale
  await show.overlay.until(
    (o) =>
      JSON.stringify(kpiFigures(o.kpi, counterKeys)) === JSON.stringify(expectedKpi(want)) &&
      (o.flashSale ?? null)?.sold === (s.flashSale ?? null)?.sold &&
      (o.lastFlashSale ?? null)?.oversold === (s.lastFlashSale ?? null)?.oversold,
  );
  // 3. the deck's keys (redrawn from each pushed state): the explained product lights, the sale key counts what is left
  const keysRight = (k: ReturnType<typeof keyLooks>) =>
    k[0]?.active === (s.product?.sku === 'TEA-01') &&
    k[1]?.active === (s.product?.sku === 'CUP-02') &&
    (sale?.running ? (k[2]?.detail ?? '').endsWith(`剩 ${3 - sale.sold}`) : k[2]?.active === false);
  const seen = keysRight(keyLooks(s)) ? s : await show.core.waitForState((next) => keysRight(keyLooks(next)), 5_000).catch(() => s);
  expect(keysRight(keyLooks(seen)), `${step}: keys ${JSON.stringify(keyLooks(seen).slice(0, 3))}`).toBe(true);
}

/** What is kept: the session log's totals and the review of the same log. */
async function checkRecord(show: Show, step: string): Promise<void> {
  const want = show.model.figures();
  const sale = want.sale;
  // 4. the session log and its totals
  const detail = (await show.core.api('GET', `/sessions/${show.sessionId}`)).body;
  expect(detail.totals, `${step}: session totals`).toMatchObject({ gmvFen: want.gmvFen, orders: want.orders, buyers: want.buyers, peakOnline: want.peakOnline, refundFen: want.refundFen });
  // 5. the review of the same log
  const review = (await show.core.api('GET', `/sessions/${show.sessionId}/review`)).body;
  expect(review.kpis, `${step}: review`).toMatchObject({ gmvFen: want.gmvFen, orders: want.orders, buyers: want.buyers, peakOnline: want.peakOnline, refundsFen: want.refundFen });
  const products = (await show.core.api('GET', `/sessions/${show.sessionId}/products`)).body as { sku: string; gmvDuringFen: number; ordersDuring: number; flashSales: { sold: number; oversold: number }[] }[];
  for (const [sku, p] of Object.entries(want.products)) {
    expect(products.find((r) => r.sku === sku), `${step}: review ${sku}`).toMatchObject({ gmvDuringFen: p.explainGmvFen, ordersDuring: p.explainOrders });
  }
  if (sale) expect(products.find((r) => r.sku === sale.sku)?.flashSales.at(-1), `${step}: review flash sale`).toMatchObject({ sold: sale.sold, oversold: sale.oversold });
}

let show: Show | null = null;
afterAll(async () => {
  show?.overlay.close();
  await show?.core.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('the oracle show', () => {
  it('tells the truth on every surface after every step', async () => {
    const core = await startCoreProcess(args);
    for (const p of [
      { sku: 'TEA-01', name: '明前龙井', priceFen: 12_800, flashPriceFen: 9_900 },
      { sku: 'CUP-02', name: '青瓷茶杯', priceFen: 3_990, flashPriceFen: 2_990 },
    ]) {
      expect((await core.api('POST', '/products', p)).status).toBe(201);
    }
    const keys = {
      '0': { kind: 'action', action: { type: 'product.explain', sku: 'TEA-01' } },
      '1': { kind: 'action', action: { type: 'product.explain', sku: 'CUP-02' } },
      '2': { kind: 'action', action: { type: 'flashsale.start', sku: 'CUP-02', seconds: 600, stock: 3 } },
    };
    expect((await core.api('PUT', '/bindings', { layouts: { default: { pages: [{ keys }] } } })).status).toBe(200);
    const started = await core.api('POST', '/actions', { type: 'session.start', title: '真相 Oracle' });
    expect(started.status).toBe(200);
    show = { core, overlay: await openOverlay(core), model: new ShowModel(), sessionId: started.body.result.id as string, saleStart: 0 };
    for (const step of steps) {
      await step.run(show);
      await checkAll(show, step.name, step.ended ?? false);
    }
  }, 120_000);
});
