import { describe, expect, it } from 'vitest';
import { DeskError, obsStateSchema } from '../contract/index.js';
import { useSimHarness } from './testing/sim-harness.js';
import { waitForObsState } from './testing/wait-for-state.js';

const PASSWORD = 'studio-pass';
const HOST = '主播近景 Host close-up';
const PRODUCT = '商品特写 Product close-up';
const BRB = '暂离 BRB';

const { sim, link, otherClient, connected } = useSimHarness({ password: PASSWORD });

describe('ObsLink mirror: studio mode, transitions, outputs and scene items', () => {
  it('mirrors studio mode, preview scene, transition and virtual camera changed by another client', async () => {
    const s = await sim();
    const l = link({ url: s.url });
    expect(await connected(l)).toMatchObject({ studioMode: false, previewScene: null, transition: 'Fade', virtualCam: false });
    const other = await otherClient(s);
    await other.call('SetStudioModeEnabled', { studioModeEnabled: true });
    await waitForObsState(l, (x) => x.studioMode === true && x.previewScene === '开场 Opening', 2000, 'studio mode on');
    await other.call('SetCurrentPreviewScene', { sceneName: PRODUCT });
    await waitForObsState(l, (x) => x.previewScene === PRODUCT && x.sceneItems?.[PRODUCT] !== undefined, 2000, 'preview + its items');
    await other.call('SetCurrentSceneTransition', { transitionName: 'Cut' });
    await waitForObsState(l, (x) => x.transition === 'Cut', 2000, 'transition Cut');
    await other.call('StartVirtualCam');
    await waitForObsState(l, (x) => x.virtualCam === true, 2000, 'virtual cam on');
    await other.call('SetStudioModeEnabled', { studioModeEnabled: false });
    await waitForObsState(l, (x) => x.studioMode === false && x.previewScene === null, 2000, 'studio mode off');
  });

  it('sets the preview scene and transitions it to program in studio mode; refuses both outside it', async () => {
    const s = await sim();
    const l = link({ url: s.url });
    await connected(l);
    const refused = await l.setPreviewScene(HOST).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DeskError);
    expect(refused).toMatchObject({ code: 'conflict', message: 'OBS refused SetCurrentPreviewScene: studio mode is not active (status 506)' });
    await l.setStudioMode(true);
    await waitForObsState(l, (x) => x.studioMode === true);
    await l.setPreviewScene(HOST);
    expect(l.state.previewScene).toBe(HOST);
    await l.transition();
    await waitForObsState(l, (x) => x.programScene === HOST && x.previewScene === '开场 Opening', 2000, 'swapped');
    expect(s.programScene()).toBe(HOST);
    expect(l.state.previousProgramScene).toBe('开场 Opening');
  });

  it('fetches the items of scenes in use only, keeps them current from events, and toggles sources', async () => {
    const s = await sim();
    const l = link({ url: s.url });
    await connected(l);
    const first = await waitForObsState(l, (x) => x.sceneItems?.['开场 Opening'] !== undefined);
    expect(Object.keys(first.sceneItems ?? {})).toEqual(['开场 Opening']);
    // Top to bottom, as in OBS's Sources list.
    expect(first.sceneItems?.['开场 Opening']?.map((i) => i.source)).toEqual(['背景音乐 BGM', 'Logo', '片头 Intro video']);

    const toggled = await l.toggleSource(BRB, '暂离画面 BRB card');
    expect(toggled).toEqual({ scene: BRB, source: '暂离画面 BRB card', enabled: false });
    await waitForObsState(l, (x) => x.sceneItems?.[BRB]?.find((i) => i.source === '暂离画面 BRB card')?.enabled === false, 2000, 'hidden');
    expect((await l.toggleSource(BRB, '暂离画面 BRB card')).enabled).toBe(true);

    const other = await otherClient(s);
    const { sceneItemId } = await other.call('GetSceneItemId', { sceneName: BRB, sourceName: '背景音乐 BGM' });
    await other.call('SetSceneItemEnabled', { sceneName: BRB, sceneItemId, sceneItemEnabled: false });
    await waitForObsState(l, (x) => x.sceneItems?.[BRB]?.find((i) => i.id === sceneItemId)?.enabled === false, 2000, 'BGM hidden by another client');
    await other.call('CreateInput', { sceneName: BRB, inputName: '价格 Price', inputKind: 'text_ft2_source_v2', inputSettings: { text: '¥99' } });
    await waitForObsState(l, (x) => x.sceneItems?.[BRB]?.[0]?.source === '价格 Price', 2000, 'new item on top');
    expect(l.state.sceneItems?.[BRB]?.[0]?.kind).toBe('text_ft2_source_v2');
    await other.call('RemoveSceneItem', { sceneName: BRB, sceneItemId });
    await waitForObsState(l, (x) => !x.sceneItems?.[BRB]?.some((i) => i.id === sceneItemId), 2000, 'item removed');

    const missing = await l.toggleSource(BRB, '没有 Nope').catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'not_found', message: expect.stringContaining('has no source named "没有 Nope"') });
    const noScene = await l.toggleSource('没有 Nope', 'x').catch((e: unknown) => e);
    expect(noScene).toMatchObject({ code: 'not_found' });
  });

  it('runs request batches and reports the first refusal as a DeskError', async () => {
    const s = await sim();
    const l = link({ url: s.url });
    await connected(l);
    const [version, list] = await l.batch([{ requestType: 'GetVersion' }, { requestType: 'GetSceneList' } as never]);
    expect(version).toMatchObject({ obsVersion: '29.0.2' });
    expect(list).toHaveProperty('scenes');
    const refused = await l.batch([{ requestType: 'SetCurrentProgramScene', requestData: { sceneName: '没有 Nope' } }]).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'not_found', message: expect.stringContaining('SetCurrentProgramScene') });
  });

  it('resyncs a 200-scene collection quickly after OBS comes back: scene list first, items on demand', async () => {
    const scenes = Array.from({ length: 200 }, (_, i) => `场景 Scene ${String(i + 1).padStart(3, '0')}`);
    const s = await sim({ scenes });
    const l = link({ url: s.url });
    const t0 = Date.now();
    await connected(l);
    console.log(`[obs-link/sim] 200 scenes: first connect + resync in ${Date.now() - t0} ms`);
    expect(l.state.scenes).toEqual(scenes);
    await s.close({ abrupt: true });
    await waitForObsState(l, (x) => x.status === 'disconnected');
    const again = await sim({ scenes, port: s.port });
    let connectingAt = 0;
    const off = l.subscribe((x) => {
      if (x.status === 'connecting') connectingAt = Date.now();
    });
    const up = await connected(l);
    const resyncMs = Date.now() - connectingAt;
    off();
    console.log(`[obs-link/sim] 200 scenes: reconnect (socket + auth + resync) in ${resyncMs} ms`);
    expect(up.scenes).toEqual(scenes);
    // Generous bound for a loaded 2-core CI machine; the print above is the real measure.
    expect(resyncMs).toBeLessThan(1000);
    // One batch round trip, then the items of the program scene only.
    const requests = again.requestLog();
    expect(requests.filter((r) => r === 'GetSceneItemList').length).toBeLessThanOrEqual(1);
    expect(requests.filter((r) => r === 'GetSceneList')).toHaveLength(1);
  });
});

