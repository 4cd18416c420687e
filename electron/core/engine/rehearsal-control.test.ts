import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeskState } from '../contract/index.js';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';

/**
 * Issue 17: in rehearsal the simulated scale and audience are part of the show, but the controller
 * decides. A virtual clock (fake timers that also follow real time, so sockets and SQLite run as
 * usual) plays ten minutes of a planned rehearsal in seconds.
 */
let f: DeskFixture;
const act = async (action: Record<string, unknown>) => {
  const res = await f.api('POST', '/actions', action);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.result;
};
const state = (): DeskState => f.desk.hub.state;
const audienceEvents = () => state().ingest?.find((r) => r.source === 'rehearsal')?.total ?? 0;
/** Plays `ms` of virtual time a second at a time, letting sockets and the database keep up. */
const play = async (ms: number) => {
  for (let t = 0; t < ms; t += 1_000) {
    await vi.advanceTimersByTimeAsync(1_000);
    await new Promise((resolve) => setImmediate(resolve));
  }
};

beforeAll(async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  f = await startDeskFixture();
  for (const [sku, name] of [['TEA-01', '明前龙井'], ['TEA-02', '安吉白茶'], ['CUP-03', '青瓷茶杯']] as const) {
    expect((await f.api('POST', '/products', { sku, name, priceFen: 12_800 })).status).toBe(201);
  }
});
afterAll(async () => {
  await f?.close();
  vi.useRealTimers();
});

describe('rehearsal runs only as the controller drives it', () => {
  it('a 10-minute planned rehearsal: the scale and audience never advance the plan or clear a 讲解', async () => {
    const plan = (
      await f.api('POST', '/plans', {
        name: '十分钟彩排',
        items: [
          { kind: 'opening', minutes: 1 },
          { kind: 'product', sku: 'TEA-01', minutes: 3 },
          { kind: 'product', sku: 'TEA-02', minutes: 3 },
          { kind: 'product', sku: 'CUP-03', minutes: 2 },
          { kind: 'closing', minutes: 1 },
        ],
      })
    ).body;
    await act({ type: 'rehearsal.start' });
    await f.waitForState((s) => s.serial?.some((d) => d.id === 'demo-scale' && d.live.status === 'open') === true);
    expect(state().rehearsal).toMatchObject({ audience: { enabled: true, paused: false, mood: 'room' }, scale: { enabled: true, autoEverySec: 0, grams: 0 } });
    await act({ type: 'session.start', title: '彩排', planId: plan.id });
    await play(60_000);
    // The opening ran its minute: still the opening, nothing explained.
    expect(state().plan?.index).toBe(0);
    expect(state().product).toBeNull();

    await act({ type: 'product.next' });
    expect(state().product?.sku).toBe('TEA-01');
    await play(9 * 60_000);
    expect(audienceEvents()).toBeGreaterThan(100);
    expect(state().plan).toMatchObject({ index: 1, offPlan: null });
    expect(state().product?.sku).toBe('TEA-01');
    expect(state().scale?.placed ?? false).toBe(false);

    // The controller's hand on the scale: placing explains the next product, taking it off clears.
    await act({ type: 'rehearsal.scale.place', grams: 251.2 });
    await play(3_000);
    expect(state().product?.sku).toBe('TEA-02');
    expect(state().plan?.index).toBe(2);
    await act({ type: 'rehearsal.scale.place', grams: 0 });
    await play(3_000);
    expect(state().product).toBeNull();
    expect(state().plan?.index).toBe(2);
  }, 120_000);

  it('pauses, retunes and turns off the audience from the console', async () => {
    expect(await act({ type: 'rehearsal.audience', paused: true })).toMatchObject({ paused: true, enabled: true });
    // What the room sent before the pause may still be on its way in.
    await play(2_000);
    const before = audienceEvents();
    await play(30_000);
    expect(audienceEvents()).toBe(before);
    expect(await act({ type: 'rehearsal.audience', paused: false, mood: 'hot', eventsPerSecond: 200 })).toMatchObject({ paused: false, mood: 'hot', eventsPerSecond: 200 });
    await play(5_000);
    expect(audienceEvents()).toBeGreaterThan(before + 500);
    await act({ type: 'rehearsal.audience', enabled: false });
    await play(2_000);
    const off = audienceEvents();
    await play(10_000);
    expect(audienceEvents()).toBe(off);
    expect(state().rehearsal?.audience).toMatchObject({ enabled: false, mood: 'hot' });
    expect((await f.api('POST', '/actions', { type: 'rehearsal.audience', mood: 'sleepy' })).status).toBe(400);
  }, 60_000);

  it('cycles the scale only when the controller sets a rate, holds it while paused, and unplugs it when off', async () => {
    await act({ type: 'plan.goto', index: 1 });
    await act({ type: 'rehearsal.scale', autoEverySec: 30 });
    await play(35_000);
    // Placed at 10 s, taken off at 30 s: next, then clear.
    expect(state().plan?.index).toBe(2);
    await act({ type: 'rehearsal.scale', paused: true });
    const held = state().plan?.index;
    await play(120_000);
    expect(state().plan?.index).toBe(held);
    await act({ type: 'rehearsal.scale', enabled: false });
    await f.waitForState((s) => !s.serial?.some((d) => d.id === 'demo-scale'));
    expect((await f.api('POST', '/actions', { type: 'rehearsal.scale.place', grams: 100 })).status).toBe(409);
    expect(state().rehearsal?.scale).toMatchObject({ enabled: false, paused: true, autoEverySec: 30 });
    await act({ type: 'rehearsal.stop' });
    expect(state().rehearsal).toBeNull();
  }, 60_000);
});
