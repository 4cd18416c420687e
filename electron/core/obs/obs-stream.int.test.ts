import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OBSWebSocket } from 'obs-websocket-js/json';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Desk } from '../engine/desk.js';
import { startRealObs } from './testing/real-obs.js';
import type { RealObs } from './testing/real-obs.js';
import { startRtmpSink, type RtmpSink } from './testing/rtmp-sink.js';
import { waitForObsState } from './testing/wait-for-state.js';

/** Streaming for real: OBS 29 publishes to a local RTMP sink, started and stopped through the desk. */
let obs: RealObs;
let sink: RtmpSink;
let desk: Desk;
let dir: string;
let probe: OBSWebSocket;
const api = { surface: 'api' } as const;

beforeAll(async () => {
  sink = await startRtmpSink();
  obs = await startRealObs({ scenes: ['开场 Opening', '暂离 BRB'], readyTimeoutMs: 100_000 });
  probe = new OBSWebSocket();
  await probe.connect(obs.url, obs.password);
  await probe.call('SetStreamServiceSettings', { streamServiceType: 'rtmp_custom', streamServiceSettings: { server: sink.url, key: 'livedesk-test' } });
  dir = mkdtempSync(join(tmpdir(), 'livedesk-obs-stream-'));
  desk = new Desk({ dbFile: join(dir, 'desk.sqlite'), obsUrl: obs.url, obsPassword: obs.password, demo: false, version: 'test' });
  await desk.start();
  await waitForObsState(desk.obsLink, (s) => s.status === 'connected', 10_000, 'connected');
  // OBS can take a long time to come up on a loaded machine.
}, 150_000);

afterAll(async () => {
  await probe?.disconnect();
  await desk?.close();
  await obs?.stop();
  await sink?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('stream start and stop against a real OBS 29', () => {
  it('starts streaming to the configured target, with a measured bitrate', async () => {
    const t0 = Date.now();
    await desk.dispatch({ type: 'obs.stream.start' }, api);
    await waitForObsState(desk.obsLink, (s) => s.streaming, 15_000, 'streaming');
    console.log(`[obs-stream/real] obs.stream.start → streaming in ${Date.now() - t0} ms`);
    expect(sink.publishers()).toBe(1);
    const live = await waitForObsState(desk.obsLink, (s) => (s.health?.bitrateKbps ?? 0) > 0, 10_000, 'a bitrate');
    console.log(`[obs-stream/real] health while streaming: ${JSON.stringify(live.health)}`);
    expect(sink.mediaBytes()).toBeGreaterThan(0);
  });

  it('does not stop the stream without confirmation, and stops it with one', async () => {
    await expect(desk.dispatch({ type: 'obs.stream.stop' }, api)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/needs confirmation/) });
    expect((await probe.call('GetStreamStatus')).outputActive).toBe(true);
    await desk.dispatch({ type: 'obs.stream.stop', confirm: true }, api);
    await waitForObsState(desk.obsLink, (s) => !s.streaming, 10_000, 'stream stopped');
    await vi.waitFor(() => expect(sink.publishers()).toBe(0), { timeout: 5000 });
  });
});
