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
import { shellStrings } from './shell-strings.js';

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
    const opened = await openBundleFile(core, join(dir, 'night.ldbundle'));
    expect(opened).toEqual({ file: 'night.ldbundle', opened: { titles: ['夜场 night show'], skipped: 0 } });
    expect(shellStrings('en').bundle(opened)).toBe('night.ldbundle: 1 session(s) opened — “夜场 night show”');
    expect(shellStrings('zh').bundle(opened)).toBe('night.ldbundle：打开了 1 个场次：“夜场 night show”');
    const again = await openBundleFile(core, join(dir, 'night.ldbundle'));
    expect(shellStrings('en').bundle(again)).toBe('night.ldbundle: 0 session(s) opened; 1 already on this desk');
    expect(shellStrings('zh').bundle(again)).toBe('night.ldbundle：打开了 0 个场次；1 个已在本机');
    const broken = await openBundleFile(core, join(dir, 'broken.ldbundle'));
    expect(broken).toEqual({ file: 'broken.ldbundle', refused: expect.stringMatching(/^not a LiveDesk session bundle/) });
    expect(shellStrings('zh').bundle(broken)).not.toMatch(/[A-Za-z]{4,} [a-z]+/);
    expect(await openBundleFile(core, join(dir, 'missing.ldbundle'))).toEqual({ file: 'missing.ldbundle', unreadable: 'ENOENT' });
  });
});
