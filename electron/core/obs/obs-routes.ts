import { DeskError } from '../contract/index.js';
import type { ObsProfiles as ObsProfilesView, OverlayLink } from '../contract/index.js';
import type { Router } from '../server/router.js';
import type { ObsConnection } from './obs-connection.js';
import type { ObsProfiles } from './obs-profiles.js';
import type { ObsSettingsStore } from './obs-settings-store.js';

/** What the OBS routes use. */
export interface ObsRouteDeps {
  obsSettings: Pick<ObsSettingsStore, 'get' | 'put'>;
  obsProfiles: Pick<ObsProfiles, 'list' | 'put' | 'remove' | 'activate'>;
  obs: Pick<ObsConnection, 'replace' | 'real'>;
  readonly inRehearsal: boolean;
}

/**
 * Connects the desk to profile `id`, or with null back to the start-up --obs-url (a new link: the
 * old one closes, nothing is replayed).
 */
export async function activateObsProfile(deps: ObsRouteDeps, id: string | null): Promise<ObsProfilesView> {
  if (deps.inRehearsal) throw new DeskError('conflict', 'rehearsal runs on a simulated OBS: stop it before switching OBS profiles');
  deps.obsProfiles.activate(id);
  await deps.obs.replace(deps.obs.real());
  return deps.obsProfiles.list();
}

/** Saves profile `id`; when it is the active one, reconnects so a corrected password takes effect. */
export async function putObsProfile(deps: ObsRouteDeps, id: string, body: unknown): Promise<ObsProfilesView> {
  const profiles = deps.obsProfiles.put(id, body);
  if (profiles.active === id && !deps.inRehearsal) await deps.obs.replace(deps.obs.real());
  return deps.obsProfiles.list();
}

/** The product-card overlay's path with the read-only overlay token, for OBS Browser Source. */
export function overlayLink(overlayToken: string | undefined): OverlayLink {
  if (!overlayToken) throw new DeskError('not_found', 'this server has no overlay token');
  return { path: `/overlay/card?token=${encodeURIComponent(overlayToken)}` };
}

/** OBS settings (safe scene, …) and OBS connection profiles. */
export function addObsRoutes(router: Router, deps: ObsRouteDeps): Router {
  return router
    .add('GET', '/obs/settings', () => ({ body: deps.obsSettings.get() }))
    .add('PUT', '/obs/settings', async (ctx) => ({ body: deps.obsSettings.put(await ctx.body()) }))
    .add('GET', '/obs/profiles', () => ({ body: deps.obsProfiles.list() }))
    .add('PUT', '/obs/profiles/:id', async (ctx) => ({ body: await putObsProfile(deps, ctx.params.id as string, await ctx.body()) }))
    .add('DELETE', '/obs/profiles/:id', (ctx) => ({ body: deps.obsProfiles.remove(ctx.params.id as string) }))
    .add('POST', '/obs/profiles/:id/activate', async (ctx) => ({ body: await activateObsProfile(deps, ctx.params.id as string) }))
    .add('POST', '/obs/profiles/deactivate', async () => ({ body: await activateObsProfile(deps, null) }));
}
