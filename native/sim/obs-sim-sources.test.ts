import { OBSWebSocket } from 'obs-websocket-js/json';
import { afterEach, describe, expect, it } from 'vitest';
import { startObsSim } from './obs-sim.js';
import type { ObsSim } from './obs-sim.js';

let sim: ObsSim | null = null;
const client = new OBSWebSocket();
afterEach(async () => {
  await client.disconnect();
  await sim?.close({ abrupt: true });
});

describe('the simulated OBS: scene items, inputs, transitions, virtual camera', () => {
  it('creates text inputs, stores their settings and toggles scene items with OBS events', async () => {
    sim = await startObsSim();
    await client.connect(sim.url);
    const events: string[] = [];
    client.on('SceneItemEnableStateChanged', (e) => events.push(`enabled ${e.sceneItemId} ${e.sceneItemEnabled}`));
    client.on('SceneItemCreated', (e) => events.push(`created ${e.sourceName}`));
    const { sceneItemId } = await client.call('CreateInput', { sceneName: '暂离 BRB', inputName: '价格', inputKind: 'text_ft2_source_v2', inputSettings: { text: '¥1', font: { size: 48 } } });
    await client.call('SetInputSettings', { inputName: '价格', inputSettings: { text: '¥128 到手价' } });
    expect(await client.call('GetInputSettings', { inputName: '价格' })).toEqual({ inputKind: 'text_ft2_source_v2', inputSettings: { text: '¥128 到手价', font: { size: 48 } } });
    await client.call('SetSceneItemEnabled', { sceneName: '暂离 BRB', sceneItemId, sceneItemEnabled: false });
    expect((await client.call('GetSceneItemEnabled', { sceneName: '暂离 BRB', sceneItemId })).sceneItemEnabled).toBe(false);
    const dup = await client.call('CreateInput', { sceneName: '暂离 BRB', inputName: '价格', inputKind: 'text_ft2_source_v2' }).catch((e: unknown) => e);
    expect(dup).toMatchObject({ code: 601 });
    const kind = await client.call('CreateInput', { sceneName: '暂离 BRB', inputName: 'x', inputKind: 'nope' }).catch((e: unknown) => e);
    expect(kind).toMatchObject({ code: 605 });
    await client.call('GetVersion'); // events of the requests above have arrived by now
    expect(events).toEqual([`created 价格`, `enabled ${sceneItemId} false`]);
    expect(sim.inputSettings('价格')).toMatchObject({ text: '¥128 到手价' });
  });

  it('transitions in studio mode (swapping preview and program), changes transition, runs the virtual camera', async () => {
    sim = await startObsSim();
    await client.connect(sim.url);
    const refused = await client.call('TriggerStudioModeTransition').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 506 });
    await client.call('SetStudioModeEnabled', { studioModeEnabled: true });
    await client.call('SetCurrentPreviewScene', { sceneName: '暂离 BRB' });
    await client.call('TriggerStudioModeTransition');
    expect(sim.programScene()).toBe('暂离 BRB');
    expect((await client.call('GetCurrentPreviewScene')).currentPreviewSceneName).toBe('开场 Opening');
    await client.call('SetCurrentSceneTransition', { transitionName: 'Cut' });
    expect((await client.call('GetCurrentSceneTransition')).transitionName).toBe('Cut');
    await client.call('StartVirtualCam');
    expect((await client.call('GetVirtualCamStatus')).outputActive).toBe(true);
    expect(await client.call('StartVirtualCam').catch((e: unknown) => e)).toMatchObject({ code: 500 });
  });
});
