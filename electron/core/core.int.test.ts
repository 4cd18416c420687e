import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import OBSWebSocket from 'obs-websocket-js/json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealObs, type RealObs } from './obs/testing/real-obs.js';
import { runCoreExpectingExit, startCoreProcess, type CoreProcess } from './testing/core-process.js';

/**
 * The walking skeleton's "done when", through the product's own interfaces only: the compiled core as
 * a process, a real OBS 29 under Xvfb, HTTP and WebSocket.
 */
describe('the core against a real OBS', () => {
  let obs: RealObs;
  let core: CoreProcess;
  let dir: string;
  const token = 'integration-token-0123456789';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'livedesk-core-'));
    obs = await startRealObs({ scenes: ['开场 Opening', 'Host', '商品 Product A', 'BRB'] });
    core = await startCoreProcess(['--data-dir', dir, '--port', '0', '--token', token, '--obs-url', obs.url, '--obs-password', obs.password]);
    await core.waitForState((s) => s.obs.status === 'connected');
  });

  afterAll(async () => {
    await core?.stop();
    await obs?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a session: scene switch, explain, ingest, end, read back', async () => {
    const observer = new OBSWebSocket();
    await observer.connect(obs.url, obs.password);
    try {
      expect((await core.api('POST', '/products', { sku: 'TEA-01', name: '明前龙井', priceFen: 12_800, scene: '商品 Product A' })).status).toBe(201);
      const started = await core.api('POST', '/actions', { type: 'session.start', title: '集成测试 Integration' });
      expect(started.status).toBe(200);
      const sessionId = started.body.result.id as string;

      expect((await core.api('POST', '/actions', { type: 'obs.scene', scene: 'Host' })).status).toBe(200);
      expect((await observer.call('GetCurrentProgramScene')).currentProgramSceneName).toBe('Host');

      const explained = await core.api('POST', '/actions', { type: 'product.explain', sku: 'TEA-01' });
      expect(explained.body.result.sceneError).toBeNull();
      expect((await observer.call('GetCurrentProgramScene')).currentProgramSceneName).toBe('商品 Product A');
      expect((await core.api('GET', '/overlay', undefined, core.overlayToken)).body.product).toMatchObject({ sku: 'TEA-01', name: '明前龙井', priceFen: 12_800 });

      const ts = Date.now();
      const batch = {
        source: 'test',
        events: [
          { type: 'snapshot', ts, online: 1_234 },
          { type: 'order', ts: ts + 10, orderId: 'D-1', sku: 'TEA-01', qty: 1, amount: 12_800, buyer: 'u1' },
          { type: 'order', ts: ts + 20, orderId: 'D-2', sku: 'TEA-01', qty: 2, amount: 25_600, buyer: 'u2' },
        ],
      };
      expect((await core.api('POST', '/ingest', batch)).body).toEqual({ accepted: 3, duplicates: 0 });
      expect((await core.api('POST', '/ingest', batch)).body).toEqual({ accepted: 1, duplicates: 2 });
      const state = (await core.api('GET', '/state')).body;
      expect(state.kpi).toMatchObject({ online: 1_234, gmvFen: 38_400, orders: 2 });
      expect(state.product).toMatchObject({ sku: 'TEA-01', gmvFen: 38_400, orders: 2 });

      // Changed by another client: the desk follows.
      await observer.call('SetCurrentProgramScene', { sceneName: 'BRB' });
      await core.waitForState((s) => s.obs.programScene === 'BRB');

      expect((await core.api('POST', '/actions', { type: 'session.end', confirm: true })).status).toBe(200);
      const detail = (await core.api('GET', `/sessions/${sessionId}`)).body;
      expect(detail).toMatchObject({ status: 'ended', title: '集成测试 Integration', totals: { gmvFen: 38_400, orders: 2, buyers: 2, peakOnline: 1_234 } });
      expect(detail.segments).toMatchObject([{ sku: 'TEA-01', name: '明前龙井' }]);
      const kinds = detail.events.map((e: { kind: string }) => e.kind);
      expect(kinds).toEqual(expect.arrayContaining(['session.start', 'action', 'obs.scene', 'explain.start', 'ingest.order', 'explain.end', 'session.end']));
      expect((await core.api('GET', '/sessions')).body[0]).toMatchObject({ id: sessionId });
    } finally {
      await observer.disconnect();
    }
  });

  it('reports OBS gone within 3 s and back within 10 s of its return, while the show goes on', async () => {
    // Mid-show: a live session with a product on the card.
    const started = await core.api('POST', '/actions', { type: 'session.start', title: 'OBS 崩溃 mid-show' });
    const sessionId = started.body.result.id as string;
    expect((await core.api('POST', '/actions', { type: 'product.explain', sku: 'TEA-01' })).status).toBe(200);
    const before = await core.waitForState((s) => s.obs.programScene === '商品 Product A');

    const killedAt = Date.now();
    await obs.kill('SIGKILL');
    const down = await core.waitForState((s) => s.obs.status !== 'connected' && s.alerts.some((a) => a.id === 'obs-down'), 3_000);
    expect(down.alerts.find((a) => a.id === 'obs-down')?.level).toBe('error');
    const health = (await core.api('GET', '/health')).body;
    expect(health.obs.connected).toBe(false);
    console.log(`OBS death seen after ${Date.now() - killedAt} ms`);

    const refused = await core.api('POST', '/actions', { type: 'obs.scene', scene: 'Host' });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    // The show goes on without OBS: orders still count, the card stays, the session stays live.
    const ingested = await core.api('POST', '/ingest', { events: [{ type: 'order', ts: Date.now(), orderId: 'D-OUTAGE', sku: 'TEA-01', qty: 1, amount: 12_800 }] });
    expect(ingested).toMatchObject({ status: 202, body: { accepted: 1 } });
    expect((await core.api('POST', '/actions', { type: 'session.mark', label: 'OBS 重启中' })).status).toBe(200);

    await obs.restart();
    const backAt = Date.now();
    const back = await core.waitForState((s) => s.obs.status === 'connected', 10_000);
    console.log(`OBS return seen after ${Date.now() - backAt} ms`);
    expect((await core.api('GET', '/health')).body.obs.connected).toBe(true);
    expect(back.alerts.some((a) => a.id === 'obs-down')).toBe(false);
    expect(back.session).toMatchObject({ id: sessionId, status: 'live' });
    expect(back.product).toMatchObject({ sku: 'TEA-01', orders: (before.product?.orders ?? 0) + 1 });

    // Resynced from OBS itself, and the refused switch was not replayed.
    const observer = new OBSWebSocket();
    await observer.connect(obs.url, obs.password);
    try {
      const program = (await observer.call('GetCurrentProgramScene')).currentProgramSceneName;
      expect(program).not.toBe('Host');
      const synced = await core.waitForState((s) => s.obs.programScene === program);
      expect(synced.obs.scenes).toEqual(['开场 Opening', 'Host', '商品 Product A', 'BRB']);
      expect((await core.api('POST', '/actions', { type: 'obs.scene', scene: 'Host' })).status).toBe(200);
      expect((await observer.call('GetCurrentProgramScene')).currentProgramSceneName).toBe('Host');
    } finally {
      await observer.disconnect();
    }
    expect((await core.api('POST', '/actions', { type: 'session.end', confirm: true })).status).toBe(200);
    const detail = (await core.api('GET', `/sessions/${sessionId}`)).body;
    const statuses = detail.events.filter((e: { kind: string }) => e.kind === 'obs.status').map((e: { data: { status: string } }) => e.data.status);
    expect(statuses[0]).not.toBe('connected');
    expect(statuses.at(-1)).toBe('connected');
    expect(detail.events.filter((e: { kind: string }) => e.kind === 'action.refused')).toHaveLength(1);
    expect(detail.totals).toMatchObject({ orders: 1, gmvFen: 12_800 });
  });
});

