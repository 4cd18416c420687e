import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Thumbnails } from '../../native/hid/render/thumbnails.js';
import { startCoreProcess, type CoreProcess } from './testing/core-process.js';
import {
  BUNDLE_MUTATIONS,
  ingestTimestamps,
  pictureSources,
  platformImportFiles,
  UPGRADE_HEADERS,
  UPGRADE_PATHS,
  upgradeRequest,
} from './testing/proof-inputs.js';
import { rawRequest, statusOf } from './testing/raw-http.js';
import { makeStrayBundles } from './testing/stray-files.js';

/**
 * The proof suite (issue 13): every generator of hostile input against one real core — WebSocket
 * upgrade paths and headers, session bundles (valid SQLite with hostile rows, tables, triggers,
 * sizes), platform import files, ingest timestamps, product picture paths, stray files in the data
 * dir. It counts what it tried, checks the desk answered every one (an HTTP status, 4xx where the
 * input is bad, never a 5xx or a dead process), and then restarts the core on the same data dir:
 * it must print DESK_READY and serve /health, /sessions and the review.
 */
const ARGS = ['--port', '0', '--obs-url', 'ws://127.0.0.1:9'];
const dir = mkdtempSync(join(tmpdir(), 'livedesk-proof-'));
const dataDir = join(dir, 'desk');
const fifo = join(dir, 'picture.fifo');
let core: CoreProcess;
let endless: Server;
let endlessUrl: string;
let sessionId: string;
const tally = new Map<string, { tried: number; answered: number }>();

function count(kind: string, answered: boolean): void {
  const t = tally.get(kind) ?? { tried: 0, answered: 0 };
  t.tried++;
  if (answered) t.answered++;
  tally.set(kind, t);
}

const alive = () => core.child.exitCode === null && core.child.signalCode === null;
const auth = () => ({ authorization: `Bearer ${core.token}` });

async function ok(res: Promise<{ status: number; body: unknown }>, what: string) {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { result?: { id: string } };
}

