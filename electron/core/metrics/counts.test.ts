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
});
