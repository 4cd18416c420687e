import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WsServerMessage } from '../contract/index.js';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';

let f: DeskFixture;
// Events are stamped from the live session's start (set when a session starts below): events stamped
// before a session's start are not counted (issue 16).
let T = 0;
beforeAll(async () => {
  f = await startDeskFixture();
});
afterAll(async () => {
  await f.close();
});

const ingest = (body: unknown, token?: string | null) => f.api('POST', '/ingest', body, token);
const eventCount = () => f.desk.repos.sessions.eventCount(f.desk.log.live!.id);

/** One valid event of each type (DESIGN §3.4), stamped from `t0`. */
const everyType = (t0: number) => [
  { type: 'snapshot', ts: t0, online: 10, viewersUv: 20, viewsPv: 30, likes: 1, comments: 2, newFollowers: 3, productExposures: 40, productClicks: 5, adSpend: 100 },
  { type: 'order', ts: t0 + 1, orderId: 'O-1', sku: 'TEA-01', qty: 1, amount: 12_800, buyer: 'alice' },
  { type: 'refund', ts: t0 + 2, orderId: 'O-1', amount: 800 },
  { type: 'comment', ts: t0 + 3, user: 'bob', text: '多少钱？' },
  { type: 'like', ts: t0 + 4, count: 3 },
  { type: 'follow', ts: t0 + 5, user: 'carol' },
  { type: 'enter', ts: t0 + 6, user: 'dave' },
];
/** The shapes, for the refusals below (a refused batch writes nothing, whatever its times). */
const EVERY_TYPE = everyType(Date.now());

/** For each event type, every field set wrong in turn, and the field the error must name. */
const WRONG: [event: Record<string, unknown>, field: string][] = [];
for (const event of EVERY_TYPE) {
  for (const key of Object.keys(event)) {
    if (key === 'type') continue;
    const bad = typeof event[key as keyof typeof event] === 'number' ? -1 : 42;
    WRONG.push([{ ...event, [key]: bad }, key]);
  }
  WRONG.push([{ ...event, extra: 1 }, '']);
}