describe('ObsLink health poll', () => {
  it('derives fps, skipped frames, congestion, bitrate and reconnecting from one batched poll a second', async () => {
    const s = await sim();
    const l = link({ url: s.url, heartbeatMs: 100 });
    await connected(l);
    await waitForObsState(l, (x) => x.health?.renderSkippedPct === 0, 3000, 'first rates');
    expect(l.state.health).toMatchObject({ activeFps: 30, bitrateKbps: null, congestion: null, reconnecting: false, diskSpaceMb: 250_000 });
    await l.startStream();
    // The simulator sends 750 bytes/ms: 6000 kbps.
    const streaming = await waitForObsState(l, (x) => (x.health?.bitrateKbps ?? 0) > 0, 3000, 'a bitrate');
    expect(streaming.health?.bitrateKbps).toBeGreaterThan(4000);
    expect(streaming.health?.bitrateKbps).toBeLessThan(8000);
    s.setStats({ outputCongestion: 0.8, outputReconnecting: true, activeFps: 12, availableDiskSpace: 900, renderSkippedFrames: 1000 });
    const bad = await waitForObsState(l, (x) => x.health?.reconnecting === true && x.health.renderSkippedPct !== 0, 3000, 'bad health');
    expect(bad.health).toMatchObject({ congestion: 0.8, activeFps: 12, diskSpaceMb: 900, renderSkippedPct: 100 });
    // Only the poll's three requests, batched: no request piles up behind another.
    expect(s.requestLog().filter((r) => r === 'GetStats').length).toBeGreaterThan(2);
  });

  it('has no health while disconnected', async () => {
    const s = await sim();
    const l = link({ url: s.url, heartbeatMs: 50 });
    await waitForObsState(l, (x) => x.health != null, 3000, 'health');
    await s.close({ abrupt: true });
    const down = await waitForObsState(l, (x) => x.status === 'disconnected');
    expect(down).toMatchObject({ health: null, sceneItems: {}, programScene: null, previewScene: null });
  });
});

