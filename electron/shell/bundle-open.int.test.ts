import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreConnection } from '../core/contract/bridge.js';
import { openBundleFile } from './bundle-open.js';

const CORE_MAIN = fileURLToPath(new URL('../../out/electron/core/main.js', import.meta.url));

let dir: string;
let child: ChildProcess;
let core: CoreConnection;
const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${core.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${core.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return res;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'livedesk-shell-bundle-'));
  // The real core, as the shell supervises it (built by npm test / ensure-build).
  child = spawn(process.execPath, [CORE_MAIN, '--data-dir', dir, '--port', '0', '--obs-url', 'ws://127.0.0.1:9'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await Promise.race([once(lines, 'line'), once(child, 'exit').then(() => { throw new Error('core exited before DESK_READY'); })])) as [string];
  core = JSON.parse(line.slice('DESK_READY '.length)) as CoreConnection;
  const session = (await (await api('POST', '/actions', { type: 'session.start', title: '夜场 night show' })).json()) as { result: { id: string } };
  await api('POST', '/ingest', { events: [{ type: 'order', ts: Date.now(), orderId: 'n1', sku: 'TEA-01', qty: 1, amount: 100 }] });
  await api('POST', '/actions', { type: 'session.end', confirm: true });
  const bundle = Buffer.from(await (await api('GET', `/sessions/${session.result.id}/export?format=bundle`)).arrayBuffer());
  writeFileSync(join(dir, 'night.ldbundle'), bundle);
  writeFileSync(join(dir, 'broken.ldbundle'), 'garbage');
  // Gone from this desk: opening the bundle brings it back.
  await api('DELETE', `/sessions/${session.result.id}?confirm=true`);
});
afterAll(async () => {
  if (child?.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('File → Open a session bundle (shell)', () => {
  it('sends the file to the supervised core and reports what was opened or refused', async () => {
    expect(await openBundleFile(core, join(dir, 'night.ldbundle'))).toEqual({ ok: true, message: 'night.ldbundle: 1 session(s) opened — “夜场 night show”' });
    expect(await openBundleFile(core, join(dir, 'night.ldbundle'))).toEqual({ ok: true, message: 'night.ldbundle: 0 session(s) opened; 1 already on this desk' });
    expect(await openBundleFile(core, join(dir, 'broken.ldbundle'))).toEqual({ ok: false, message: expect.stringMatching(/^broken.ldbundle: not a LiveDesk session bundle/) });
    expect(await openBundleFile(core, join(dir, 'missing.ldbundle'))).toEqual({ ok: false, message: 'missing.ldbundle: cannot read the file (ENOENT)' });
  });
});