describe('POST /ingest', () => {
  beforeAll(async () => {
    await f.api('POST', '/actions', { type: 'session.start', title: 'ingest' });
    T = f.desk.log.live!.startedAt;
  });

  it('refuses ingest without a live session with 409', async () => {
    await f.api('POST', '/actions', { type: 'session.end', confirm: true });
    expect((await ingest({ events: [EVERY_TYPE[0]] })).status).toBe(409);
    await f.api('POST', '/actions', { type: 'session.start', title: 'ingest' });
    T = f.desk.log.live!.startedAt;
  });

  it('accepts every event type in one batch and publishes the KPIs once durable', async () => {
    const res = await ingest({ source: 'all-types', events: everyType(T) });
    expect(res).toEqual({ status: 202, body: { accepted: 7, duplicates: 0 } });
    const kpi = f.desk.hub.state.kpi;
    expect(kpi).toMatchObject({ online: 10, gmvFen: 12_800, orders: 1, buyers: 1 });
    expect(kpi.detail).toMatchObject({ viewersUv: 20, viewsPv: 30, likes: 1, comments: 2, newFollowers: 3, refundFen: 800, adSpendFen: 100 });
    const kinds = f.desk.repos.sessions.events(f.desk.log.live!.id, { limit: 100 }).map((e) => e.kind);
    for (const e of everyType(T)) expect(kinds).toContain(`ingest.${e.type}`);
  });

  it.each(WRONG)('rejects %j naming index and field, writing nothing', async (event, field) => {
    const before = eventCount();
    const res = await ingest({ events: [EVERY_TYPE[6], event] });
    expect(res.status).toBe(400);
    expect(res.body.error.index).toBe(1);
    expect(res.body.error.field).toBe(field ? `events.1.${field}` : 'events.1');
    expect(eventCount()).toBe(before);
  });

  it('rejects a mixed batch whole: the valid events before the bad one are not kept', async () => {
    const before = { events: eventCount(), gmv: f.desk.hub.state.kpi.gmvFen };
    const res = await ingest({ events: [{ type: 'order', ts: T, orderId: 'MIX-1', sku: 'A', qty: 1, amount: 500 }, { type: 'like', ts: T, count: 1 }, { type: 'nope', ts: T }] });
    expect(res).toMatchObject({ status: 400, body: { error: { index: 2, field: 'events.2.type' } } });
    expect(eventCount()).toBe(before.events);
    expect(f.desk.hub.state.kpi.gmvFen).toBe(before.gmv);
    // The good order was not half-applied: sending it now counts it, not as a duplicate.
    expect((await ingest({ events: [{ type: 'order', ts: T, orderId: 'MIX-1', sku: 'A', qty: 1, amount: 500 }] })).body).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('counts a repeated order and a repeated refund once (a retried batch)', async () => {
    const batch = { events: [{ type: 'order', ts: T + 10, orderId: 'DUP-1', sku: 'A', qty: 2, amount: 2_000, buyer: 'x' }, { type: 'refund', ts: T + 11, orderId: 'DUP-1', amount: 300 }] };
    const gmv = f.desk.hub.state.kpi.gmvFen;
    const refunds = f.desk.hub.state.kpi.detail!.refundFen;
    expect((await ingest(batch)).body).toEqual({ accepted: 2, duplicates: 0 });
    expect((await ingest(batch)).body).toEqual({ accepted: 0, duplicates: 2 });
    expect(f.desk.hub.state.kpi.gmvFen).toBe(gmv + 2_000);
    expect(f.desk.hub.state.kpi.detail!.refundFen).toBe(refunds + 300);
  });

  it('refuses a bad envelope, a wrong token and an oversize body', async () => {
    expect((await ingest({ events: [] })).body.error.field).toBe('events');
    expect((await ingest({ events: [EVERY_TYPE[4]], extra: 1 })).status).toBe(400);
    expect((await ingest({ source: '', events: [EVERY_TYPE[4]] })).body.error.field).toBe('source');
    expect((await ingest({ events: [EVERY_TYPE[4]] }, 'wrong-token-0123456789abcdef')).status).toBe(401);
    expect((await ingest({ events: [EVERY_TYPE[4]] }, null)).status).toBe(401);
    expect((await ingest({ events: [EVERY_TYPE[4]] }, f.overlayToken)).status).toBe(403);
    const huge = JSON.stringify({ events: [{ type: 'comment', ts: T, user: 'u', text: 'x'.repeat(17 * 1024 * 1024) }] });
    const before = eventCount();
    const res = await ingest(huge);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(eventCount()).toBe(before);
  });

  it('writes a large batch in order, and the console\'s recent orders point at their own log rows', async () => {
    const before = eventCount();
    const events = Array.from({ length: 150 }, (_, i) =>
      i % 37 === 5 ? { type: 'order', ts: T + i, orderId: `BIG-${i}`, sku: 'A', qty: 1, amount: 100 + i } : { type: 'like', ts: T + i, count: 1 },
    );
    expect((await ingest({ events })).body).toEqual({ accepted: 150, duplicates: 0 });
    const rows = f.desk.repos.sessions.events(f.desk.log.live!.id, { limit: 100_000 }).slice(before);
    expect(rows.map((r) => r.ts)).toEqual(events.map((e) => e.ts));
    const recentOrders = f.desk.hub.state.recent.filter((e) => e.kind === 'ingest.order' && String(e.data.orderId).startsWith('BIG-'));
    expect(recentOrders).toHaveLength(4); // i = 5, 42, 79, 116
    for (const entry of recentOrders) expect(rows.find((r) => r.id === entry.id)?.data.orderId).toBe(entry.data.orderId);
  });

  it('attributes orders to the product being explained (讲解期间成交)', async () => {
    await f.api('POST', '/products', { sku: 'EXP-1', name: '讲解商品', priceFen: 1_000 });
    await f.api('POST', '/actions', { type: 'product.explain', sku: 'EXP-1' });
    const since = f.desk.hub.state.product!.since;
    await ingest({ events: [
      // Before the explain, inside the session (its start; the explain began later).
      { type: 'order', ts: T, orderId: 'EXP-a', sku: 'EXP-1', qty: 1, amount: 1_000 },
      { type: 'order', ts: since + 1, orderId: 'EXP-b', sku: 'EXP-1', qty: 3, amount: 3_000 },
    ] });
    const row = f.desk.hub.state.kpi.detail!.products.find((p) => p.sku === 'EXP-1');
    expect(row).toEqual({ sku: 'EXP-1', name: '讲解商品', gmvFen: 4_000, orders: 2, qty: 4, explainGmvFen: 3_000, explainOrders: 1 });
    expect(f.desk.hub.state.product).toMatchObject({ gmvFen: 3_000, orders: 1 });
    await f.api('POST', '/actions', { type: 'product.clear' });
  });

  it('reports each source\'s event rate in the state', async () => {
    await ingest({ source: 'douyin-bridge', events: Array.from({ length: 50 }, (_, i) => ({ type: 'like', ts: T + i, count: 1 })) });
    f.desk.liveKpis.tick();
    const rate = f.desk.hub.state.ingest?.find((s) => s.source === 'douyin-bridge');
    expect(rate?.total).toBe(50);
    expect(rate?.perSecond).toBeGreaterThan(10);
  });
});

describe('ingest over the WebSocket', () => {
  it('answers a batch with its result, and a bad batch with the index and field', async () => {
    const ws = new WebSocket(`${f.server.url.replace('http', 'ws')}/ws?token=${f.token}`);
    const results = new Map<string, WsServerMessage>();
    const waiters = new Map<string, (m: WsServerMessage) => void>();
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as WsServerMessage;
      if (m.type !== 'result' || !m.id) return;
      results.set(m.id, m);
      waiters.get(m.id)?.(m);
    });
    await new Promise((resolve) => ws.once('open', resolve));
    const send = (id: string, batch: unknown) =>
      new Promise<WsServerMessage>((resolve) => {
        waiters.set(id, resolve);
        ws.send(JSON.stringify({ type: 'ingest', id, batch }));
      });
    expect(await send('w1', { source: 'ws', events: [{ type: 'order', ts: T, orderId: 'WS-1', sku: 'A', qty: 1, amount: 100 }] })).toMatchObject({ ok: true, result: { accepted: 1, duplicates: 0 } });
    expect(await send('w2', { source: 'ws', events: [{ type: 'order', ts: T, orderId: 'WS-1', sku: 'A', qty: 1, amount: 100 }] })).toMatchObject({ ok: true, result: { accepted: 0, duplicates: 1 } });
    expect(await send('w3', { events: [{ type: 'like', ts: T, count: 0 }] })).toMatchObject({ ok: false, error: { code: 'bad_request', index: 0, field: 'events.0.count' } });
    ws.close();
  });
});

