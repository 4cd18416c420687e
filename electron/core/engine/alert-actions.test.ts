import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';

// Alerts (issue 16): the field controller acknowledges or mutes one alert, through actions on the bus.
let f: DeskFixture;
beforeAll(async () => {
  f = await startDeskFixture();
});
afterAll(async () => {
  await f.close();
});

const alert = (id: string) => f.desk.hub.state.alerts.find((a) => a.id === id);
const unknownRefund = (orderId: string) => f.api('POST', '/ingest', { events: [{ type: 'refund', ts: Date.now(), orderId, amount: 100 }] });

describe('alert.ack and alert.mute', () => {
  it('acknowledge keeps the alert listed and marked; mute hides it and keeps it hidden', async () => {
    await f.api('POST', '/actions', { type: 'session.start', title: 'alerts' });
    await unknownRefund('x1');
    expect(alert('refund-excess')).toBeTruthy();
    expect((await f.api('POST', '/actions', { type: 'alert.ack', id: 'refund-excess' })).status).toBe(200);
    expect(alert('refund-excess')).toMatchObject({ acked: true });
    // Raised again at the same level (a new figure): still acknowledged.
    await unknownRefund('x2');
    expect(alert('refund-excess')).toMatchObject({ acked: true });
    expect((await f.api('POST', '/actions', { type: 'alert.mute', id: 'refund-excess' })).status).toBe(200);
    expect(alert('refund-excess')).toBeUndefined();
    await unknownRefund('x3');
    expect(alert('refund-excess')).toBeUndefined();
    expect((await f.api('POST', '/actions', { type: 'alert.ack', id: 'nope' })).status).toBe(404);
    const logged = f.desk.repos.sessions.events(f.desk.hub.state.session?.id as string, { limit: 100 }).map((e) => e.kind);
    expect(logged).toContain('action');
  });
});
