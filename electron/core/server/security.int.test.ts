import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WsServerMessage } from '../contract/index.js';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';
import { runCoreExpectingExit, startCoreProcess } from '../testing/core-process.js';
import { startObsSim, type ObsSim } from '../../../native/sim/obs-sim.js';
import { apiRoutes } from './api-routes.js';

/**
 * DESIGN §8 over the real server: every route the router has (enumerated, so a new route is covered
 * the day it is added) refuses a missing or wrong token, and the overlay token reaches only the routes
 * that list it; the WebSocket likewise; the core refuses to listen beyond loopback without an explicit
 * token; secrets never reach logs, API answers or the database.
 */
let f: DeskFixture;
beforeAll(async () => {
  f = await startDeskFixture();
});
afterAll(async () => {
  await f?.close();
});

const WRONG = 'test-control-token-0123456780'; // same length as the real one: only the value differs

async function call(method: string, path: string, auth: { header?: string; query?: string }) {
  const url = new URL(`${f.server.url}/api/v1${path}`);
  if (auth.query) url.searchParams.set('token', auth.query);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth.header) headers.authorization = `Bearer ${auth.header}`;
  const body = method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify({ type: 'session.start', title: 'intruder' });
  const res = await fetch(url, { method, headers, body });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

describe('every API route', () => {
  const routes = () => apiRoutes(f.desk).list();
  const concrete = (pattern: string) => pattern.replace(/:[^/]+/g, 'x-1');

  it('is enumerable from the router', () => {
    expect(routes().length).toBeGreaterThanOrEqual(20);
    expect(routes()).toContainEqual({ method: 'POST', pattern: '/actions', roles: ['control'] });
  });

  it('refuses no token, a wrong token (header or query) and an empty bearer with 401', async () => {
    for (const { method, pattern } of routes()) {
      const path = concrete(pattern);
      for (const auth of [{}, { header: WRONG }, { query: WRONG }, { header: '' }, { header: f.token.slice(0, -1) }]) {
        const res = await call(method, path, auth);
        expect({ route: `${method} ${pattern}`, auth, status: res.status, code: res.body.error?.code }).toEqual({ route: `${method} ${pattern}`, auth, status: 401, code: 'unauthorized' });
      }
    }
  });

  it('lets the overlay token read only the routes that list it, and act on none', async () => {
    const reachable: string[] = [];
    for (const { method, pattern, roles } of routes()) {
      const res = await call(method, concrete(pattern), { query: f.overlayToken });
      if (roles.includes('overlay')) {
        expect(method).toBe('GET');
        // Let in: the answer is the thing, or that there is no such thing (x-1 is no uploaded image).
        expect({ route: pattern, status: [200, 404].includes(res.status) }).toEqual({ route: pattern, status: true });
        reachable.push(pattern);
      } else expect({ route: `${method} ${pattern}`, status: res.status, code: res.body.error?.code }).toEqual({ route: `${method} ${pattern}`, status: 403, code: 'forbidden' });
    }
    expect(reachable).toEqual(['/overlay', '/images/:name']);
    const overlay = (await call('GET', '/overlay', { query: f.overlayToken })).body as Record<string, unknown>;
    expect(Object.keys(overlay).sort()).toEqual(expect.arrayContaining(['kpi', 'product', 'rev']));
    expect(overlay).not.toHaveProperty('session');
    expect(overlay).not.toHaveProperty('obs');
    // Nothing any refused request carried was applied.
    expect(f.desk.hub.state.session).toBeNull();
    expect(f.desk.catalog.list()).toEqual([]);
  });
});