describe('KPI settings API and alerts', () => {
  it('stores the basis and the alert rules, refuses bad ones, raises and logs an alert', async () => {
    const bad = await f.api('PUT', '/kpi/settings', { alerts: [{ id: 'x', kpi: 'online', condition: 'below', yellow: 10, red: 50 }] });
    expect(bad).toMatchObject({ status: 400, body: { error: { field: 'alerts.0.red' } } });
    const put = await f.api('PUT', '/kpi/settings', { basis: { conversion: 'times' }, alerts: [{ id: 'low-online', kpi: 'online', condition: 'below', yellow: 100, red: 50 }] });
    expect(put.status).toBe(200);
    expect(put.body.basis).toMatchObject({ conversion: 'times', gpmFen: 'times' });
    expect((await f.api('GET', '/kpi/settings')).body).toEqual(put.body);
    expect(f.desk.hub.state.kpi.detail!.conversion.basis).toBe('times');

    await ingest({ events: [{ type: 'snapshot', ts: Date.now(), online: 40 }] });
    const state = await f.waitForState((s) => s.alerts.some((a) => a.id === 'kpi:low-online'));
    expect(state.alerts.find((a) => a.id === 'kpi:low-online')).toMatchObject({ level: 'error' });
    const logged = f.desk.repos.sessions.events(f.desk.log.live!.id, { limit: 1000 }).filter((e) => e.kind === 'alert');
    expect(logged.some((e) => e.data.id === 'kpi:low-online' && e.data.level === 'error')).toBe(true);

    await ingest({ events: [{ type: 'snapshot', ts: Date.now(), online: 500 }] });
    await f.waitForState((s) => !s.alerts.some((a) => a.id === 'kpi:low-online'));
  });
});
