import { coded, DeskError } from '../contract/index.js';
import type { ActionHandlers } from '../engine/action-bus.js';
import type { ObsSettingsStore } from './obs-settings-store.js';
import { setUpOverlay } from './overlay-setup.js';
import type { ObsLink } from './types.js';

/** Scene names that mean "we are away": the safe scene when none is set in the settings. */
const SAFE_NAME = /\bBRB\b|暂离|standby|稍后回来|马上回来/i;

export function findSafeScene(configured: string | null, scenes: readonly string[]): string | null {
  if (configured) return configured;
  return scenes.find((s) => SAFE_NAME.test(s)) ?? null;
}

/** The link's own refusal, checked first so that a disconnected OBS is the reason given. */
function requireConnected(link: ObsLink): void {
  const { status, reason } = link.state;
  if (status !== 'connected') throw new DeskError('conflict', coded('obs.notConnected', { status }, `OBS is not connected (${reason ? `${status}: ${reason}` : status})`));
}

type ObsActionTypes = 'obs.preview' | 'obs.studio' | 'obs.transition' | 'obs.source.toggle' | 'obs.safe' | 'obs.revert' | 'obs.overlay.setup';

/** The OBS actions beyond program scene and outputs (DESIGN §3.3); `link` is read per call (rehearsal swaps it). */
export function obsActionHandlers(deps: { link: () => ObsLink; settings: ObsSettingsStore }): Pick<ActionHandlers, ObsActionTypes> {
  const go = async (scene: string) => {
    const link = deps.link();
    const from = link.state.programScene;
    await link.setProgramScene(scene);
    return { scene, from };
  };
  return {
    'obs.preview': async ({ scene }) => {
      await deps.link().setPreviewScene(scene);
      return { scene };
    },
    'obs.studio': async ({ enabled }) => {
      await deps.link().setStudioMode(enabled);
      return { enabled };
    },
    'obs.transition': () => deps.link().transition(),
    'obs.source.toggle': ({ scene, source }) => deps.link().toggleSource(scene, source),
    'obs.safe': () => {
      const link = deps.link();
      requireConnected(link);
      const scene = findSafeScene(deps.settings.get().safeScene, link.state.scenes);
      if (!scene) {
        throw new DeskError('conflict', coded('obs.noSafeScene', {}, 'no safe scene: choose one in the OBS settings (safeScene), or name a scene "BRB", "暂离" or "standby"'));
      }
      return go(scene);
    },
    'obs.overlay.setup': ({ scene, url, name, width, height }) => setUpOverlay(deps.link(), { scene, url, name, width, height }),
    'obs.revert': () => {
      const link = deps.link();
      requireConnected(link);
      const previous = link.state.previousProgramScene;
      if (!previous) throw new DeskError('conflict', coded('obs.nothingToRevert', {}, 'nothing to revert: the program scene has not changed since the desk started'));
      return go(previous);
    },
  };
}
