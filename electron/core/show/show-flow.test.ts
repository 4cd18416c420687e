import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';

let f: DeskFixture;
beforeEach(async () => {
  f = await startDeskFixture();
  await f.api('POST', '/products', { sku: 'TEA-01', name: '明前龙井', priceFen: 12_800, flashPriceFen: 9_900, scene: 'Product A', cue: 'warm' });
  await f.api('POST', '/products', { sku: 'CUP-02', name: '青瓷茶杯', priceFen: 3_900, scene: 'Product B' });
  await f.api('POST', '/products', { sku: 'GIFT-9', name: '赠品', priceFen: 0 });
});
afterEach(async () => {
  await f.close();
});

const act = async (action: Record<string, unknown>) => {
  const res = await f.api('POST', '/actions', action);
  if (res.status !== 200) throw new Error(`${String(action.type)}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.result;
};
const kinds = async (id: string) => ((await f.api('GET', `/sessions/${id}`)).body.events as { kind: string; data: Record<string, unknown> }[]);

describe('the show on the desk', () => {
  it('explains with scene and light cue in one action, and an unconfigured light does not fail it', async () => {
    const session = await act({ type: 'session.start', title: '讲解' });
    const result = await act({ type: 'product.explain', sku: 'TEA-01' });
    expect(result).toMatchObject({ scene: 'Product A', sceneError: null, cue: 'warm', cueError: 'no light is configured' });
    await f.waitForState((s) => s.obs.programScene === 'Product A' && s.product?.sku === 'TEA-01');
    expect(f.desk.hub.state.alerts.some((a) => a.id === 'explain-cue')).toBe(false);
    const events = await kinds(session.id);
    expect(events.map((e) => e.kind)).toContain('explain.start');
    expect(events.some((e) => e.kind === 'action.refused')).toBe(false);
  });

  it('runs a flash sale that sells out from ingested orders and logs start, end and result', async () => {
    const session = await act({ type: 'session.start', title: '秒杀' });
    expect((await f.api('POST', '/actions', { type: 'flashsale.start', sku: 'CUP-02', seconds: 60 })).body.error.field).toBe('price');
    const sale = await act({ type: 'flashsale.start', sku: 'TEA-01', seconds: 120, stock: 3 });
    expect(sale).toMatchObject({ priceFen: 9_900, stock: 3, sold: 0 });
    const overlay = await f.api('GET', '/overlay', undefined, f.overlayToken);
    expect(overlay.body.flashSale).toMatchObject({ sku: 'TEA-01', priceFen: 9_900, stock: 3 });
    const ts = Date.now();
    await f.api('POST', '/ingest', { events: [{ type: 'order', ts, orderId: 'f1', sku: 'TEA-01', qty: 2, amount: 19_800 }] });
    expect(f.desk.hub.state.flashSale).toMatchObject({ sold: 2, orders: 1 });
    await f.api('POST', '/ingest', { events: [{ type: 'order', ts: ts + 1, orderId: 'f2', sku: 'TEA-01', qty: 1, amount: 9_900 }] });
    expect(f.desk.hub.state.flashSale).toBeNull();
    expect(f.desk.hub.state.lastFlashSale).toMatchObject({ reason: 'sold-out', sold: 3, gmvFen: 29_700 });
    const end = (await kinds(session.id)).find((e) => e.kind === 'flashsale.end');
    expect(end?.data).toMatchObject({ sku: 'TEA-01', reason: 'sold-out', sold: 3, stock: 3, orders: 2, gmvFen: 29_700 });
    await act({ type: 'flashsale.start', sku: 'TEA-01', price: 100, seconds: 600 });
    await act({ type: 'flashsale.stop' });
    expect((await kinds(session.id)).filter((e) => e.kind === 'flashsale.end').map((e) => e.data.reason)).toEqual(['sold-out', 'stopped']);
  });

  it('starts the flash sale of the product on the card from one key (flashsale.current)', async () => {
    await act({ type: 'session.start', title: '秒杀键' });
    const none = await f.api('POST', '/actions', { type: 'flashsale.current' });
    expect(none.status).toBe(409);
    expect(JSON.stringify(none.body.error)).toContain('flash.noProduct');
    expect((await f.api('PUT', '/products/TEA-01', { sku: 'TEA-01', name: '明前龙井', priceFen: 12_800, flashPriceFen: 9_900, stock: 40 })).status).toBe(200);
    await act({ type: 'product.explain', sku: 'TEA-01' });
    const sale = await act({ type: 'flashsale.current' });
    expect(sale).toMatchObject({ sku: 'TEA-01', priceFen: 9_900, stock: 40 });
    expect(sale.endsAt - sale.startedAt).toBe(60_000);
    await act({ type: 'flashsale.stop' });
    await act({ type: 'product.explain', sku: 'CUP-02' });
    expect((await f.api('POST', '/actions', { type: 'flashsale.current', seconds: 30 })).body.error.field).toBe('price');
  });

  it('keeps markers with preset labels as mark events', async () => {
    expect((await f.api('POST', '/actions', { type: 'session.mark', label: 'problem' })).status).toBe(409);
    const session = await act({ type: 'session.start', title: '标记' });
    await act({ type: 'session.mark', label: 'good moment' });
    await act({ type: 'session.mark', label: 'clip this' });
    const marks = (await kinds(session.id)).filter((e) => e.kind === 'mark').map((e) => e.data);
    expect(marks).toEqual([{ label: 'good moment' }, { label: 'clip this' }]);
  });
});

describe('show plans', () => {
  const plan = {
    name: '周末茶会 脚本',
    pacing: { interactionEveryMin: 10, closingAtShare: 0.85 },
    items: [
      { kind: 'opening', minutes: 3, scene: 'Opening', notes: '欢迎' },
      { kind: 'product', sku: 'TEA-01', minutes: 8, highConversion: true },
      { kind: 'interaction', beat: 'lottery', minutes: 2, scene: 'Host' },
      { kind: 'product', sku: 'CUP-02', minutes: 5 },
      { kind: 'closing', minutes: 2 },
    ],
  };

  it('are created, read, updated, duplicated and deleted, with skus checked', async () => {
    const created = await f.api('POST', '/plans', plan);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await f.api('GET', '/plans')).body.map((p: { id: string }) => p.id)).toEqual([id]);
    const bad = await f.api('PUT', `/plans/${id}`, { ...plan, items: [{ kind: 'product', sku: 'NOPE', minutes: 1 }] });
    expect(bad.body.error).toMatchObject({ code: 'bad_request', field: 'items.0.sku' });
    expect((await f.api('POST', '/plans', { name: 'x', items: [{ kind: 'product', minutes: 1 }] })).body.error.message).toMatch(/needs a sku/);
    const renamed = await f.api('PUT', `/plans/${id}`, { ...plan, name: '改名' });
    expect(renamed.body).toMatchObject({ name: '改名', items: plan.items });
    const copy = await f.api('POST', `/plans/${id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ name: '改名 (副本 copy)', items: plan.items, pacing: plan.pacing });
    expect(copy.body.id).not.toBe(id);
    expect((await f.api('DELETE', `/plans/${id}`)).status).toBe(200);
    expect((await f.api('GET', `/plans/${id}`)).status).toBe(404);
  });

  it('run a session: next/prev follow the plan, the host leaves it and comes back, all logged', async () => {
    const { id: planId } = (await f.api('POST', '/plans', plan)).body;
    expect((await f.api('POST', '/actions', { type: 'session.start', title: 'x', planId: 'missing' })).status).toBe(404);
    expect(f.desk.hub.state.session).toBeNull();
    const session = await act({ type: 'session.start', title: '按脚本', planId });
    await f.waitForState((s) => s.plan?.index === 0 && s.obs.programScene === 'Opening');
    expect(f.desk.hub.state.plan).toMatchObject({ count: 5, totalPlannedMs: 20 * 60_000, next: { sku: 'TEA-01' } });
    await act({ type: 'product.next' });
    expect(f.desk.hub.state.product?.sku).toBe('TEA-01');
    await f.waitForState((s) => s.obs.programScene === 'Product A');
    await act({ type: 'product.explain', sku: 'GIFT-9' });
    expect(f.desk.hub.state.plan).toMatchObject({ index: 1, offPlan: { sku: 'GIFT-9' } });
    await act({ type: 'plan.resume' });
    expect(f.desk.hub.state.plan?.offPlan).toBeNull();
    expect(f.desk.hub.state.product?.sku).toBe('TEA-01');
    await act({ type: 'product.next' });
    expect(f.desk.hub.state.product).toBeNull();
    await f.waitForState((s) => s.obs.programScene === 'Host');
    await act({ type: 'product.prev' });
    expect(f.desk.hub.state.product?.sku).toBe('TEA-01');
    await act({ type: 'plan.goto', index: 4 });
    expect((await f.api('POST', '/actions', { type: 'product.next' })).body.error.message).toMatch(/last segment/);
    await act({ type: 'session.end', confirm: true });
    expect(f.desk.hub.state.plan).toBeNull();
    const events = await kinds(session.id);
    expect(events.filter((e) => e.kind === 'plan.segment').map((e) => e.data.index)).toEqual([0, 1, 2, 1, 4]);
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['plan.start', 'plan.leave', 'plan.resume', 'plan.end']));
  });

  it('refuse a step to a product that left the catalog without moving the plan', async () => {
    const { id: planId } = (await f.api('POST', '/plans', plan)).body;
    await act({ type: 'session.start', title: '删品', planId });
    await f.api('DELETE', '/products/TEA-01');
    const res = await f.api('POST', '/actions', { type: 'product.next' });
    expect(res.status).toBe(404);
    expect(f.desk.hub.state.plan?.index).toBe(0);
    await act({ type: 'plan.goto', index: 2 });
    expect(f.desk.hub.state.plan?.index).toBe(2);
  });

  it('rehearse a 10-product show over the API from the first segment to the last', async () => {
    const skus = Array.from({ length: 10 }, (_, i) => `P-${String(i + 1).padStart(2, '0')}`);
    for (const [i, sku] of skus.entries()) await f.api('POST', '/products', { sku, name: `商品 ${i + 1}`, priceFen: 1_000 * (i + 1), flashPriceFen: 500 });
    const items: { kind: string; sku?: string; beat?: string; minutes: number }[] = [
      { kind: 'opening', minutes: 3 },
      ...skus.flatMap((sku, i) => [{ kind: 'product', sku, minutes: 6 }, ...(i % 4 === 3 ? [{ kind: 'interaction', beat: 'fudai', minutes: 2 }] : [])]),
      { kind: 'closing', minutes: 3 },
    ];
    const { id: planId } = (await f.api('POST', '/plans', { name: '十品专场', items, pacing: { interactionEveryMin: 20, closingAtShare: 0.9 } })).body;
    const session = await act({ type: 'session.start', title: '十品彩排', planId });
    for (let i = 1; i < items.length; i++) {
      await act({ type: 'product.next' });
      const sku = items[i]?.sku;
      if (sku === 'P-05') {
        await act({ type: 'flashsale.start', sku, seconds: 60, stock: 1 });
        await f.api('POST', '/ingest', { events: [{ type: 'order', ts: Date.now(), orderId: 'x1', sku, qty: 1, amount: 500 }] });
      }
      expect(f.desk.hub.state.product?.sku ?? null).toBe(sku ?? null);
    }
    await act({ type: 'session.end', confirm: true });
    const events = await kinds(session.id);
    expect(events.filter((e) => e.kind === 'plan.segment')).toHaveLength(items.length);
    expect(events.filter((e) => e.kind === 'explain.start').map((e) => e.data.sku)).toEqual(skus);
    expect(events.find((e) => e.kind === 'flashsale.end')?.data).toMatchObject({ sku: 'P-05', reason: 'sold-out' });
    expect(events.find((e) => e.kind === 'plan.end')?.data).toMatchObject({ index: items.length - 1, count: items.length });
  });
});
