import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WsServerMessage } from '../contract/index.js';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';

let f: DeskFixture;
beforeAll(async () => {
  f = await startDeskFixture();
});
afterAll(async () => {
  await f.close();
});

/** Opens /ws and collects messages; `next` resolves with the first message matching a predicate. */
async function connect(token: string) {
  const ws = new WebSocket(`${f.server.url.replace('http', 'ws')}/ws?token=${token}`);
  const inbox: WsServerMessage[] = [];
  const waiters: { match: (m: WsServerMessage) => boolean; resolve: (m: WsServerMessage) => void }[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as WsServerMessage;
    inbox.push(message);
    for (const w of [...waiters]) if (w.match(message)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(message);
    }
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const next = (match: (m: WsServerMessage) => boolean) =>
    new Promise<WsServerMessage>((resolve) => {
      const seen = inbox.find(match);
      if (seen) return resolve(seen);
      waiters.push({ match, resolve });
    });
  return { ws, next, inbox };
}

describe('HTTP API auth', () => {
  it.each(['/health', '/state', '/products', '/sessions'])('GET %s needs the token', async (path) => {
    expect((await f.api('GET', path, undefined, null)).status).toBe(401);
    expect((await f.api('GET', path, undefined, 'wrong-token-xxxxxxxxxxxx')).status).toBe(401);
    const ok = await f.api('GET', path);
    expect(ok.status).toBe(200);
  });

  it('gives the overlay token the overlay view and nothing else', async () => {
    expect((await f.api('GET', '/overlay', undefined, f.overlayToken)).status).toBe(200);
    for (const [method, path] of [['GET', '/state'], ['POST', '/actions'], ['POST', '/ingest'], ['GET', '/sessions']] as const) {
      const res = await f.api(method, path, method === 'POST' ? {} : undefined, f.overlayToken);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });
});

describe('HTTP API errors', () => {
  it('answers malformed JSON, wrong content type, bad fields and unknown routes with specific 4xx', async () => {
    const badJson = await f.api('POST', '/actions', '{"type": ');
    expect(badJson).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringMatching(/not valid JSON/) } } });

    const res = await fetch(`${f.server.url}/api/v1/actions`, { method: 'POST', headers: { authorization: `Bearer ${f.token}`, 'content-type': 'text/plain' }, body: 'hi' });
    expect(res.status).toBe(400);

    const badField = await f.api('POST', '/products', { sku: 'A B', name: 'x', priceFen: 1 });
    expect(badField).toMatchObject({ status: 400, body: { error: { field: 'sku' } } });
    const negative = await f.api('POST', '/products', { sku: 'AB', name: 'x', priceFen: -1 });
    expect(negative.body.error.field).toBe('priceFen');

    expect((await f.api('GET', '/nope')).status).toBe(404);
    expect((await f.api('DELETE', '/state')).status).toBe(404);
  });

  it('refuses a body over the limit with 413', async () => {
    const big = JSON.stringify({ type: 'session.mark', label: 'x'.repeat(2 * 1024 * 1024) });
    const res = await f.api('POST', '/actions', big);
    expect(res.status).toBe(413);
  });

  it('reports an ingest batch rejection with the index and field', async () => {
    await f.api('POST', '/actions', { type: 'session.start', title: 'api errors' });
    const res = await f.api('POST', '/ingest', { events: [{ type: 'snapshot', ts: 1, online: 3 }, { type: 'order', ts: 2, sku: 'X', qty: 1, amount: 10 }] });
    expect(res).toMatchObject({ status: 400, body: { error: { index: 1, field: 'events.1.orderId' } } });
    const good = await f.api('POST', '/ingest', { events: [{ type: 'order', ts: Date.now(), orderId: 'z', sku: 'X', qty: 1, amount: 10 }] });
    expect(good).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
    await f.api('POST', '/actions', { type: 'session.end', confirm: true });
  });

  it('returns 409 for a refused action and a product conflict', async () => {
    expect((await f.api('POST', '/actions', { type: 'session.end' })).status).toBe(409);
    expect((await f.api('POST', '/products', { sku: 'DUP', name: 'a', priceFen: 1 })).status).toBe(201);
    expect((await f.api('POST', '/products', { sku: 'DUP', name: 'b', priceFen: 2 })).status).toBe(409);
    expect((await f.api('PUT', '/products/DUP', { name: 'b', priceFen: 2 })).body).toMatchObject({ sku: 'DUP', name: 'b', priceFen: 2 });
    expect((await f.api('DELETE', '/products/DUP')).status).toBe(200);
    expect((await f.api('DELETE', '/products/DUP')).status).toBe(404);
  });
});

