import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import { DeskError } from '../contract/index.js';
import { createObsLink } from './obs-link.js';
import { useSimHarness } from './testing/sim-harness.js';
import { waitForObsState } from './testing/wait-for-state.js';

const SCENES = ['开场 Opening', '主播近景 Host close-up', '商品特写 Product close-up'];
const PASSWORD = 'studio-pass';

const { cleanups, sim, link, otherClient, connected } = useSimHarness({ password: PASSWORD, scenes: SCENES });

async function refusal(promise: Promise<unknown>): Promise<DeskError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeskError);
  return error as DeskError;
}

describe('ObsLink against the simulated OBS', () => {
  it('connects with a password and mirrors scenes (in OBS order), program scene and outputs', async () => {
    const s = await sim();
    const l = link({ url: s.url });
    expect(l.state.status).toBe('connecting');
    const state = await connected(l);
    expect(state).toMatchObject({ url: s.url, reason: null, retryAt: null, obsVersion: '29.0.2', scenes: SCENES, programScene: SCENES[0], streaming: false, recording: false });
  });

  it('reports a wrong or missing password as auth-failed and does not retry', async () => {
    const s = await sim();
    const wrong = link({ url: s.url, password: 'wrong' });
    const state = await waitForObsState(wrong, (x) => x.status === 'auth-failed');
    expect(state.reason).toBe('OBS refused the password: Authentication failed.');
    expect(state.retryAt).toBeNull();
    const missing = link({ url: s.url, password: undefined });
    expect((await waitForObsState(missing, (x) => x.status === 'auth-failed')).reason).toMatch(/requires a password/);
    // The retry delay here is 20–200 ms: a retry loop would have reconnected several times by now.
    await delay(500);
    expect(s.connectionCount()).toBe(2);
    expect(wrong.state.status).toBe('auth-failed');
    const refused = await refusal(wrong.setProgramScene(SCENES[1] as string));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/^OBS is not connected \(auth-failed: OBS refused the password/);
  });

  it('follows program-scene changes made by another client and by the operator in OBS', async () => {
    const s = await sim();
    const l = link({ url: s.url });
    await connected(l);
    const other = await otherClient(s);
    await other.call('SetCurrentProgramScene', { sceneName: SCENES[2] as string });
    await waitForObsState(l, (x) => x.programScene === SCENES[2]);
    s.setProgramScene(SCENES[1] as string);
    await waitForObsState(l, (x) => x.programScene === SCENES[1]);
  });

  it('follows scene list changes: created, renamed, removed (with the program scene moving on)', async () => {
    const s = await sim();
    const l = link({ url: s.url });
    await connected(l);
    const other = await otherClient(s);
    await other.call('CreateScene', { sceneName: '抽奖 Giveaway' });
    await waitForObsState(l, (x) => x.scenes.at(-1) === '抽奖 Giveaway');
    await other.call('SetSceneName', { sceneName: '抽奖 Giveaway', newSceneName: '抽奖 Lucky draw' });
    await waitForObsState(l, (x) => x.scenes.at(-1) === '抽奖 Lucky draw');
    await other.call('RemoveScene', { sceneName: SCENES[0] as string });
    const state = await waitForObsState(l, (x) => x.programScene === SCENES[1]);
    expect(state.scenes).toEqual([SCENES[1], SCENES[2], '抽奖 Lucky draw']);
  });

  it('shows OBS going away at once and comes back when it returns on the same port', async () => {
    const s = await sim();
    const l = link({ url: s.url });
    await connected(l);
    const t0 = Date.now();
    await s.close({ abrupt: true });
    const down = await waitForObsState(l, (x) => x.status === 'disconnected', 1000);
    const detectMs = Date.now() - t0;
    expect(down.reason).toMatch(/connection closed \(1006/);
    expect(down.retryAt).toBeGreaterThan(0);
    expect(down).toMatchObject({ programScene: null, streaming: false, scenes: SCENES });
    const t1 = Date.now();
    const again = await sim({ port: s.port, scenes: [...SCENES, '暂离 BRB'] });
    const up = await connected(l);
    console.log(`[obs-link/sim] drop seen after ${detectMs} ms; reconnected ${Date.now() - t1} ms after the restart`);
    expect(up.scenes).toEqual(again.scenes());
    expect(up.programScene).toBe(SCENES[0]);
  });

  it('treats a clean OBS exit (ExitStarted) as disconnected', async () => {
    const s = await sim();
    const l = link({ url: s.url });
    await connected(l);
    await s.close();
    expect((await waitForObsState(l, (x) => x.status === 'disconnected', 1000)).reason).toBe('OBS is shutting down');
  });

  it('notices a hung OBS whose socket stays open within 3 s (heartbeat), and recovers', async () => {
    const s = await sim();
    const l = link({ url: s.url, connectTimeoutMs: 1000 });
    await connected(l);
    const t0 = Date.now();
    s.freeze();
    const down = await waitForObsState(l, (x) => x.status === 'disconnected', 3500);
    const detectMs = Date.now() - t0;
    console.log(`[obs-link/sim] hung OBS detected after ${detectMs} ms`);
    expect(detectMs).toBeLessThan(3000);
    expect(down.reason).toMatch(/stopped answering/);
    s.thaw();
    await connected(l, 5000);
  });

  it('refuses commands at once while not connected and never replays them after a reconnect', async () => {
    const s = await sim();
    const idle = createObsLink({ url: s.url });
    expect((await refusal(idle.startStream())).message).toBe('OBS is not connected (disconnected: not started)');
    const l = link({ url: s.url });
    await connected(l);
    await s.close({ abrupt: true });
    await waitForObsState(l, (x) => x.status === 'disconnected');
    const t0 = Date.now();
    const refusals = await Promise.all([l.setProgramScene(SCENES[1] as string), l.startStream(), l.startRecord()].map(refusal));
    expect(Date.now() - t0).toBeLessThan(50);
    for (const r of refusals) {
      expect(r.code).toBe('conflict');
      expect(r.message).toMatch(/^OBS is not connected \(disconnected: connection closed/);
    }
    const again = await sim({ port: s.port });
    await connected(l);
    await l.startRecord(); // a command after the reconnect goes through, and alone
    const log = again.requestLog();
    expect(log.filter((r) => !r.startsWith('Get'))).toEqual(['StartRecord']);
    expect(again.programScene()).toBe(SCENES[0]);
    expect(again.streaming()).toBe(false);
  });

  it('fails a command in flight when the connection drops, and does not re-issue it', async () => {
    const s = await sim();
    const l = link({ url: s.url });
    await connected(l);
    s.freeze();
    const pending = l.setProgramScene(SCENES[2] as string);
    pending.catch(() => undefined); // checked below, after the drop
    await s.close({ abrupt: true });
    const error = await refusal(pending);
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/connection lost before it answered SetCurrentProgramScene/);
    const again = await sim({ port: s.port });
    await connected(l);
    expect(again.requestLog()).not.toContain('SetCurrentProgramScene');
    expect(again.programScene()).toBe(SCENES[0]);
  });

  it("turns OBS's refusals into DeskErrors that carry OBS's comment", async () => {
    const s = await sim();
    const l = link({ url: s.url });
    await connected(l);
    const missing = await refusal(l.setProgramScene('没有 Nope'));
    expect(missing.code).toBe('not_found');
    expect(missing.message).toBe('OBS refused SetCurrentProgramScene: No source was found by the name of `没有 Nope`. (status 600)');
    const idle = await refusal(l.stopStream());
    expect(idle.code).toBe('conflict');
    expect(idle.message).toBe('OBS refused StopStream: the stream is not running (status 501)');
  });

  it('switches scenes, shows the acknowledged scene at once, and follows stream and record state', async () => {
    const s = await sim();
    const l = link({ url: s.url });
    await connected(l);
    await l.setProgramScene(SCENES[2] as string);
    expect(l.state.programScene).toBe(SCENES[2]);
    expect(s.programScene()).toBe(SCENES[2]);
    await l.startStream();
    await waitForObsState(l, (x) => x.streaming);
    await l.startRecord();
    await waitForObsState(l, (x) => x.recording);
    await l.stopRecord();
    await l.stopStream();
    await waitForObsState(l, (x) => !x.streaming && !x.recording);
  });

  it('notifies listeners only when something changed (heartbeats are silent)', async () => {
    const s = await sim();
    const l = link({ url: s.url, heartbeatMs: 10 });
    await connected(l);
    // The first health samples (rates need two) and the program scene's items arrive just after connecting.
    await waitForObsState(l, (x) => x.health?.renderSkippedPct != null && x.sceneItems?.[SCENES[0] as string] !== undefined);
    const seen: string[] = [];
    l.subscribe((x) => seen.push(x.programScene ?? 'null'));
    await vi.waitFor(() => expect(s.requestLog().filter((r) => r === 'GetStats').length).toBeGreaterThanOrEqual(5));
    expect(seen).toEqual([]);
    s.setProgramScene(SCENES[0] as string); // already the program scene: OBS sends nothing
    s.setProgramScene(SCENES[1] as string);
    await waitForObsState(l, (x) => x.programScene === SCENES[1] && x.sceneItems?.[SCENES[1] as string] !== undefined);
    // The switch, then the new program scene's items (fetched on demand).
    expect(seen).toEqual([SCENES[1], SCENES[1]]);
  });

  it('calls servers that are not obs-websocket v5 unsupported and does not retry', async () => {
    // obs-websocket 4.x negotiates no subprotocol.
    const v4 = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => false });
    let v4Connections = 0;
    v4.on('connection', () => (v4Connections += 1));
    cleanups.push(() => new Promise((r) => v4.close(r)));
    await new Promise((r) => v4.once('listening', r));
    const a = link({ url: `ws://127.0.0.1:${(v4.address() as AddressInfo).port}` });
    expect((await waitForObsState(a, (x) => x.status === 'unsupported')).reason).toMatch(/not an obs-websocket v5 server \(server sent no subprotocol/);

    const old = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    old.on('connection', (ws) => ws.send(JSON.stringify({ op: 0, d: { obsWebSocketVersion: '5.0.0-alpha', rpcVersion: 0 } })));
    cleanups.push(() => new Promise((r) => old.close(r)));
    await new Promise((r) => old.once('listening', r));
    const b = link({ url: `ws://127.0.0.1:${(old.address() as AddressInfo).port}` });
    expect((await waitForObsState(b, (x) => x.status === 'unsupported')).reason).toMatch(/RPC version 0; version 1 \(obs-websocket 5\) is required/);

    const http = createServer((_, res) => res.writeHead(404).end());
    cleanups.push(() => new Promise((r) => http.close(r)));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const c = link({ url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}` });
    expect((await waitForObsState(c, (x) => x.status === 'unsupported')).reason).toMatch(/answered with HTTP 404/);
    await delay(300);
    expect(v4Connections).toBe(1);
  });

  it('keeps retrying while nothing listens, one attempt at a time, and close() stops everything', async () => {
    const s = await sim();
    const port = s.port;
    await s.close({ abrupt: true });
    const l = link({ url: `ws://127.0.0.1:${port}`, minDelayMs: 10, maxDelayMs: 40 });
    const statuses: string[] = [];
    l.subscribe((x) => statuses.push(x.status));
    await waitForObsState(l, () => statuses.filter((x) => x === 'connecting').length >= 3);
    expect(l.state.reason ?? '').toMatch(/connection refused/);
    // A new attempt only ever starts after the previous one failed.
    expect(statuses.some((x, i) => x === 'connecting' && statuses[i + 1] === 'connecting')).toBe(false);
    await l.close();
    expect(l.state).toMatchObject({ status: 'disconnected', reason: 'closed', retryAt: null });
    const before = statuses.length;
    const again = await sim({ port });
    await delay(200);
    expect(statuses.length).toBe(before);
    expect(again.connectionCount()).toBe(0);
  });

  it('leaves no timers or sockets behind after close(), connected or between retries', async () => {
    const s = await sim();
    const count = (kinds: string[]) => process.getActiveResourcesInfo().filter((r) => kinds.includes(r)).length;
    const timers = () => count(['Timeout']);
    const sockets = () => count(['TCPSocketWrap', 'ConnectWrap']);
    const baseline = { timers: timers(), sockets: sockets() };
    const up = createObsLink({ url: s.url, password: PASSWORD });
    up.start();
    await connected(up);
    expect(sockets()).toBeGreaterThan(baseline.sockets);
    await up.close();
    expect(timers()).toBeLessThanOrEqual(baseline.timers);
    const retrying = createObsLink({ url: 'ws://127.0.0.1:9', minDelayMs: 5000 });
    retrying.start();
    await waitForObsState(retrying, (x) => x.retryAt !== null);
    await retrying.close();
    expect(timers()).toBeLessThanOrEqual(baseline.timers);
    // The simulator's end of the closed socket goes away a moment later.
    await vi.waitFor(() => expect(sockets()).toBe(baseline.sockets));
  });
});
