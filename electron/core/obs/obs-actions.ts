import { DeskError, type BusActionType, type ObsProfiles as ObsProfilesView } from '../contract/index.js';
import type { ActionHandlers } from '../engine/action-bus.js';
import type { ObsConnection } from './obs-connection.js';
import type { ObsProfiles } from './obs-profiles.js';
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
  if (status !== 'connected') throw new DeskError('conflict', `OBS is not connected (${reason ? `${status}: ${reason}` : status})`);
}

type ObsActionType = Extract<BusActionType, `obs.${string}`>;

export interface ObsActionDeps {
  /** `link` is read at each call: rehearsal and OBS profiles swap the link behind it. */
  connection: Pick<ObsConnection, 'link' | 'replace' | 'real'>;
  settings: Pick<ObsSettingsStore, 'get' | 'put'>;
  profiles: Pick<ObsProfiles, 'list' | 'put' | 'remove' | 'activate'>;
  rehearsing: () => boolean;
}

/**
 * Connects the desk to profile `id`, or with null back to the start-up --obs-url (a new link: the
 * old one closes, nothing is replayed).
 */
async function activateProfile(deps: ObsActionDeps, id: string | null): Promise<ObsProfilesView> {
  if (deps.rehearsing()) throw new DeskError('conflict', 'rehearsal runs on a simulated OBS: stop it before switching OBS profiles');
  deps.profiles.activate(id);
  await deps.connection.replace(deps.connection.real());
  return deps.profiles.list();
}

/** Saves profile `id`; when it is the active one, reconnects so a corrected password takes effect. */
async function putProfile(deps: ObsActionDeps, id: string, input: unknown): Promise<ObsProfilesView> {
  const profiles = deps.profiles.put(id, input);
  if (profiles.active === id && !deps.rehearsing()) await deps.connection.replace(deps.connection.real());
  return deps.profiles.list();
}

/** Every OBS action (DESIGN §3.3), straight from the bus to the link. */
export function obsActionHandlers(deps: ObsActionDeps): Pick<ActionHandlers, ObsActionType> {
  const go = async (scene: string) => {
    const link = deps.connection.link;
    const from = link.state.programScene;
    await link.setProgramScene(scene);
    return { scene, from };
  };
  return {
    'obs.scene': async ({ scene }) => {
      await deps.connection.link.setProgramScene(scene);
      return { scene };
    },
    'obs.stream.start': () => deps.connection.link.startStream(),
    'obs.stream.stop': () => deps.connection.link.stopStream(),
    'obs.record.start': () => deps.connection.link.startRecord(),
    'obs.record.stop': () => deps.connection.link.stopRecord(),
    'obs.preview': async ({ scene }) => {
      await deps.connection.link.setPreviewScene(scene);
      return { scene };
    },
    'obs.studio': async ({ enabled }) => {
      await deps.connection.link.setStudioMode(enabled);
      return { enabled };
    },
    'obs.transition': () => deps.connection.link.transition(),
    'obs.source.toggle': ({ scene, source }) => deps.connection.link.toggleSource(scene, source),
    'obs.safe': () => {
      const link = deps.connection.link;
      requireConnected(link);
      const scene = findSafeScene(deps.settings.get().safeScene, link.state.scenes);
      if (!scene) {
        throw new DeskError('conflict', 'no safe scene: choose one in the OBS settings (safeScene), or name a scene "BRB", "暂离" or "standby"');
      }
      return go(scene);
    },
    'obs.overlay.setup': ({ scene, url, name, width, height }) => setUpOverlay(deps.connection.link, { scene, url, name, width, height }),
    'obs.settings': ({ settings }) => deps.settings.put(settings),
    'obs.profile.put': ({ id, profile }) => putProfile(deps, id, profile),
    'obs.profile.remove': ({ id }) => deps.profiles.remove(id),
    'obs.profile.activate': ({ id }) => activateProfile(deps, id),
    'obs.revert': () => {
      const link = deps.connection.link;
      requireConnected(link);
      const previous = link.state.previousProgramScene;
      if (!previous) throw new DeskError('conflict', 'nothing to revert: the program scene has not changed since the desk started');
      return go(previous);
    },
  };
}
