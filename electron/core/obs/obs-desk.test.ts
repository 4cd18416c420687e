import { OBSWebSocket } from 'obs-websocket-js/json';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskState } from '../contract/index.js';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';

/** The OBS actions, settings, health alerts and native card through the desk's API (simulated OBS). */
let f: DeskFixture;
const clients: OBSWebSocket[] = [];
beforeEach(async () => {
  f = await startDeskFixture();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.disconnect()));
  await f.close();
});

async function other(): Promise<OBSWebSocket> {
  const c = new OBSWebSocket();
  await c.connect(f.sim.url, f.sim.password);
  clients.push(c);
  return c;
}

const act = (body: Record<string, unknown>) => f.api('POST', '/actions', body);

describe('OBS actions through the API', () => {
  it('switches to the safe scene (found by name, or from the settings) and reverts the last change', async () => {
    expect((await act({ type: 'obs.scene', scene: 'Host' })).status).toBe(200);
    const safe = await act({ type: 'obs.safe' });
    expect(safe).toMatchObject({ status: 200, body: { result: { scene: 'BRB', from: 'Host' } } });
    expect(f.sim.programScene()).toBe('BRB');
    expect(await act({ type: 'obs.revert' })).toMatchObject({ status: 200, body: { result: { scene: 'Host', from: 'BRB' } } });
    expect(f.sim.programScene()).toBe('Host');

    expect((await f.api('PUT', '/obs/settings', { safeScene: 'Opening' })).status).toBe(200);
    await act({ type: 'obs.safe' });
    expect(f.sim.programScene()).toBe('Opening');
    const bad = await f.api('PUT', '/obs/settings', { health: { maxCongestion: 3 } });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'bad_request', field: 'health.maxCongestion' } } });
    expect((await f.api('GET', '/obs/settings')).body).toMatchObject({ safeScene: 'Opening', health: { maxCongestion: 0.5 }, nativeCard: { enabled: false } });
  });

  it('drives studio mode: preview, transition; toggles a source', async () => {
    expect((await act({ type: 'obs.preview', scene: 'Host' })).body.error.message).toMatch(/studio mode is not active/);
    await act({ type: 'obs.studio', enabled: true });
    await f.waitForState((s) => s.obs.studioMode === true);
    expect((await act({ type: 'obs.preview', scene: 'Product A' })).status).toBe(200);
    await f.waitForState((s) => s.obs.previewScene === 'Product A');
    expect((await act({ type: 'obs.transition' })).status).toBe(200);
    await f.waitForState((s) => s.obs.programScene === 'Product A');
    expect(f.sim.programScene()).toBe('Product A');

    const c = await other();
    await c.call('CreateInput', { sceneName: 'Host', inputName: '水印 Watermark', inputKind: 'image_source' });
    const toggled = await act({ type: 'obs.source.toggle', scene: 'Host', source: '水印 Watermark' });
    expect(toggled).toMatchObject({ status: 200, body: { result: { enabled: false } } });
    const { sceneItemId } = await c.call('GetSceneItemId', { sceneName: 'Host', sourceName: '水印 Watermark' });
    expect((await c.call('GetSceneItemEnabled', { sceneName: 'Host', sceneItemId })).sceneItemEnabled).toBe(false);
    await f.waitForState((s) => s.obs.sceneItems?.Host?.[0]?.enabled === false);
  });

  it('refuses OBS actions at once while OBS is down, and never replays them', async () => {
    await f.sim.close({ abrupt: true });
    await f.waitForState((s) => s.obs.status === 'disconnected');
    for (const type of ['obs.safe', 'obs.revert', 'obs.transition']) {
      const t0 = Date.now();
      const refused = await act({ type });
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(refused).toMatchObject({ status: 409, body: { error: { code: 'conflict', message: expect.stringMatching(/^OBS is not connected/) } } });
    }
    expect((await act({ type: 'obs.source.toggle', scene: 'Host', source: 'x' })).status).toBe(409);
  });
});

describe('stream health alerts', () => {
  it('raises an alert (logged to the session) when a threshold is crossed, and resolves it on recovery', async () => {
    await act({ type: 'session.start', title: '健康 Health' });
    await f.api('PUT', '/obs/settings', { health: { clearAfterSeconds: 0.3 } });
    f.sim.setStats({ activeFps: 9 });
    const alerted = await f.waitForState((s) => s.alerts.some((a) => a.id === 'obs-health-fps'), 5000);
    expect(alerted.alerts.find((a) => a.id === 'obs-health-fps')?.text).toMatch(/9 fps \(below 24\)/);
    await f.waitForState((s) => s.recent.some((e) => e.kind === 'alert' && e.data.id === 'obs-health-fps'));
    f.sim.setStats({ activeFps: 30 });
    await f.waitForState((s) => !s.alerts.some((a) => a.id === 'obs-health-fps'), 5000);
  });
});