beforeAll(async () => {
  execFileSync('mkfifo', [fifo]);
  endless = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(Buffer.alloc(64 * 1024))), 2);
    res.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
  endlessUrl = `http://127.0.0.1:${(endless.address() as AddressInfo).port}/picture.png`;
  core = await startCoreProcess(['--data-dir', dataDir, ...ARGS]);
  await ok(core.api('POST', '/products', { sku: 'PROOF-1', name: '证明 1', priceFen: 990 }), 'product');
  sessionId = (await ok(core.api('POST', '/actions', { type: 'session.start', title: 'proof show' }), 'start')).result?.id as string;
  await ok(core.api('POST', '/actions', { type: 'product.explain', sku: 'PROOF-1' }), 'explain');
  const t = Date.now();
  await ok(core.api('POST', '/ingest', { events: [{ type: 'snapshot', ts: t, online: 5 }, { type: 'order', ts: t, orderId: 'p1', sku: 'PROOF-1', qty: 1, amount: 990, buyer: 'b' }] }), 'ingest');
  await ok(core.api('PUT', `/sessions/${sessionId}/notes`, { notes: [{ role: 'r', text: 'n' }], actions: [] }), 'notes');
});
afterAll(async () => {
  await core?.stop();
  endless?.closeAllConnections();
  await new Promise((resolve) => endless?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('the proof suite', () => {
  it('WebSocket upgrades: odd targets × hostile headers, with and without the token', async () => {
    const host = new URL(core.url).host;
    for (const path of UPGRADE_PATHS) {
      for (const target of [path, `${path}${path.includes('?') ? '&' : '?'}token=${core.token}`]) {
        for (const { headers } of UPGRADE_HEADERS) {
          const status = statusOf(await rawRequest(core.url, upgradeRequest(target, headers, host)));
          count('websocket upgrade', status !== null && status < 500 && alive());
        }
      }
    }
  });

  it('ingest timestamps: inside the window accepted, outside refused naming ts', async () => {
    for (const { name, ts, ok: inside } of ingestTimestamps(Date.now())) {
      const r = await core.api('POST', '/ingest', { events: [{ type: 'like', ts, count: 1 }] });
      const right = inside ? r.status === 202 : r.status === 400 && String(r.body?.error?.field).endsWith('ts');
      if (!right) throw new Error(`timestamp ${name}: ${r.status} ${JSON.stringify(r.body)}`);
      count('ingest timestamp', alive());
    }
  });

  it('product picture paths: the API answers and the key thumbnail loader settles each', async () => {
    const sources = pictureSources(fifo, endlessUrl);
    const thumbnails = new Thumbnails();
    const settled = new Set<string>();
    thumbnails.onLoaded((src) => settled.add(src));
    for (const [i, image] of sources.entries()) {
      const r = await core.api('POST', '/products', { sku: `PIC-${i}`, name: `picture ${i}`, priceFen: 1, image });
      if (r.status === 201) await ok(core.api('POST', '/actions', { type: 'product.explain', sku: `PIC-${i}` }), `explain PIC-${i}`);
      count('picture path (API)', r.status < 500 && alive());
      expect(thumbnails.get(image, 72, 72)).toBeNull();
    }
    await expect.poll(() => sources.filter((s) => !settled.has(s)), { timeout: 15_000 }).toEqual([]);
    for (const src of sources) count('picture path (key loader)', !thumbnails.ready(src));
  });

  it('platform import files: each refused or imported, never a 5xx', async () => {
    for (const { name, body } of platformImportFiles()) {
      const res = await fetch(`${core.url}/api/v1/sessions/${sessionId}/import?platform=douyin`, { method: 'POST', headers: { ...auth(), 'content-type': 'text/csv' }, body });
      const text = await res.text();
      if (res.status >= 500) throw new Error(`platform file ${name}: ${res.status} ${text.slice(0, 200)}`);
      count('platform import file', alive());
    }
  });

  it('session bundles: every hostile variant refused whole', async () => {
    await ok(core.api('POST', '/actions', { type: 'session.end', confirm: true }), 'end');
    const res = await fetch(`${core.url}/api/v1/sessions/${sessionId}/export?format=bundle`, { headers: auth() });
    expect(res.status).toBe(200);
    const bundle = Buffer.from(await res.arrayBuffer());
    for (const { name, sql } of BUNDLE_MUTATIONS) {
      const file = join(dir, 'mutated.ldbundle');
      writeFileSync(file, bundle);
      const db = new Database(file);
      db.exec(sql);
      db.close();
      const r = await fetch(`${core.url}/api/v1/review/import`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/octet-stream' }, body: readFileSync(file) });
      const text = await r.text();
      if (r.status !== 400) throw new Error(`bundle "${name}": ${r.status} ${text.slice(0, 200)}`);
      count('session bundle', alive());
    }
  });

  it('stray files in the data dir, then a restart on the same data dir', async () => {
    const strays = makeStrayBundles(dataDir);
    expect(alive()).toBe(true);
    expect(await core.stop()).toBe(0);
    core = await startCoreProcess(['--data-dir', dataDir, ...ARGS], { timeoutMs: 20_000 });
    for (const path of ['/health', '/sessions', `/sessions/${sessionId}/review`, `/sessions/${sessionId}/products`, '/review/sessions']) {
      const r = await core.api('GET', path);
      expect({ path, status: r.status }).toEqual({ path, status: 200 });
    }
    for (const name of strays) count('stray data-dir entry (skipped at start)', core.stderr().includes(`bundle ${name}: not opened`));
    const lines = [...tally].map(([kind, t]) => `  ${kind}: tried ${t.tried}, answered ${t.answered}`);
    process.stderr.write(`proof suite:\n${lines.join('\n')}\n  restart on the same data dir: DESK_READY, /health, /sessions and the review answered\n`);
    for (const [kind, t] of tally) expect({ kind, answered: t.answered }).toEqual({ kind, answered: t.tried });
  });
});