describe('core start-up failures', () => {
  it('exits non-zero with one line when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'livedesk-port-'));
    try {
      const exit = await runCoreExpectingExit(['--data-dir', dir, '--port', String(port), '--obs-url', 'ws://127.0.0.1:9']);
      expect(exit.code).not.toBe(0);
      expect(exit.stderr.trim().split('\n')).toHaveLength(1);
      expect(exit.stderr).toMatch(/already in use/);
      expect(exit.stdout).not.toMatch(/DESK_READY/);
    } finally {
      blocker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a database from a newer version without touching it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'livedesk-future-'));
    const db = new Database(join(dir, 'livedesk.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    const exit = await runCoreExpectingExit(['--data-dir', dir, '--port', '0']);
    expect(exit.code).not.toBe(0);
    expect(exit.stderr).toMatch(/newer LiveDesk/);
    const again = new Database(join(dir, 'livedesk.sqlite'));
    expect(again.pragma('user_version', { simple: true })).toBe(999);
    again.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unreadable database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'livedesk-garbage-'));
    writeFileSync(join(dir, 'livedesk.sqlite'), Buffer.alloc(8192, 0x5a));
    const exit = await runCoreExpectingExit(['--data-dir', dir, '--port', '0']);
    expect(exit.code).not.toBe(0);
    expect(exit.stderr).toMatch(/livedesk: .*(unreadable|not a database)/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('comes up with OBS unreachable and says so truthfully', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'livedesk-noobs-'));
    const core = await startCoreProcess(['--data-dir', dir, '--port', '0', '--obs-url', 'ws://127.0.0.1:9']);
    try {
      const health = (await core.api('GET', '/health')).body;
      expect(health.obs).toMatchObject({ connected: false });
      expect(['connecting', 'disconnected']).toContain(health.obs.status);
    } finally {
      await core.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
