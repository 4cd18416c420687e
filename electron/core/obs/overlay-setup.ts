import { coded, DeskError } from '../contract/index.js';
import type { ObsLink } from './types.js';

export interface OverlaySetup {
  scene: string;
  url: string;
  name: string;
  width: number;
  height: number;
}

/**
 * One-click setup of the LiveDesk overlay as a Browser Source in `scene`: creates the input, or
 * points an existing one at `url` and adds it to the scene if it is not there yet. Builds without
 * Browser Source (Linux distribution builds lack CEF) are told to use the native product card.
 */
export async function setUpOverlay(link: ObsLink, o: OverlaySetup): Promise<{ scene: string; name: string; created: boolean }> {
  const { inputKinds } = await link.request('GetInputKindList', { unversioned: false });
  if (!inputKinds.includes('browser_source')) {
    const detail = 'this OBS build has no Browser Source (Linux distribution builds come without it): use the native product card in the OBS settings instead';
    throw new DeskError('conflict', coded('obs.noBrowserSource', {}, detail));
  }
  const settings = { url: o.url, width: o.width, height: o.height };
  const { inputs } = await link.request('GetInputList', { inputKind: 'browser_source' });
  const existing = inputs.some((i) => i.inputName === o.name);
  if (!existing) {
    await link.request('CreateInput', { sceneName: o.scene, inputName: o.name, inputKind: 'browser_source', inputSettings: settings, sceneItemEnabled: true });
    return { scene: o.scene, name: o.name, created: true };
  }
  await link.request('SetInputSettings', { inputName: o.name, inputSettings: settings, overlay: true });
  const items = await link.sceneItems(o.scene);
  if (!items.some((i) => i.source === o.name)) await link.request('CreateSceneItem', { sceneName: o.scene, sourceName: o.name, sceneItemEnabled: true });
  return { scene: o.scene, name: o.name, created: false };
}
