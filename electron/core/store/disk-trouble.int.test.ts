import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskState } from '../contract/index.js';
import { Desk } from '../engine/desk.js';
import { startServer, type RunningServer } from '../server/server.js';
import { runCoreExpectingExit } from '../testing/core-process.js';
import { fillDisk, tryMount, umount } from '../testing/tiny-disk.js';
import { startObsSim, type ObsSim } from '../../../native/sim/obs-sim.js';

/**
 * Disk trouble on a real (tiny, loop-free) file system: a tmpfs mounted for the test. Needs root (or
 * CAP_SYS_ADMIN); elsewhere the suite is skipped with a message rather than faked.
 */
const probe = mkdtempSync(join(tmpdir(), 'livedesk-mount-probe-'));
const canMount = tryMount(probe, 'size=64k');
if (canMount) umount(probe);
rmSync(probe, { recursive: true, force: true });
if (!canMount) console.warn('disk-trouble: skipped — mounting a small tmpfs needs root (CAP_SYS_ADMIN)');

const TOKEN = 'disk-test-token-0123456789';

describe.skipIf(!canMount)('the data dir runs out of space during a show', () => {
  const dir = mkdtempSync(join(tmpdir(), 'livedesk-full-'));
  let sim: ObsSim;
  let desk: Desk;
  let server: RunningServer;

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- asserted shapes
  };
  const waitFor = (predicate: (s: DeskState) => boolean, timeoutMs = 5_000) =>
    new Promise<DeskState>((resolve, reject) => {
      if (predicate(desk.hub.state)) return resolve(desk.hub.state);
      const timer = setTimeout(() => reject(new Error(`state not reached; storage ${JSON.stringify(desk.hub.state.storage)}`)), timeoutMs);
      const off = desk.hub.subscribe((s) => {
        if (!predicate(s)) return;
        clearTimeout(timer);
        off();
        resolve(s);
      });
    });

  beforeAll(async () => {
    expect(tryMount(dir, 'size=6m')).toBe(true);
    sim = await startObsSim({ password: 'pw', scenes: ['Opening', 'Host', 'BRB'] });
    desk = new Desk({ dbFile: join(dir, 'livedesk.sqlite'), obsUrl: sim.url, obsPassword: 'pw', demo: false, version: 'test' });
    await desk.start();
    server = await startServer({ desk, host: '127.0.0.1', port: 0, token: TOKEN, overlayToken: 'disk-overlay-token-0123456789', staticDir: join(dir, 'none') });
    await waitFor((s) => s.obs.status === 'connected');
  });

  afterAll(async () => {
    await server?.close();
    await desk?.close();
    await sim?.close();
    try {
      umount(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const batch = (tag: string, n: number, textSize: number) => ({
    events: Array.from({ length: n }, (_, i) =>
      i % 10 === 0
        ? { type: 'order', ts: Date.now(), orderId: `${tag}-${i}`, sku: 'DISK-1', qty: 1, amount: 100 }
        : { type: 'comment', ts: Date.now(), user: `u${i}`, text: '满'.repeat(textSize) },
    ),
  });

  it('refuses durable writes with a loud 503 and an alert, keeps the show running, and recovers without corruption', async () => {
    const started = await api('POST', '/actions', { type: 'session.start', title: '磁盘满 Disk full' });
    const sessionId = started.body.result.id as string;
    expect((await api('POST', '/ingest', batch('ok', 100, 10))).status).toBe(202);

    const { filler, code } = fillDisk(dir);
    expect(code).toBe('ENOSPC');
    expect(statfsSync(dir).bavail).toBeLessThan(16);

    // WAL pages already on disk can take a little more; a batch bigger than those cannot fit.
    const acked: string[] = ['ok'];
    let refused: { tag: string; body: any } | null = null; // eslint-disable-line @typescript-eslint/no-explicit-any -- error body
    for (let i = 0; i < 6 && !refused; i++) {
      const res = await api('POST', '/ingest', batch(`b${i}`, 1_000, 300));
      if (res.status === 202) acked.push(`b${i}`);
      else {
        expect(res.status).toBe(503);
        refused = { tag: `b${i}`, body: res.body };
      }
    }
    expect(refused?.body.error).toMatchObject({ code: 'storage_unavailable', message: expect.stringMatching(/disk is full.*Nothing of this request was stored/) });
    const troubled = await waitFor((s) => s.storage?.ok === false);
    expect(troubled.alerts.find((a) => a.id === 'storage')).toMatchObject({ level: 'error', text: expect.stringMatching(/disk is full/) });
    const health = await api('GET', '/health');
    expect(health.body.db).toMatchObject({ ok: false, reason: 'the disk is full' });
    const kpiWhileFull = desk.hub.state.kpi;

    // The show goes on from memory: OBS switches, markers are taken (and kept until they can be written).
    expect((await api('POST', '/actions', { type: 'obs.scene', scene: 'Host' })).status).toBe(200);
    expect(sim.programScene()).toBe('Host');
    expect((await api('POST', '/actions', { type: 'session.mark', label: '磁盘满时的标记' })).status).toBe(200);
    expect(desk.hub.state.storage?.pending).toBeGreaterThan(0);
    expect(desk.hub.state.kpi).toEqual(kpiWhileFull);

    rmSync(filler);
    const recovered = await waitFor((s) => s.storage?.ok === true, 5_000);
    expect(recovered.alerts.some((a) => a.id === 'storage')).toBe(false);
    expect(recovered.storage?.pending).toBe(0);
    expect((await api('POST', '/ingest', batch(refused?.tag as string, 1_000, 300))).status).toBe(202);
    expect((await api('GET', '/health')).body.db.ok).toBe(true);
    expect((await api('POST', '/actions', { type: 'session.end', confirm: true })).status).toBe(200);
    await server.close();
    await desk.close();

    const db = new Database(join(dir, 'livedesk.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const kinds = db.prepare<[string], { kind: string; data: string }>('SELECT kind, data FROM events WHERE session_id = ?').all(sessionId);
      expect(kinds.some((e) => e.kind === 'mark' && e.data.includes('磁盘满时的标记'))).toBe(true);
      expect(kinds.some((e) => e.kind === 'alert' && e.data.includes('disk is full'))).toBe(true);
      const orders = db.prepare<[string], { order_id: string }>('SELECT order_id FROM orders WHERE session_id = ?').all(sessionId).map((r) => r.order_id);
      // Every acknowledged batch whole, the refused one exactly once (from its retry), nothing half-written.
      for (const tag of [...acked, refused?.tag as string]) expect(orders.filter((o) => o.startsWith(`${tag}-`)).length).toBe(tag === 'ok' ? 10 : 100);
    } finally {
      db.close();
    }
  });
});

describe.skipIf(!canMount)('a read-only data dir', () => {
  it('stops the start with one clear line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'livedesk-ro-'));
    expect(tryMount(dir, 'ro,size=64k')).toBe(true);
    try {
      const exit = await runCoreExpectingExit(['--data-dir', dir, '--port', '0', '--obs-url', 'ws://127.0.0.1:9']);
      expect(exit.code).not.toBe(0);
      expect(exit.stderr.trim().split('\n')).toEqual([`livedesk: data dir ${dir} is not usable: EROFS`]);
    } finally {
      umount(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
