import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';
import { CORE_MAIN, startCoreProcess } from '../testing/core-process.js';
import { upgradeRequest } from '../testing/proof-inputs.js';
import { rawRequest, statusOf } from '../testing/raw-http.js';

/**
 * A localhost server is still reachable from web pages (DESIGN §8, issue 13): a page on a rebinding
 * domain reaches 127.0.0.1 with its own name in Host, and any page can open a WebSocket with its
 * Origin. Both are refused; links never echo a foreign Host; no CORS headers; CSV cells that a
 * spreadsheet would run are neutralised; idle sockets cannot starve the desk of file descriptors.
 */
let f: DeskFixture;
beforeAll(async () => {
  f = await startDeskFixture();
});
afterAll(async () => {
  await f?.close();
});

const get = (path: string, host: string, extra = '') => rawRequest(f.server.url, `GET /api/v1${path} HTTP/1.1\r\nhost: ${host}\r\nauthorization: Bearer ${f.token}\r\n${extra}connection: close\r\n\r\n`);

describe('Host and Origin', () => {
  it('refuses a foreign Host on HTTP (DNS rebinding) and serves loopback names', async () => {
    const port = new URL(f.server.url).port;
    for (const host of [`evil.example:${port}`, `127.0.0.1.evil.example:${port}`, 'evil.example', `localhost.:${port}x`]) {
      expect(statusOf(await get('/health', host)), host).toBe(403);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, '127.0.0.1']) expect(statusOf(await get('/health', host)), host).toBe(200);
  });

  it('refuses a foreign Host and a foreign Origin on WebSocket upgrades', async () => {
    const host = new URL(f.server.url).host;
    const path = `/ws?token=${f.token}`;
    expect(statusOf(await rawRequest(f.server.url, upgradeRequest(path, {}, host)))).toBe(101);
    expect(statusOf(await rawRequest(f.server.url, upgradeRequest(path, { origin: `http://${host}` }, host)))).toBe(101);
    expect(statusOf(await rawRequest(f.server.url, upgradeRequest(path, { origin: 'http://localhost:5173' }, host)))).toBe(101);
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example', '%%']) {
      expect(statusOf(await rawRequest(f.server.url, upgradeRequest(path, { origin }, host))), origin).toBe(403);
    }
    expect(statusOf(await rawRequest(f.server.url, upgradeRequest(path, {}, 'evil.example')))).toBe(403);
  });

  it('never echoes a foreign Host in overlay links and sends no CORS headers', async () => {
    const port = new URL(f.server.url).port;
    const foreign = await get('/overlay/links', `evil.example:${port}`);
    expect(foreign).not.toMatch(/evil/);
    const answer = await get('/overlay/links', `localhost:${port}`, 'origin: https://evil.example\r\n');
    expect(statusOf(answer)).toBe(200);
    expect(answer).toContain(`http://localhost:${port}/overlay/card?token=`);
    expect(answer).not.toMatch(/evil|access-control-/i);
  });
});

describe('CSV export', () => {
  it('neutralises cells starting with a tab or a carriage return as well as = + - @', async () => {
    await f.api('POST', '/actions', { type: 'session.start', title: 'csv' });
    const id = f.desk.hub.state.session?.id as string;
    await f.api('POST', '/actions', { type: 'session.end', confirm: true });
    const texts = ['\t=cmd|calc', '\r=1+1', '=1+1', '@SUM(A1)'];
    expect((await f.api('PUT', `/sessions/${id}/notes`, { notes: texts.map((text) => ({ role: 'r', text })), actions: [] })).status).toBe(200);
    const res = await fetch(`${f.server.url}/api/v1/sessions/${id}/export?format=csv&table=notes`, { headers: { authorization: `Bearer ${f.token}` } });
    const csv = await res.text();
    for (const text of texts) expect(csv, JSON.stringify(text)).toContain(`'${text}`);
  });
});

describe('file descriptors running short', () => {
  it('answers /health with 1,100 idle sockets open at a 1024 descriptor limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'livedesk-fds-'));
    const core = await startCoreProcess(['--data-dir', dir, '--port', '0', '--obs-url', 'ws://127.0.0.1:9'], {
      command: ['sh', '-c', 'ulimit -n 1024 && exec "$0" "$@"', process.execPath, CORE_MAIN],
    });
    const sockets: Socket[] = [];
    try {
      const { hostname, port } = new URL(core.url);
      for (let i = 0; i < 1_100; i++) {
        const socket = connect(Number(port), hostname);
        socket.on('error', () => undefined);
        sockets.push(socket);
      }
      await Promise.all(sockets.map((s) => new Promise<void>((resolve) => (s.readyState === 'open' ? resolve() : s.once('connect', () => resolve()).once('close', () => resolve())))));
      const health = await fetch(`${core.url}/api/v1/health`, { headers: { authorization: `Bearer ${core.token}` }, signal: AbortSignal.timeout(20_000) });
      expect(health.status).toBe(200);
      expect(core.child.exitCode).toBeNull();
    } finally {
      for (const s of sockets) s.destroy();
      await core.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
