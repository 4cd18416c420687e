import { describe, expect, it } from 'vitest';
import { clockedDesk } from '../testing/clocked-desk.js';

// Counts that disagreed (issue 16): buyers and peak online are one number wherever they are shown.
const T0 = Date.UTC(2026, 2, 3, 12, 0, 0);
const desk = clockedDesk(T0);

describe('buyers and peak online', () => {
  it('are the same live, on the session list, the session page and in review', async () => {
    const id = (await desk.f.api('POST', '/actions', { type: 'session.start', title: 'counts' })).body.result.id as string;
    await desk.f.api('POST', '/ingest', {
      events: [
        { type: 'order', ts: T0 + 1_000, orderId: 'c1', sku: 'TEA-01', qty: 1, amount: 100, buyer: 'alice' },
        { type: 'order', ts: T0 + 1_000, orderId: 'c2', sku: 'TEA-01', qty: 1, amount: 100, buyer: 'alice' },
        { type: 'order', ts: T0 + 1_000, orderId: 'c3', sku: 'TEA-01', qty: 1, amount: 100 },
        { type: 'order', ts: T0 + 1_000, orderId: 'c4', sku: 'TEA-01', qty: 1, amount: 100 },
        // Two readings in one second: the peak is the higher one, not the last.
        { type: 'snapshot', ts: T0 + 2_000, online: 500 },
        { type: 'snapshot', ts: T0 + 2_400, online: 300 },
      ],
    });
    // A late reading from earlier in the show, higher than both.
    await desk.f.api('POST', '/ingest', { events: [{ type: 'snapshot', ts: T0 + 1_500, online: 800 }, { type: 'snapshot', ts: T0 + 3_000, online: 310 }] });
    const live = desk.f.desk.hub.state.kpi;
    expect(live).toMatchObject({ buyers: 3, peakOnline: 800 });
    desk.clock.t = T0 + 10_000;
    await desk.f.api('POST', '/actions', { type: 'session.end', confirm: true });
    const page = (await desk.f.api('GET', `/sessions/${id}`)).body as { totals: { buyers: number; peakOnline: number } };
    const review = (await desk.f.api('GET', `/sessions/${id}/review`)).body as { kpis: { buyers: number; peakOnline: number } };
    const list = ((await desk.f.api('GET', '/sessions')).body as { id: string; peakOnline?: number; totals?: { peakOnline: number } }[]).find((s) => s.id === id);
    expect(page.totals).toMatchObject({ buyers: 3, peakOnline: 800 });
    expect(review.kpis).toMatchObject({ buyers: 3, peakOnline: 800 });
    expect(list?.peakOnline ?? list?.totals?.peakOnline).toBe(800);
  });

  it('a new session does not inherit audience or orders stamped before its start, live or in review', async () => {
    const start = T0 + 60_000;
    desk.clock.t = start;
    const id = (await desk.f.api('POST', '/actions', { type: 'session.start', title: 'fresh' })).body.result.id as string;
    const res = await desk.f.api('POST', '/ingest', {
      events: [
        // The platform's counters from before the show (a previous stream), then this show's first reading.
        { type: 'snapshot', ts: start - 5_000, online: 900, viewersUv: 4_000, likes: 700 },
        { type: 'order', ts: start - 4_000, orderId: 'old-1', sku: 'TEA-01', qty: 1, amount: 9_900, buyer: 'zoe' },
        { type: 'enter', ts: start - 3_000, user: 'yan' },
        { type: 'snapshot', ts: start + 1_000, online: 12, viewersUv: 15, likes: 2 },
      ],
    });
    expect(res.body).toEqual({ accepted: 1, duplicates: 0, early: 3 });
    expect(desk.f.desk.hub.state.alerts.map((a) => a.code)).toContain('ingest.early');
    const live = desk.f.desk.hub.state.kpi;
    expect(live).toMatchObject({ online: 12, peakOnline: 12, gmvFen: 0, orders: 0, buyers: 0 });
    expect(live.detail).toMatchObject({ viewersUv: 15, likes: 2 });
    desk.clock.t = start + 10_000;
    await desk.f.api('POST', '/actions', { type: 'session.end', confirm: true });
    const review = (await desk.f.api('GET', `/sessions/${id}/review`)).body as { kpis: Record<string, number> };
    expect(review.kpis).toMatchObject({ peakOnline: 12, gmvFen: 0, orders: 0, buyers: 0, viewersUv: 15 });
  });
});