describe('ObsLink faults the real OBS cannot be made to do on cue', () => {
  it('ignores malformed messages and events with fields of the wrong type, and keeps a valid mirror', async () => {
    const s = await sim();
    const l = link({ url: s.url });
    await connected(l);
    s.injectRaw('this is not json');
    s.injectRaw(JSON.stringify({ op: 5, d: { eventType: 'CurrentProgramSceneChanged', eventIntent: 4, eventData: { sceneName: 42 } } }));
    s.injectRaw(JSON.stringify({ op: 5, d: { eventType: 'SceneListChanged', eventIntent: 4, eventData: { scenes: 'nope' } } }));
    s.injectRaw(JSON.stringify({ op: 5, d: { eventType: 'StreamStateChanged', eventIntent: 64 } }));
    s.injectRaw(JSON.stringify({ op: 7, d: { requestId: 'not-ours', requestStatus: { result: true, code: 100 } } }));
    s.setProgramScene(BRB);
    const state = await waitForObsState(l, (x) => x.programScene === BRB, 2000, 'a real change after the garbage');
    expect(obsStateSchema.safeParse(state).success).toBe(true);
    expect(state).toMatchObject({ status: 'connected', streaming: false });
    expect(state.scenes).toHaveLength(5);
  });

  it('works with a slow OBS (answers 300 ms late): commands succeed and health polls never overlap', async () => {
    const s = await sim();
    const l = link({ url: s.url, heartbeatMs: 50, heartbeatTimeoutMs: 1000 });
    await connected(l);
    s.setLatency(300);
    const before = s.requestLog().filter((r) => r === 'GetStats').length;
    const t0 = Date.now();
    await l.setProgramScene(HOST);
    await l.setProgramScene(PRODUCT);
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(l.state).toMatchObject({ status: 'connected', programScene: PRODUCT });
    // One poll in flight at a time: at most one per 300 ms answer, however often the timer fires.
    const polls = s.requestLog().filter((r) => r === 'GetStats').length - before;
    expect(polls).toBeLessThanOrEqual(Math.ceil(elapsed / 300) + 1);
  });

  it('drops a connection whose answers come later than the heartbeat allows, then recovers', async () => {
    const s = await sim();
    const l = link({ url: s.url, heartbeatMs: 50, heartbeatTimeoutMs: 300, connectTimeoutMs: 1000 });
    await connected(l);
    s.setLatency(600);
    const down = await waitForObsState(l, (x) => x.status === 'disconnected', 3000, 'dropped');
    expect(down.reason).toMatch(/stopped answering/);
    s.setLatency(0);
    await connected(l, 5000);
  });
});
