import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OBSWebSocket } from 'obs-websocket-js/json';
import type { RequestBatchRequest } from 'obs-websocket-js/json';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Desk } from '../engine/desk.js';
import { createObsLink } from './obs-link.js';
import { scenesInObsOrder } from './obs-mirror.js';
import { startRealObs } from './testing/real-obs.js';
import type { RealObs } from './testing/real-obs.js';
import { waitForObsState } from './testing/wait-for-state.js';

/** The full OBS control (issue 3) against a real OBS 29 under Xvfb, through the desk's actions. */
const SCENES = ['开场 Opening', '主播近景 Host', '商品特写 Product', '暂离 BRB'];
const HOST = SCENES[1] as string;
const PRODUCT = SCENES[2] as string;

let obs: RealObs;
let desk: Desk;
let dir: string;
let probe: OBSWebSocket;
const api = { surface: 'api' } as const;
const ms = (t0: number) => Date.now() - t0;

/** Dispatches an action and reports how long the round trip took. */
async function timed(action: Record<string, unknown>): Promise<unknown> {
  const t0 = Date.now();
  const result = await desk.dispatch(action, api);
  console.log(`[obs-control/real] ${String(action.type)} round trip ${ms(t0)} ms`);
  return result;
}

beforeAll(async () => {
  obs = await startRealObs({ scenes: SCENES });
  dir = mkdtempSync(join(tmpdir(), 'livedesk-obs-control-'));
  desk = new Desk({ dbFile: join(dir, 'desk.sqlite'), obsUrl: obs.url, obsPassword: obs.password, demo: false, version: 'test' });
  await desk.start();
  await waitForObsState(desk.obsLink, (s) => s.status === 'connected', 10_000, 'connected');
  probe = new OBSWebSocket();
  await probe.connect(obs.url, obs.password);
});

