import type { ObsState } from '../contract/index.js';
import { withItemEnabled, withItemRemoved, withSceneRenamed, withSourceRenamed } from './obs-items.js';
import { addScene, removeScene, renameScene, scenesInObsOrder } from './obs-mirror.js';
import type { ObsSocket } from './obs-socket.js';

/** What the event follower needs from the link: the live check, the state and how to change it. */
export interface MirrorContext {
  /** True while `s` is the current, connected socket: events of older sockets are ignored. */
  live(s: ObsSocket): boolean;
  state(): ObsState;
  publish(patch: Partial<ObsState>): void;
  /** A program-scene change reported by OBS (keeps the revert target and the items in use). */
  programChanged(s: ObsSocket, scene: string): void;
  /** `reported` is false for what the link read itself (it must not hide a command's own write). */
  previewChanged(s: ObsSocket, scene: string | null, reported?: boolean): void;
  /** Bumped on every preview change, so a late answer never overrides a newer value. */
  previewVersion(): number;
  /** Re-reads one scene's items if they are mirrored or being read (after items were added, removed or reordered). */
  refreshItems(s: ObsSocket, scene: string): void;
  /** Re-reads everything (a new scene collection). */
  resync(s: ObsSocket): void;
  requestTimeoutMs: number;
}

// Event data is OBS's, not ours: a field of the wrong type drops the event instead of corrupting the mirror.
const str = (v: unknown): v is string => typeof v === 'string';
const bool = (v: unknown): v is boolean => typeof v === 'boolean';

/**
 * Keeps the mirror current from OBS's events. Events that arrive before the initial resync answers
 * are already reflected in its answer, so they are dropped until the link is connected.
 */
export function followMirrorEvents(s: ObsSocket, m: MirrorContext): void {
  const items = () => m.state().sceneItems ?? {};
  s.on('CurrentProgramSceneChanged', ({ sceneName }) => {
    if (m.live(s) && str(sceneName)) m.programChanged(s, sceneName);
  });
  s.on('CurrentPreviewSceneChanged', ({ sceneName }) => {
    if (m.live(s) && m.state().studioMode && str(sceneName)) m.previewChanged(s, sceneName);
  });
  s.on('StudioModeStateChanged', ({ studioModeEnabled }) => {
    if (!m.live(s) || !bool(studioModeEnabled)) return;
    m.publish({ studioMode: studioModeEnabled });
    if (!studioModeEnabled) return m.previewChanged(s, null);
    // OBS fills the preview with the program scene; ask rather than assume.
    const version = m.previewVersion();
    s.request('GetCurrentPreviewScene', undefined, m.requestTimeoutMs).then(
      (answer) => m.live(s) && m.state().studioMode && m.previewVersion() === version && m.previewChanged(s, answer.currentPreviewSceneName, false),
      () => undefined, // a lost connection is reported by the close event or the health poll
    );
  });
  s.on('CurrentSceneTransitionChanged', ({ transitionName }) => {
    if (m.live(s) && str(transitionName)) m.publish({ transition: transitionName });
  });
  s.on('SceneListChanged', ({ scenes }) => {
    if (m.live(s) && Array.isArray(scenes)) m.publish({ scenes: scenesInObsOrder(scenes) });
  });
  s.on('SceneCreated', ({ sceneName, isGroup }) => {
    if (m.live(s) && !isGroup && str(sceneName)) m.publish({ scenes: addScene(m.state().scenes, sceneName) });
  });
  s.on('SceneRemoved', ({ sceneName, isGroup }) => {
    if (!m.live(s) || isGroup || !str(sceneName)) return;
    const { [sceneName]: _gone, ...rest } = items();
    m.publish({ scenes: removeScene(m.state().scenes, sceneName), sceneItems: rest });
  });
  s.on('SceneNameChanged', ({ oldSceneName, sceneName }) => {
    if (!m.live(s) || !str(oldSceneName) || !str(sceneName)) return;
    const st = m.state();
    const rename = (name: string | null | undefined) => (name === oldSceneName ? sceneName : (name ?? null));
    m.publish({
      scenes: renameScene(st.scenes, oldSceneName, sceneName),
      programScene: rename(st.programScene),
      previewScene: rename(st.previewScene),
      previousProgramScene: rename(st.previousProgramScene),
      sceneItems: withSceneRenamed(items(), oldSceneName, sceneName),
    });
  });
  s.on('CurrentSceneCollectionChanged', () => {
    if (m.live(s)) m.resync(s);
  });
  // An item event for a scene still being read may postdate the read's answer: it reads the scene again.
  s.on('SceneItemEnableStateChanged', ({ sceneName, sceneItemId, sceneItemEnabled }) => {
    if (!m.live(s) || !str(sceneName) || typeof sceneItemId !== 'number' || !bool(sceneItemEnabled)) return;
    if (items()[sceneName]) m.publish({ sceneItems: withItemEnabled(items(), sceneName, sceneItemId, sceneItemEnabled) });
    else m.refreshItems(s, sceneName);
  });
  s.on('SceneItemRemoved', ({ sceneName, sceneItemId }) => {
    if (!m.live(s) || !str(sceneName) || typeof sceneItemId !== 'number') return;
    if (items()[sceneName]) m.publish({ sceneItems: withItemRemoved(items(), sceneName, sceneItemId) });
    else m.refreshItems(s, sceneName);
  });
  // The event lacks the input kind and the order is OBS's to decide: read the scene again.
  s.on('SceneItemCreated', ({ sceneName }) => {
    if (m.live(s) && str(sceneName)) m.refreshItems(s, sceneName);
  });
  s.on('SceneItemListReindexed', ({ sceneName }) => {
    if (m.live(s) && str(sceneName)) m.refreshItems(s, sceneName);
  });
  s.on('InputNameChanged', ({ oldInputName, inputName }) => {
    if (m.live(s) && str(oldInputName) && str(inputName)) m.publish({ sceneItems: withSourceRenamed(items(), oldInputName, inputName) });
  });
  s.on('StreamStateChanged', ({ outputActive }) => {
    if (m.live(s) && bool(outputActive)) m.publish({ streaming: outputActive });
  });
  s.on('RecordStateChanged', ({ outputActive }) => {
    if (m.live(s) && bool(outputActive)) m.publish({ recording: outputActive });
  });
  s.on('VirtualcamStateChanged', ({ outputActive }) => {
    if (m.live(s) && bool(outputActive)) m.publish({ virtualCam: outputActive });
  });
}
