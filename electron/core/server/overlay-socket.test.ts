import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { overlayStateSchema, type DeskState, type OverlayState } from '../contract/index.js';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';

let f: DeskFixture;
beforeAll(async () => {
  f = await startDeskFixture();
});
afterAll(async () => {
  await f.close();
});

/** The overlay socket as OBS's browser source sees it: every push, and a wait for the one that matches. */
async function overlaySocket() {
  const ws = new WebSocket(`${f.server.url.replace('http', 'ws')}/ws?token=${f.overlayToken}`);
  const pushes: OverlayState[] = [];
  // `next` looks only at pushes after the one it last returned, so the steps read in order.
  let cursor = 0;
  let waiter: { match: (s: OverlayState) => boolean; resolve: (s: OverlayState) => void } | null = null;
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { type: string; state: OverlayState };
    if (message.type !== 'overlay') return;
    pushes.push(message.state);
    if (waiter?.match(message.state)) {
      cursor = pushes.length;
      waiter.resolve(message.state);
      waiter = null;
    }
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const next = (match: (s: OverlayState) => boolean) =>
    new Promise<OverlayState>((resolve) => {
      const index = pushes.findIndex((s, i) => i >= cursor && match(s));
      if (index >= 0) {
        cursor = index + 1;
        return resolve(pushes[index] as OverlayState);
      }
      waiter = { match, resolve };
    });
  return { ws, next, pushes };
}

const overlayKeys = Object.keys(overlayStateSchema.shape).sort();

describe('the overlay socket', () => {
  it('carries every field of overlayStateSchema and pushes a change of any one of them alone', async () => {
    expect((await f.api('POST', '/products', { sku: 'CUP-02', name: '青瓷茶杯', priceFen: 3_990, flashPriceFen: 2_990 })).status).toBe(201);
    await f.api('POST', '/actions', { type: 'session.start', title: 'overlay fields' });
    await f.api('POST', '/actions', { type: 'product.explain', sku: 'CUP-02' });
    f.desk.hub.patch({ scale: { device: 's', grams: 5, value: 5, unit: 'g', status: 'stable', net: false, placed: true, at: 1 } });
    // Every overlay field holds a value: a sale that ended (lastFlashSale) and one running (flashSale).
    expect((await f.api('POST', '/actions', { type: 'flashsale.start', sku: 'CUP-02', seconds: 600 })).status).toBe(200);
    expect((await f.api('POST', '/actions', { type: 'flashsale.stop' })).status).toBe(200);
    expect((await f.api('POST', '/actions', { type: 'flashsale.start', sku: 'CUP-02', seconds: 600, stock: 3 })).status).toBe(200);

    const { ws, next, pushes } = await overlaySocket();
    const first = await next(() => true);
    expect(Object.keys(first).sort()).toEqual(overlayKeys);
    for (const key of overlayKeys) expect(first[key as keyof OverlayState], key).not.toBeNull();
    // Each overlay field alone, as a fresh value (the socket compares by identity): each must be pushed.
    for (const key of overlayKeys.filter((k) => k !== 'rev') as (keyof OverlayState & keyof DeskState)[]) {
      const before = pushes.length;
      f.desk.hub.patch({ [key]: structuredClone(f.desk.hub.state[key]) } as Partial<DeskState>);
      const rev = f.desk.hub.state.rev;
      await next((s) => s.rev === rev);
      expect(pushes.length, `a change of "${key}" alone reaches overlays`).toBe(before + 1);
    }
    await f.api('POST', '/actions', { type: 'flashsale.stop' });
    f.desk.hub.patch({ scale: null });
    ws.close();
  });

  it("pushes a flash sale's start, its sell-out and its countdown end at once, with nothing else changing", async () => {
    const { ws, next } = await overlaySocket();
    await next(() => true);
    // Start: only the flash sale changes on the overlay.
    const begun = await f.api('POST', '/actions', { type: 'flashsale.start', sku: 'CUP-02', seconds: 600, stock: 2 });
    expect(begun.status, JSON.stringify(begun.body)).toBe(200);
    expect(await next((s) => s.flashSale?.sku === 'CUP-02')).toMatchObject({ flashSale: { stock: 2, sold: 0, priceFen: 2_990, regularFen: 3_990 } });
    // Sell-out: the band leaves the overlay at once.
    const ts = Date.now();
    const ingested = await f.api('POST', '/ingest', { events: [{ type: 'order', ts, orderId: 'ov-1', sku: 'CUP-02', qty: 2, amount: 5_980 }] });
    expect(ingested.status, JSON.stringify(ingested.body)).toBe(202);
    await next((s) => s.flashSale === null);
    expect(f.desk.hub.state.lastFlashSale).toMatchObject({ reason: 'sold-out', sold: 2 });
    // Countdown end: a 1-second sale ends by time; the push comes with no other figure changing.
    await f.api('POST', '/actions', { type: 'flashsale.start', sku: 'CUP-02', seconds: 1 });
    const started = await next((s) => s.flashSale?.stock === null);
    const ended = await next((s) => s.rev > started.rev && s.flashSale === null);
    expect({ product: ended.product, kpi: ended.kpi }).toEqual({ product: started.product, kpi: started.kpi });
    expect(f.desk.hub.state.lastFlashSale).toMatchObject({ reason: 'time' });
    ws.close();
  });
});