describe('WebSocket /ws', () => {
  it('refuses a missing token at the upgrade', async () => {
    const ws = new WebSocket(`${f.server.url.replace('http', 'ws')}/ws`);
    const status = await new Promise<number | undefined>((resolve) => ws.once('unexpected-response', (_req, res) => resolve(res.statusCode)).once('error', () => resolve(undefined)));
    expect(status).toBe(401);
  });

  it('pushes state on connect and on change, and runs actions and key presses', async () => {
    const { ws, next } = await connect(f.token);
    await next((m) => m.type === 'state');
    ws.send(JSON.stringify({ type: 'action', id: 'a1', action: { type: 'obs.scene', scene: 'Host' } }));
    expect(await next((m) => m.type === 'result' && m.id === 'a1')).toMatchObject({ ok: true });
    await next((m) => m.type === 'state' && m.state.obs.programScene === 'Host');

    ws.send(JSON.stringify({ type: 'action', id: 'a2', action: { type: 'obs.scene', scene: 'Nope' } }));
    expect(await next((m) => m.type === 'result' && m.id === 'a2')).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // The default layout's first row: four scene keys, then the key to page 2 (issue 17's show keys).
    ws.send(JSON.stringify({ type: 'surface.key', id: 'k1', surface: 'virtual-1', key: 3, down: true }));
    expect(await next((m) => m.type === 'result' && m.id === 'k1')).toMatchObject({ ok: true });
    await next((m) => m.type === 'state' && m.state.obs.programScene === 'Product B');

    ws.send('not json');
    expect(await next((m) => m.type === 'result' && m.ok === false && m.id === null)).toMatchObject({ error: { code: 'bad_request' } });
    ws.close();
  });

  it('sends overlays only the overlay view and refuses their messages', async () => {
    const { ws, next } = await connect(f.overlayToken);
    const first = await next(() => true);
    expect(first.type).toBe('overlay');
    // The live weight (issue 6) and the flash sale (issue 4) are part of the overlay view: both are shown on stream.
    expect(Object.keys((first as { state: object }).state).sort()).toEqual(['flashSale', 'kpi', 'lastFlashSale', 'product', 'rev', 'scale']);
    ws.send(JSON.stringify({ type: 'action', id: 'x', action: { type: 'product.clear' } }));
    expect(await next((m) => m.type === 'result')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ws.close();
  });

  it('pushes a new weight to overlays even when product and KPIs stay the same', async () => {
    const { ws, next } = await connect(f.overlayToken);
    await next(() => true);
    const weigh = (grams: number) => f.desk.hub.patch({ scale: { device: 's', grams, value: grams, unit: 'g', status: 'stable', net: false, placed: false, at: 1 } });
    weigh(100);
    await next((m) => m.type === 'overlay' && (m.state as { scale?: { grams: number } | null }).scale?.grams === 100);
    f.desk.hub.patch({ scale: { device: 's', grams: 321.5, value: 321.5, unit: 'g', status: 'stable', net: false, placed: false, at: 1 } });
    const pushed = await next((m) => m.type === 'overlay' && (m.state as { scale?: { grams: number } | null }).scale?.grams === 321.5);
    expect(pushed.type).toBe('overlay');
    f.desk.hub.patch({ scale: null });
    ws.close();
  });
});
