import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskError } from '../contract/index.js';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';

let f: DeskFixture;
beforeEach(async () => {
  f = await startDeskFixture();
});
afterEach(async () => {
  await f.close();
});

const api = { surface: 'api' } as const;

describe('a session on the desk', () => {
  it('logs the explain flow as segments and counts what sold while each product was explained', async () => {
    const { desk } = f;
    desk.catalog.create({ sku: 'TEA-01', name: '明前龙井 250g', priceFen: 12_800, scene: 'Product A' });
    desk.catalog.create({ sku: 'CUP-02', name: '青瓷茶杯', priceFen: 3_900 });
    const session = (await desk.dispatch({ type: 'session.start', title: '周末茶会' }, api)) as { id: string };

    await desk.dispatch({ type: 'product.explain', sku: 'TEA-01' }, api);
    expect(desk.hub.state.product).toMatchObject({ sku: 'TEA-01', name: '明前龙井 250g', priceFen: 12_800 });
    await f.waitForState((s) => s.obs.programScene === 'Product A');
    expect(f.sim.programScene()).toBe('Product A');

    const t = Date.now();
    desk.ingest({
      events: [
        { type: 'snapshot', ts: t, online: 420 },
        { type: 'order', ts: t + 1, orderId: 'o1', sku: 'TEA-01', qty: 1, amount: 12_800, buyer: 'alice' },
        { type: 'order', ts: t + 2, orderId: 'o2', sku: 'CUP-02', qty: 2, amount: 7_800, buyer: 'bob' },
      ],
    });
    expect(desk.hub.state.product).toMatchObject({ gmvFen: 12_800, orders: 1 });

    await desk.dispatch({ type: 'product.next' }, api);
    expect(desk.hub.state.product?.sku).toBe('CUP-02');
    await desk.dispatch({ type: 'product.clear' }, api);
    expect(desk.hub.state.product).toBeNull();
    await desk.dispatch({ type: 'session.end', confirm: true }, api);

    const segments = desk.repos.sessions.segments(session.id);
    expect(segments.map((s) => s.sku)).toEqual(['TEA-01', 'CUP-02']);
    expect(segments.every((s) => s.endedAt !== null)).toBe(true);
    const kinds = desk.repos.sessions.events(session.id, { limit: 100 }).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['session.start', 'explain.start', 'explain.end', 'ingest.order', 'action', 'session.end']));
    expect(desk.repos.commerce.totals(session.id)).toEqual({ gmvFen: 20_600, refundFen: 0, orders: 2, buyers: 2, peakOnline: 420 });
  });

  it('counts a retried order once and stores buyers pseudonymized', async () => {
    const { desk } = f;
    const session = (await desk.dispatch({ type: 'session.start', title: 'retry' }, api)) as { id: string };
    const batch = { events: [{ type: 'order', ts: Date.now(), orderId: 'A-1', sku: 'X', qty: 1, amount: 500, buyer: '王小明' }] };
    expect(desk.ingest(batch)).toEqual({ accepted: 1, duplicates: 0 });
    expect(desk.ingest(batch)).toEqual({ accepted: 0, duplicates: 1 });
    expect(desk.hub.state.kpi).toMatchObject({ gmvFen: 500, orders: 1, buyers: 1 });
    const stored = JSON.stringify(desk.repos.sessions.events(session.id, { limit: 50 }));
    expect(stored).not.toContain('王小明');
  });

  it('rejects a batch whole, naming the first bad event, and writes nothing', async () => {
    const { desk } = f;
    const session = (await desk.dispatch({ type: 'session.start', title: 'bad batch' }, api)) as { id: string };
    const before = desk.repos.sessions.eventCount(session.id);
    const bad = {
      events: [
        { type: 'order', ts: 1, orderId: 'ok', sku: 'X', qty: 1, amount: 100 },
        { type: 'snapshot', ts: 2, online: 5 },
        { type: 'order', ts: 3, orderId: 'bad', sku: 'X', qty: 1, amount: -5 },
      ],
    };
    const error = (() => {
      try {
        desk.ingest(bad);
      } catch (e) {
        return e as DeskError;
      }
      throw new Error('expected a rejection');
    })();
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ code: 'bad_request', index: 2, field: 'events.2.amount' });
    expect(desk.repos.sessions.eventCount(session.id)).toBe(before);
    expect(desk.hub.state.kpi.orders).toBe(0);
  });

  it('refuses ingest without a live session and dangerous actions without confirmation', async () => {
    const { desk } = f;
    expect(() => desk.ingest({ events: [{ type: 'snapshot', ts: 1_700_000_000_000, online: 1 }] })).toThrowError(/no live session/);
    await desk.dispatch({ type: 'session.start', title: 'guarded' }, api);
    await expect(desk.dispatch({ type: 'session.end' }, api)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/needs confirmation/) });
    expect(desk.hub.state.session?.status).toBe('live');
    await expect(desk.dispatch({ type: 'session.start', title: 'second' }, api)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('validates actions and names the bad field', async () => {
    await expect(f.desk.dispatch({ type: 'obs.scene' }, api)).rejects.toMatchObject({ code: 'bad_request', field: 'scene' });
    await expect(f.desk.dispatch({ type: 'no.such.action' }, api)).rejects.toMatchObject({ code: 'bad_request' });
    await expect(f.desk.dispatch({ type: 'product.explain', sku: 'missing' }, api)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('follows program scene changes made in OBS itself and logs them', async () => {
    const { desk } = f;
    const session = (await desk.dispatch({ type: 'session.start', title: 'follow' }, api)) as { id: string };
    f.sim.setProgramScene('BRB');
    await f.waitForState((s) => s.obs.programScene === 'BRB');
    const logged = desk.repos.sessions.events(session.id, { limit: 50 }).filter((e) => e.kind === 'obs.scene');
    expect(logged.at(-1)?.data).toMatchObject({ scene: 'BRB' });
  });

  it('fires deck key bindings through the same bus, with their key in the log', async () => {
    const { desk } = f;
    desk.catalog.create({ sku: 'K1', name: '键一', priceFen: 100 });
    const session = (await desk.dispatch({ type: 'session.start', title: 'keys' }, api)) as { id: string };
    await f.waitForState((s) => s.surfaces[0]?.keys[5]?.label === '键一');
    desk.deck.press(5, true);
    desk.deck.press(5, false);
    await f.waitForState((s) => s.product?.sku === 'K1');
    const state = await f.waitForState((s) => s.surfaces[0]?.keys[5]?.active === true);
    expect(state.surfaces[0]?.keys[0]).toMatchObject({ label: 'Opening', tone: 'scene' });
    const action = desk.repos.sessions.events(session.id, { limit: 50 }).find((e) => e.kind === 'action' && (e.data.action as { type: string }).type === 'product.explain');
    expect(action?.data.origin).toEqual({ surface: 'deck', device: 'virtual-1', key: 5 });
  });
});
