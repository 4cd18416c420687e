import { backoffDelay as sharedBackoff, type ObsState } from '../contract/index.js';

/**
 * obs-websocket lists scenes bottom-up (GetSceneList and SceneListChanged give index 0 to the bottom
 * scene of OBS's list); the desk shows them as the operator sees them in OBS, top to bottom.
 */
export function scenesInObsOrder(list: readonly unknown[]): string[] {
  const entries = list.flatMap((item) => {
    const { sceneName, sceneIndex } = (item ?? {}) as { sceneName?: unknown; sceneIndex?: unknown };
    return typeof sceneName === 'string' ? [{ sceneName, sceneIndex: typeof sceneIndex === 'number' ? sceneIndex : null }] : [];
  });
  if (entries.every((e) => e.sceneIndex !== null)) return entries.sort((a, b) => (b.sceneIndex as number) - (a.sceneIndex as number)).map((e) => e.sceneName);
  return entries.map((e) => e.sceneName).reverse();
}

export const addScene = (scenes: readonly string[], name: string): string[] => (scenes.includes(name) ? [...scenes] : [...scenes, name]);

export const removeScene = (scenes: readonly string[], name: string): string[] => scenes.filter((s) => s !== name);

export const renameScene = (scenes: readonly string[], from: string, to: string): string[] => scenes.map((s) => (s === from ? to : s));

/** Field-by-field equality (nested objects such as scene items by content), so listeners hear only about real changes. */
export function sameObsState(a: ObsState, b: ObsState): boolean {
  for (const key of Object.keys(a) as (keyof ObsState)[]) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    } else if (x !== y && !(typeof x === 'object' && typeof y === 'object' && JSON.stringify(x) === JSON.stringify(y))) return false;
  }
  return true;
}

/**
 * Delay before retry number `failures` (0-based): doubles from `minMs` up to `maxMs`, with "equal
 * jitter" (half fixed, half random) so that several desks do not hammer a restarting OBS in step.
 */
export function backoffDelay(failures: number, minMs: number, maxMs: number, random: () => number = Math.random): number {
  return Math.max(minMs, sharedBackoff(failures, { minMs, maxMs, jitter: [0.5, 1] }, random));
}

/** What is unknown while not connected: shown as such rather than as stale facts. */
export const UNKNOWN: Partial<ObsState> = { programScene: null, previewScene: null, studioMode: false, transition: null, streaming: false, recording: false, virtualCam: false, sceneItems: {}, health: null };

export function initialObsState(url: string, at: number): ObsState {
  return {
    status: 'disconnected',
    url,
    reason: 'not started',
    since: at,
    retryAt: null,
    obsVersion: null,
    scenes: [],
    programScene: null,
    streaming: false,
    recording: false,
    previewScene: null,
    studioMode: false,
    transition: null,
    virtualCam: false,
    previousProgramScene: null,
    sceneItems: {},
    health: null,
  };
}
