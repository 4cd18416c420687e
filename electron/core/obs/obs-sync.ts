import { OBSWebSocketError } from 'obs-websocket-js/json';
import type { RequestBatchRequest } from 'obs-websocket-js/json';
import { coded, DeskError } from '../contract/index.js';
import type { ObsState, ObsSceneItem } from '../contract/index.js';
import { toDeskError } from './obs-errors.js';
import { itemsInObsOrder } from './obs-items.js';
import { scenesInObsOrder } from './obs-mirror.js';
import type { ObsSocket } from './obs-socket.js';

type Data = Record<string, unknown>;

/**
 * The state of a freshly connected OBS in one RequestBatch round trip: the scene list first, and no
 * scene items (those are fetched on demand for the scenes in use), so a 200-scene collection costs
 * one small answer. Optional parts (virtual camera, studio mode, transition) that a build refuses
 * leave their fields at a neutral value instead of failing the connection.
 */
export async function fetchSnapshot(s: ObsSocket, timeoutMs: number): Promise<Partial<ObsState>> {
  const results = await s.batch(
    [
      { requestType: 'GetVersion' },
      { requestType: 'GetSceneList' },
      { requestType: 'GetStreamStatus' },
      { requestType: 'GetRecordStatus' },
      { requestType: 'GetStudioModeEnabled' },
      { requestType: 'GetCurrentSceneTransition' },
      { requestType: 'GetVirtualCamStatus' },
      // obs-websocket-js types newer servers' optional canvas fields as required; 5.1 needs none.
    ] as RequestBatchRequest[],
    timeoutMs,
    'the initial resync (RequestBatch)',
  );
  const data = (type: string, required: boolean): Data | null => {
    const r = results.find((x) => x.requestType === type);
    if (r?.requestStatus.result) return (r.responseData ?? {}) as Data;
    if (!required) return null;
    const comment = r && !r.requestStatus.result ? r.requestStatus.comment : undefined;
    throw new Error(`OBS did not answer ${type} during the resync${comment ? `: ${comment}` : ''}`);
  };
  const version = data('GetVersion', true) as Data;
  const list = data('GetSceneList', true) as Data;
  const stream = data('GetStreamStatus', true) as Data;
  const record = data('GetRecordStatus', true) as Data;
  const studio = data('GetStudioModeEnabled', false);
  const transition = data('GetCurrentSceneTransition', false);
  const vcam = data('GetVirtualCamStatus', false);
  const studioMode = studio?.studioModeEnabled === true;
  return {
    obsVersion: typeof version.obsVersion === 'string' ? version.obsVersion : null,
    scenes: scenesInObsOrder(Array.isArray(list.scenes) ? list.scenes : []),
    programScene: typeof list.currentProgramSceneName === 'string' ? list.currentProgramSceneName : null,
    previewScene: studioMode && typeof list.currentPreviewSceneName === 'string' ? list.currentPreviewSceneName : null,
    studioMode,
    transition: typeof transition?.transitionName === 'string' ? transition.transitionName : null,
    streaming: stream.outputActive === true,
    recording: record.outputActive === true,
    virtualCam: vcam?.outputActive === true,
  };
}

/** One scene's items, top to bottom; a refusal (no such scene) becomes a DeskError. */
export async function fetchSceneItems(s: ObsSocket, scene: string, timeoutMs: number): Promise<ObsSceneItem[]> {
  try {
    const answer = await s.request('GetSceneItemList', { sceneName: scene }, timeoutMs);
    return itemsInObsOrder(answer.sceneItems);
  } catch (error) {
    throw toDeskError('GetSceneItemList', error);
  }
}

/**
 * OBS 29 accepts StartStream with no server or key and only then fails the output; refuse up front
 * with a reason the operator can act on. A build that cannot tell (no such request) is let through.
 */
export async function requireStreamTarget(s: ObsSocket, timeoutMs: number): Promise<void> {
  let answer;
  try {
    answer = await s.request('GetStreamServiceSettings', undefined, timeoutMs);
  } catch (error) {
    if (error instanceof OBSWebSocketError && error.code === 204) return;
    throw toDeskError('GetStreamServiceSettings', error);
  }
  const settings = (answer.streamServiceSettings ?? {}) as Data;
  const text = (key: string) => (typeof settings[key] === 'string' ? (settings[key] as string).trim() : '');
  const custom = answer.streamServiceType !== 'rtmp_common';
  const missing = custom ? (text('server') ? null : 'a server URL') : text('key') ? null : 'a stream key';
  if (missing) {
    const detail = `OBS has no stream target (${answer.streamServiceType} without ${missing}): set it in OBS → Settings → Stream, then start again`;
    throw new DeskError('conflict', coded('obs.noStreamTarget', { service: answer.streamServiceType }, detail));
  }
}
