import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';

// Alerts that no longer apply clear themselves (issue 16), not only when their time runs out.
let f: DeskFixture;
beforeAll(async () => {
  f = await startDeskFixture();
  // Key 2 steps to the next product: along the plan when one runs, else along the catalog.
  const bindings = { layouts: { default: { pages: [{ name: '走播', keys: { '2': { kind: 'action', action: { type: 'product.next' } } } }] } } };
  expect((await f.api('PUT', '/bindings', bindings)).status).toBe(200);
});
afterAll(async () => {
  await f.close();
});

const tapNext = () => {
  f.desk.deck.press(2, true);
  f.desk.deck.press(2, false);
};
const codes = () => f.desk.hub.state.alerts.map((a) => a.code);

describe('alerts whose condition ended', () => {
  it('"catalog is empty" clears once a product exists', async () => {
    tapNext();
    await f.waitForState((s) => s.alerts.some((a) => a.code === 'catalog.empty'));
    expect((await f.api('POST', '/products', { sku: 'AC-1', name: '清单商品', priceFen: 990 })).status).toBe(201);
    expect(codes()).not.toContain('catalog.empty');
  });

  it('a plan alert clears once the plan ended', async () => {
    const { id: planId } = (await f.api('POST', '/plans', { name: '一段', items: [{ kind: 'product', sku: 'AC-1', minutes: 5 }] })).body as { id: string };
    await f.api('POST', '/actions', { type: 'session.start', title: '按脚本', planId });
    tapNext();
    await f.waitForState((s) => s.alerts.some((a) => a.code === 'plan.atLast'));
    await f.api('POST', '/actions', { type: 'session.end', confirm: true });
    expect(f.desk.hub.state.plan ?? null).toBeNull();
    // Subscribers hear the state after it is published; well within the alert's own 10 s lifetime.
    await f.waitForState((s) => !s.alerts.some((a) => a.code === 'plan.atLast'), 5_000);
  });
});