afterAll(async () => {
  await probe?.disconnect();
  await desk?.close();
  await obs?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('OBS control against a real OBS 29', () => {
  it('mirrors studio mode, transition, virtual camera and the program scene items', async () => {
    const state = await waitForObsState(desk.obsLink, (s) => s.sceneItems?.[SCENES[0] as string] !== undefined, 3000, 'program items');
    expect(state).toMatchObject({ studioMode: false, previewScene: null, virtualCam: false, streaming: false });
    expect(typeof state.transition).toBe('string');
    await probe.call('SetCurrentSceneTransition', { transitionName: 'Cut' });
    await waitForObsState(desk.obsLink, (s) => s.transition === 'Cut', 3000, 'transition Cut');
  });

  it('switches preview and transitions in studio mode', async () => {
    await timed({ type: 'obs.studio', enabled: true });
    await waitForObsState(desk.obsLink, (s) => s.studioMode === true && s.previewScene !== null, 3000, 'studio mode');
    await timed({ type: 'obs.preview', scene: PRODUCT });
    // OBS acknowledges the preview switch before its UI thread applies it.
    await vi.waitFor(async () => expect((await probe.call('GetCurrentPreviewScene')).currentPreviewSceneName).toBe(PRODUCT), { timeout: 3000, interval: 20 });
    await timed({ type: 'obs.transition' });
    await waitForObsState(desk.obsLink, (s) => s.programScene === PRODUCT, 3000, 'product on program');
    await vi.waitFor(async () => expect((await probe.call('GetCurrentProgramScene')).currentProgramSceneName).toBe(PRODUCT), { timeout: 3000, interval: 20 });
    await timed({ type: 'obs.studio', enabled: false });
    await waitForObsState(desk.obsLink, (s) => s.studioMode === false && s.previewScene === null, 3000, 'studio mode off');
  });

  it('toggles a source and follows toggles made in OBS', async () => {
    await timed({ type: 'obs.scene', scene: HOST });
    await probe.call('CreateInput', { sceneName: HOST, inputName: '水印 Watermark', inputKind: 'color_source_v3', inputSettings: {} });
    await waitForObsState(desk.obsLink, (s) => s.sceneItems?.[HOST]?.some((i) => i.source === '水印 Watermark') === true, 3000, 'new item mirrored');
    const result = (await timed({ type: 'obs.source.toggle', scene: HOST, source: '水印 Watermark' })) as { enabled: boolean };
    expect(result.enabled).toBe(false);
    const { sceneItemId } = await probe.call('GetSceneItemId', { sceneName: HOST, sourceName: '水印 Watermark' });
    expect((await probe.call('GetSceneItemEnabled', { sceneName: HOST, sceneItemId })).sceneItemEnabled).toBe(false);
    await probe.call('SetSceneItemEnabled', { sceneName: HOST, sceneItemId, sceneItemEnabled: true });
    await waitForObsState(desk.obsLink, (s) => s.sceneItems?.[HOST]?.find((i) => i.id === sceneItemId)?.enabled === true, 3000, 'enabled by OBS');
  });

  it('switches to the safe scene and reverts', async () => {
    await timed({ type: 'obs.scene', scene: PRODUCT });
    expect(await timed({ type: 'obs.safe' })).toMatchObject({ scene: '暂离 BRB', from: PRODUCT });
    expect((await probe.call('GetCurrentProgramScene')).currentProgramSceneName).toBe('暂离 BRB');
    await timed({ type: 'obs.revert' });
    expect((await probe.call('GetCurrentProgramScene')).currentProgramSceneName).toBe(PRODUCT);
  });

  it('reports a wrong password as auth-failed and does not retry', async () => {
    const wrong = createObsLink({ url: obs.url, password: 'wrong-password', minDelayMs: 20, maxDelayMs: 100 });
    const statuses: string[] = [];
    wrong.subscribe((s) => statuses.push(s.status));
    wrong.start();
    try {
      const failed = await waitForObsState(wrong, (s) => s.status === 'auth-failed', 5000, 'auth-failed');
      expect(failed.reason).toMatch(/^OBS refused the password/);
      await new Promise((r) => setTimeout(r, 300));
      expect(statuses.filter((s) => s === 'connecting')).toHaveLength(1);
    } finally {
      await wrong.close();
    }
  });

  it('refuses to start a stream with a clear reason when OBS has no stream target', async () => {
    const refused = await desk.dispatch({ type: 'obs.stream.start' }, api).then(
      () => null,
      (e: unknown) => e,
    );
    console.log(`[obs-control/real] obs.stream.start without a target: ${refused instanceof Error ? refused.message : 'accepted'}`);
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^OBS has no stream target/) });
    expect((await probe.call('GetStreamStatus')).outputActive).toBe(false);
  });

  it('refuses the one-click Browser Source overlay on a build without it (Debian: no CEF)', async () => {
    const refused = await desk.dispatch({ type: 'obs.overlay.setup', scene: HOST, url: 'http://127.0.0.1:7420/overlay/?token=t' }, api).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringMatching(/no Browser Source/) });
  });

  it('polls stream health once a second', async () => {
    const state = await waitForObsState(desk.obsLink, (s) => s.health?.renderSkippedPct != null, 5000, 'health with rates');
    console.log(`[obs-control/real] health: ${JSON.stringify(state.health)}`);
    expect(state.health?.activeFps).toBeGreaterThan(0);
    expect(state.health?.diskSpaceMb).toBeGreaterThan(0);
    expect(state.health?.bitrateKbps).toBeNull();
  });

  it('writes the native product card (Chinese text) into OBS text sources', async () => {
    await probe.call('CreateInput', { sceneName: HOST, inputName: '商品名 Name', inputKind: 'text_ft2_source_v2', inputSettings: { text: '' } });
    await probe.call('CreateInput', { sceneName: HOST, inputName: '价格 Price', inputKind: 'text_ft2_source_v2', inputSettings: { text: '' } });
    desk.obsSettings.put({ nativeCard: { enabled: true, nameSource: '商品名 Name', priceSource: '价格 Price', pricePrefix: '到手价 ¥' } });
    desk.catalog.create({ sku: 'TEA-01', name: '明前龙井 250g 礼盒', priceFen: 12_850 });
    const t0 = Date.now();
    await desk.dispatch({ type: 'product.explain', sku: 'TEA-01' }, api);
    await vi.waitFor(async () => expect((await probe.call('GetInputSettings', { inputName: '商品名 Name' })).inputSettings).toMatchObject({ text: '明前龙井 250g 礼盒' }), { timeout: 3000, interval: 20 });
    console.log(`[obs-control/real] native card in OBS ${ms(t0)} ms after product.explain`);
    expect((await probe.call('GetInputSettings', { inputName: '价格 Price' })).inputSettings).toMatchObject({ text: '到手价 ¥128.50' });
  });

  it('writes the live scale weight (斤) into an OBS text source', async () => {
    await probe.call('CreateInput', { sceneName: HOST, inputName: '重量 Weight', inputKind: 'text_ft2_source_v2', inputSettings: { text: '' } });
    const card = desk.obsSettings.get().nativeCard;
    desk.obsSettings.put({ nativeCard: { ...card, weightSource: '重量 Weight', weightUnit: 'jin' } });
    desk.hub.patch({ scale: { device: 'scale-1', grams: 1250, value: 1.25, unit: 'kg', status: 'stable', net: false, placed: true, at: Date.now() } });
    await vi.waitFor(async () => expect((await probe.call('GetInputSettings', { inputName: '重量 Weight' })).inputSettings).toMatchObject({ text: '2.50 斤' }), { timeout: 3000, interval: 20 });
  });

  it('resyncs a 200-scene collection after OBS restarts, without replaying actions refused meanwhile', async () => {
    const extra: RequestBatchRequest[] = Array.from({ length: 200 - SCENES.length }, (_, i) => ({ requestType: 'CreateScene', requestData: { sceneName: `场景 Scene ${String(i + 1).padStart(3, '0')}` } }));
    await probe.callBatch(extra);
    await waitForObsState(desk.obsLink, (s) => s.scenes.length === 200, 5000, '200 scenes');
    await probe.disconnect();
    let connectingAt = 0;
    const off = desk.obsLink.subscribe((s) => {
      if (s.status === 'connecting') connectingAt = Date.now();
    });
    // A clean exit, so OBS saves the 200-scene collection it loads again on restart.
    await obs.kill('SIGTERM');
    await waitForObsState(desk.obsLink, (s) => s.status === 'disconnected', 3000, 'disconnected');
    const t0 = Date.now();
    await expect(desk.dispatch({ type: 'obs.safe' }, api)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/^OBS is not connected/) });
    expect(ms(t0)).toBeLessThan(500);
    await obs.restart();
    const up = await waitForObsState(desk.obsLink, (s) => s.status === 'connected', 10_000, 'connected again');
    off();
    const resyncMs = Date.now() - connectingAt;
    console.log(`[obs-control/real] 200 scenes: reconnect + resync in ${resyncMs} ms (socket, auth, one RequestBatch)`);
    probe = new OBSWebSocket();
    await probe.connect(obs.url, obs.password);
    const list = await probe.call('GetSceneList');
    // The mirror equals what the restarted OBS has (OBS 29 sometimes loses the very last scene
    // created before a quit: it saved its collection before that creation reached it).
    expect(up.scenes).toEqual(scenesInObsOrder(list.scenes));
    expect(up.scenes.length).toBeGreaterThanOrEqual(199);
    expect(resyncMs).toBeLessThan(1000);
    expect(list.currentProgramSceneName).not.toBe('暂离 BRB');
    // The product card is still in OBS after the restart.
    await vi.waitFor(async () => expect((await probe.call('GetInputSettings', { inputName: '商品名 Name' })).inputSettings).toMatchObject({ text: '明前龙井 250g 礼盒' }), { timeout: 3000, interval: 50 });
  });
});
