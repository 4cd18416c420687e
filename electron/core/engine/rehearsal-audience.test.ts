import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';

let f: DeskFixture;
beforeAll(async () => {
  f = await startDeskFixture();
});
afterAll(async () => {
  await f.close();
});

describe('rehearsal audience at scale', () => {
  it('feeds 10,000 events a second into a rehearsal session durably, losing nothing', async () => {
    await f.api('POST', '/products', { sku: 'TEA-01', name: '明前龙井', priceFen: 12_800 });
    expect((await f.api('POST', '/actions', { type: 'rehearsal.audience', baseOnline: 5_000, eventsPerSecond: 10_000 })).body.result).toMatchObject({ baseOnline: 5_000, eventsPerSecond: 10_000 });
    expect((await f.api('POST', '/actions', { type: 'rehearsal.audience', eventsPerSecond: 20_000 })).status).toBe(400);
    expect((await f.api('POST', '/actions', { type: 'rehearsal.start' })).status).toBe(200);
    const session = (await f.api('POST', '/actions', { type: 'session.start', title: '彩排 10k' })).body.result;
    expect(session.rehearsal).toBe(true);
    await f.api('POST', '/actions', { type: 'product.explain', sku: 'TEA-01' });

    const state = await f.waitForState((s) => (s.ingest?.find((r) => r.source === 'rehearsal')?.total ?? 0) >= 30_000, 30_000);
    const rate = state.ingest?.find((r) => r.source === 'rehearsal');
    expect(rate?.perSecond).toBeGreaterThan(5_000);
    await f.api('POST', '/actions', { type: 'rehearsal.stop' });

    const total = f.desk.hub.state.ingest?.find((r) => r.source === 'rehearsal')?.total ?? 0;
    // Every event the audience sent is in the log (the session's own action and explain entries aside).
    const logged = f.desk.repos.sessions.events(session.id, { limit: 1_000_000 }).filter((e) => e.kind.startsWith('ingest.')).length;
    expect(logged).toBe(total);
    expect(f.desk.hub.state.alerts.some((a) => a.id === 'rehearsal-audience')).toBe(false);
    const summary = (await f.api('GET', `/sessions/${session.id}`)).body;
    expect(summary.totals.orders).toBeGreaterThan(0);
  }, 60_000);
});