describe('native product card', () => {
  it('writes the explained product into the named OBS text sources, and clears them', async () => {
    const c = await other();
    await c.call('CreateInput', { sceneName: 'Host', inputName: '商品名 Name', inputKind: 'text_ft2_source_v2', inputSettings: { text: '' } });
    await c.call('CreateInput', { sceneName: 'Host', inputName: '价格 Price', inputKind: 'text_ft2_source_v2', inputSettings: { text: '' } });
    await c.call('CreateInput', { sceneName: 'Host', inputName: '商品图 Image', inputKind: 'image_source', inputSettings: {} });
    await f.api('PUT', '/obs/settings', { nativeCard: { enabled: true, nameSource: '商品名 Name', priceSource: '价格 Price', imageSource: '商品图 Image', emptyText: '—' } });
    await f.api('POST', '/products', { sku: 'TEA-01', name: '明前龙井 250g', priceFen: 12_800, image: '/srv/studio/tea-01.png' });
    await f.api('POST', '/products', { sku: 'CUP-02', name: '青瓷茶杯', priceFen: 3_990 });
    await act({ type: 'product.explain', sku: 'TEA-01' });
    await vi.waitFor(() => expect(f.sim.inputSettings('商品名 Name')).toMatchObject({ text: '明前龙井 250g' }));
    expect(f.sim.inputSettings('价格 Price')).toMatchObject({ text: '¥128' });
    expect(f.sim.inputSettings('商品图 Image')).toMatchObject({ file: '/srv/studio/tea-01.png' });
    await act({ type: 'product.explain', sku: 'CUP-02' });
    await vi.waitFor(() => expect(f.sim.inputSettings('价格 Price')).toMatchObject({ text: '¥39.90' }));
    await act({ type: 'product.clear' });
    await vi.waitFor(() => expect(f.sim.inputSettings('商品名 Name')).toMatchObject({ text: '—' }));
  });

  it('writes the live scale weight, following the readings, and the empty text when the scale goes quiet', async () => {
    const c = await other();
    await c.call('CreateInput', { sceneName: 'Host', inputName: '重量 Weight', inputKind: 'text_ft2_source_v2', inputSettings: { text: '' } });
    await f.api('PUT', '/obs/settings', { nativeCard: { enabled: true, weightSource: '重量 Weight', weightUnit: 'jin', emptyText: '请上秤' } });
    await vi.waitFor(() => expect(f.sim.inputSettings('重量 Weight')).toMatchObject({ text: '请上秤' }));
    const reading = { device: 'scale-1', value: 1.25, unit: 'kg' as const, status: 'stable' as const, net: false, placed: true, at: Date.now() };
    // Readings arrive faster than OBS answers: the source ends on the latest one.
    for (const grams of [100, 600, 1250]) f.desk.hub.patch({ scale: { ...reading, grams } });
    await vi.waitFor(() => expect(f.sim.inputSettings('重量 Weight')).toMatchObject({ text: '2.50 斤' }));
    f.desk.hub.patch({ scale: null });
    await vi.waitFor(() => expect(f.sim.inputSettings('重量 Weight')).toMatchObject({ text: '请上秤' }));
  });

  it('counts a flash sale down in a text source, second by second, once a flash sale is in the state', async () => {
    const c = await other();
    await c.call('CreateInput', { sceneName: 'Host', inputName: '倒计时 Countdown', inputKind: 'text_ft2_source_v2', inputSettings: { text: '' } });
    await f.api('PUT', '/obs/settings', { nativeCard: { enabled: true, countdownSource: '倒计时 Countdown', emptyText: '敬请期待' } });
    await vi.waitFor(() => expect(f.sim.inputSettings('倒计时 Countdown')).toMatchObject({ text: '敬请期待' }));
    // The flash sale's state field comes with issue 4; the card reads it as { endsAt }.
    f.desk.hub.patch({ flashSale: { sku: 'TEA-01', endsAt: Date.now() + 2_500 } } as Partial<DeskState>);
    const seen = new Set<string>();
    await vi.waitFor(
      () => {
        seen.add(String(f.sim.inputSettings('倒计时 Countdown')?.text));
        expect(seen.has('00:00')).toBe(true);
      },
      { timeout: 5_000, interval: 50 },
    );
    // It ticked through the seconds on its own, with no state change in between.
    expect(seen.has('00:02') || seen.has('00:01')).toBe(true);
  });

  it('gives the console the overlay link with the read-only token, and the overlay token nothing', async () => {
    const link = await f.api('GET', '/overlay/link');
    expect(link).toMatchObject({ status: 200, body: { path: `/overlay/card?token=${f.overlayToken}` } });
    expect(link.body.path).not.toContain(f.token);
    expect((await f.api('GET', '/overlay/link', undefined, f.overlayToken)).status).toBe(403);
  });

  it('says so once when a named source does not exist', async () => {
    await f.api('PUT', '/obs/settings', { nativeCard: { enabled: true, nameSource: '没有 Missing' } });
    await f.api('POST', '/products', { sku: 'TEA-01', name: '明前龙井', priceFen: 12_800 });
    await act({ type: 'product.explain', sku: 'TEA-01' });
    const state = await f.waitForState((s) => s.alerts.some((a) => a.id === 'native-card'));
    expect(state.alerts.find((a) => a.id === 'native-card')?.text).toMatch(/SetInputSettings.*没有 Missing/);
  });
});