function openWs(query: string, headers: Record<string, string> = {}): Promise<{ ws: WebSocket; first: WsServerMessage } | { status: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${f.server.url.replace(/^http/, 'ws')}/ws${query}`, { headers });
    ws.once('message', (data) => resolve({ ws, first: JSON.parse(data.toString()) as WsServerMessage }));
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.once('error', reject);
  });
}

describe('the WebSocket', () => {
  it('refuses an upgrade without the token or with a wrong one', async () => {
    expect(await openWs('')).toEqual({ status: 401 });
    expect(await openWs(`?token=${WRONG}`)).toEqual({ status: 401 });
    expect(await openWs('', { authorization: `Bearer ${WRONG}` })).toEqual({ status: 401 });
  });

  it('gives the overlay token overlay state only, and refuses everything it sends', async () => {
    const opened = await openWs(`?token=${f.overlayToken}`);
    if (!('ws' in opened)) throw new Error(`overlay upgrade refused: ${opened.status}`);
    const { ws, first } = opened;
    expect(first.type).toBe('overlay');
    expect(first).not.toHaveProperty('state.session');
    const replies: WsServerMessage[] = [];
    ws.on('message', (data) => replies.push(JSON.parse(data.toString()) as WsServerMessage));
    const messages = [
      { type: 'action', id: 'a', action: { type: 'session.start', title: 'intruder' } },
      { type: 'ingest', id: 'i', batch: { events: [{ type: 'like', ts: 1, count: 1 }] } },
      { type: 'surface.key', id: 'k', surface: 'virtual-1', key: 0, down: true },
    ];
    for (const m of messages) ws.send(JSON.stringify(m));
    await expect.poll(() => replies.filter((r) => r.type === 'result').length, { timeout: 3_000 }).toBe(3);
    for (const r of replies.filter((x) => x.type === 'result')) expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(f.desk.hub.state.session).toBeNull();
    ws.close();
  });
});

describe('the core process', () => {
  it('refuses to listen beyond loopback without an explicit token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'livedesk-host-'));
    try {
      for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
        const exit = await runCoreExpectingExit(['--data-dir', dir, '--host', host, '--port', '0']);
        expect(exit.code).not.toBe(0);
        expect(exit.stderr).toMatch(/exposes the desk beyond this machine: pass an explicit --token/);
        expect(exit.stdout).not.toMatch(/DESK_READY/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('with secrets', () => {
    let sim: ObsSim;
    const dir = mkdtempSync(join(tmpdir(), 'livedesk-secrets-'));
    const token = 'secret-control-token-9f8e7d6c5b4a';
    const obsPassword = 'obs-secret-password-71b2c3d4';
    afterAll(async () => {
      await sim?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('never writes them to logs, API answers or the database, and keeps secrets.json at 0600', async () => {
      // The simulator wants another password: the core fails to authenticate and must say so without echoing it.
      sim = await startObsSim({ password: 'the-other-password-0000' });
      const core = await startCoreProcess(['--data-dir', dir, '--port', '0', '--token', token, '--obs-url', sim.url, '--obs-password', obsPassword]);
      let stdout = '';
      core.child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
      try {
        await core.waitForState((s) => s.obs.status === 'auth-failed');
        await core.api('POST', '/actions', { type: 'session.start', title: 'secrets' });
        await core.api('POST', '/actions', { type: 'obs.scene', scene: 'Host' });
        await core.api('POST', '/ingest', { events: [{ type: 'order', ts: Date.now(), orderId: 'o1', sku: 'A', qty: 1, amount: 100, buyer: 'someone' }] });
        await core.api('POST', '/ingest', { events: [{ type: 'bogus' }] });
        await core.api('POST', '/actions', { type: 'session.end', confirm: true });
        const answers = await Promise.all(['/state', '/health', '/obs/settings', '/obs/profiles', '/sessions'].map((p) => core.api('GET', p)));
        const secrets = [token, obsPassword, core.overlayToken];
        for (const answer of answers) for (const secret of secrets) expect(JSON.stringify(answer.body)).not.toContain(secret);
        await core.stop();
        for (const secret of secrets) {
          expect(core.stderr()).not.toContain(secret);
          expect(stdout).not.toContain(secret);
        }
        for (const file of readdirSync(dir).filter((n) => n.startsWith('livedesk.sqlite'))) {
          const bytes = readFileSync(join(dir, file)).toString('latin1');
          for (const secret of secrets) expect({ file, found: bytes.includes(secret) }).toEqual({ file, found: false });
        }
        expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
      } finally {
        await core.stop();
      }
    });
  });
});
