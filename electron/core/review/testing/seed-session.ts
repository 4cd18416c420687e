import type { DeskFixture } from '../../testing/desk-fixture.js';

/** 2026-01-10 12:00:00 UTC: the fixture show's start. */
export const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
const s = (seconds: number) => T0 + seconds * 1000;

export interface Clock {
  t: number;
}

async function ok(res: Promise<{ status: number; body: unknown }>) {
  const r = await res;
  if (r.status >= 300) throw new Error(`seed step failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id?: string; ok?: boolean; result?: { id: string } };
}

/**
 * A four-minute show whose every review number is worked out by hand in review.test.ts:
 * 龙井 (TEA-01) explained 60–120 s and 180–240 s, 茶杯 (CUP-02) 120–180 s with a flash sale at
 * 160 s for 30 s, five orders (one retried), online 100 → 150 → 120 → 130, a marker at 95 s.
 * One alert rule, set here so the answers do not move with the desk's defaults: online down 20% within
 * 2 minutes is red (150 → 120 raises it; at 130 the drop is 13.3%, under 20% less its 5% hysteresis,
 * so it clears).
 * Before it, one earlier show a day before with a single ¥100 order (the "previous session").
 */
export async function seedFixtureSessions(f: Pick<DeskFixture, 'api' | 'desk'>, clock: Clock): Promise<{ previous: string; main: string }> {
  const act = (action: Record<string, unknown>) => ok(f.api('POST', '/actions', action));
  const ingest = (events: Record<string, unknown>[]) => ok(f.api('POST', '/ingest', { source: 'fixture', events }));
  await ok(f.api('PUT', '/kpi/settings', { alerts: [{ id: 'online-drop', kpi: 'online', condition: 'drop', red: 0.2, windowSec: 120, holdSec: 0 }] }));
  await ok(f.api('POST', '/products', { sku: 'TEA-01', name: '明前龙井 250g', priceFen: 12_800 }));
  await ok(f.api('POST', '/products', { sku: 'CUP-02', name: '青瓷茶杯', priceFen: 3_900 }));

  clock.t = T0 - 86_400_000;
  const previous = (await act({ type: 'session.start', title: '上一场 Previous' })).result?.id as string;
  await ingest([
    { type: 'snapshot', ts: clock.t + 1_000, online: 80, viewersUv: 90 },
    { type: 'order', ts: clock.t + 2_000, orderId: 'p1', sku: 'TEA-01', qty: 1, amount: 10_000, buyer: 'u9' },
  ]);
  clock.t += 120_000;
  await act({ type: 'session.end', confirm: true });

  clock.t = T0;
  const main = (await act({ type: 'session.start', title: '春茶专场 Spring tea' })).result?.id as string;
  await ingest([{ type: 'snapshot', ts: s(5), online: 100, viewersUv: 100 }]);
  clock.t = s(60);
  await act({ type: 'product.explain', sku: 'TEA-01' });
  await ingest([
    { type: 'order', ts: s(70), orderId: 'o1', sku: 'TEA-01', qty: 1, amount: 12_800, buyer: 'u1' },
    { type: 'snapshot', ts: s(90), online: 150, viewersUv: 180 },
  ]);
  clock.t = s(95);
  await act({ type: 'session.mark', label: '福利 giveaway' });
  await ingest([
    { type: 'order', ts: s(100), orderId: 'o2', sku: 'TEA-01', qty: 2, amount: 25_600, buyer: 'u2' },
    { type: 'order', ts: s(110), orderId: 'o3', sku: 'CUP-02', qty: 1, amount: 3_900, buyer: 'u1' },
  ]);
  clock.t = s(120);
  await act({ type: 'product.explain', sku: 'CUP-02' });
  await ingest([
    { type: 'comment', ts: s(130), user: 'v1', text: '好喝吗' },
    { type: 'comment', ts: s(131), user: 'v2', text: '多少钱' },
    { type: 'like', ts: s(132), count: 5 },
    { type: 'follow', ts: s(133), user: 'v1' },
    { type: 'snapshot', ts: s(150), online: 120, viewersUv: 200 },
  ]);
  // The start event the flash-sale feature logs, written directly so the hand-worked numbers do not
  // depend on its timers (flashsale.start's own behaviour is tested in show/).
  f.desk.log.log({ ts: s(160), kind: 'flashsale.start', data: { sku: 'CUP-02', name: '青瓷茶杯', priceFen: 2_900, seconds: 30, stock: 10 } });
  await ingest([{ type: 'order', ts: s(170), orderId: 'o4', sku: 'CUP-02', qty: 1, amount: 3_900, buyer: 'u3' }]);
  clock.t = s(180);
  await act({ type: 'product.explain', sku: 'TEA-01' });
  await ingest([
    { type: 'order', ts: s(200), orderId: 'o5', sku: 'TEA-01', qty: 1, amount: 12_800, buyer: 'u3' },
    { type: 'order', ts: s(210), orderId: 'o2', sku: 'TEA-01', qty: 2, amount: 25_600, buyer: 'u2' },
    { type: 'snapshot', ts: s(230), online: 130 },
  ]);
  clock.t = s(240);
  await act({ type: 'session.end', confirm: true });
  return { previous, main };
}
