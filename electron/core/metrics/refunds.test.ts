import { describe, expect, it } from 'vitest';
import { clockedDesk } from '../testing/clocked-desk.js';

// Refunds (issue 16): counted the same way live, in the database and in review — capped at what was
// paid, the rest reported, never counted twice.
const T0 = Date.UTC(2026, 2, 2, 12, 0, 0);
const desk = clockedDesk(T0);

describe('refunds', () => {
  it('caps an unknown, repeated or too-large refund at what was paid, live, in the database and in review', async () => {
    const id = (await desk.f.api('POST', '/actions', { type: 'session.start', title: 'refunds' })).body.result.id as string;
    const ingest = (events: unknown[]) => desk.f.api('POST', '/ingest', { events });
    await ingest([
      { type: 'order', ts: T0 + 1_000, orderId: 'o1', sku: 'TEA-01', qty: 1, amount: 10_000 },
      { type: 'order', ts: T0 + 1_000, orderId: 'o2', sku: 'TEA-01', qty: 1, amount: 3_000 },
    ]);
    await ingest([{ type: 'refund', ts: T0 + 2_000, orderId: 'o1', amount: 6_000 }]);
    // The same refund again is a retried batch; a second refund of o1 only has 4,000 left to take.
    expect((await ingest([{ type: 'refund', ts: T0 + 2_000, orderId: 'o1', amount: 6_000 }])).body).toMatchObject({ duplicates: 1 });
    await ingest([{ type: 'refund', ts: T0 + 3_000, orderId: 'o1', amount: 6_000 }]);
    // Larger than the order, and of an order the desk never saw.
    await ingest([
      { type: 'refund', ts: T0 + 4_000, orderId: 'o2', amount: 5_000 },
      { type: 'refund', ts: T0 + 4_000, orderId: 'nobody', amount: 700 },
    ]);
    const paidBack = 10_000 + 3_000;
    expect(desk.f.desk.hub.state.kpi.detail?.refundFen).toBe(paidBack);
    expect(desk.f.desk.hub.state.alerts.find((a) => a.id === 'refund-excess')).toBeTruthy();
    expect(desk.f.desk.repos.commerce.totals(id).refundFen).toBe(paidBack);
    desk.clock.t = T0 + 10_000;
    await desk.f.api('POST', '/actions', { type: 'session.end', confirm: true });
    expect((await desk.f.api('GET', `/sessions/${id}/review`)).body.kpis.refundsFen).toBe(paidBack);
  });
});
