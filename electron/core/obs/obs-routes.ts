import { DeskError, obsProfileIdSchema, obsProfileInputSchema, obsSettingsSchema, parseOrThrow } from '../contract/index.js';
import type { OverlayLink } from '../contract/index.js';
import type { Dispatch } from '../engine/ports.js';
import type { Router } from '../server/router.js';
import type { ObsProfiles } from './obs-profiles.js';
import type { ObsSettingsStore } from './obs-settings-store.js';

/** What the OBS routes use: reads directly, every change through the bus. */
export interface ObsRouteDeps {
  dispatch: Dispatch;
  obsSettings: Pick<ObsSettingsStore, 'get'>;
  obsProfiles: Pick<ObsProfiles, 'list'>;
}

const api = { surface: 'api' } as const;

/** The product-card overlay's path with the read-only overlay token, for OBS Browser Source. */
export function overlayLink(overlayToken: string | undefined): OverlayLink {
  if (!overlayToken) throw new DeskError('not_found', 'this server has no overlay token');
  return { path: `/overlay/card?token=${encodeURIComponent(overlayToken)}` };
}

/** OBS settings (safe scene, …) and OBS connection profiles; their changes are actions (obs-actions.ts). */
export function addObsRoutes(router: Router, deps: ObsRouteDeps): Router {
  const { dispatch } = deps;
  return router
    .add('GET', '/obs/settings', () => ({ body: deps.obsSettings.get() }))
    .add('PUT', '/obs/settings', async (ctx) => ({ body: await dispatch({ type: 'obs.settings', settings: parseOrThrow(obsSettingsSchema, await ctx.body()) }, api) }))
    .add('GET', '/obs/profiles', () => ({ body: deps.obsProfiles.list() }))
    .add('PUT', '/obs/profiles/:id', async (ctx) => {
      const id = parseOrThrow(obsProfileIdSchema, ctx.params.id, ['id']);
      const profile = parseOrThrow(obsProfileInputSchema, await ctx.body());
      return { body: await dispatch({ type: 'obs.profile.put', id, profile }, api) };
    })
    .add('DELETE', '/obs/profiles/:id', async (ctx) => ({ body: await dispatch({ type: 'obs.profile.remove', id: ctx.params.id as string }, api) }))
    .add('POST', '/obs/profiles/:id/activate', async (ctx) => ({ body: await dispatch({ type: 'obs.profile.activate', id: ctx.params.id as string }, api) }))
    .add('POST', '/obs/profiles/deactivate', async () => ({ body: await dispatch({ type: 'obs.profile.activate', id: null }, api) }));
}
