import { toOverlayState, type Health } from '../contract/index.js';
import type { Dispatch, StateReader } from '../engine/ports.js';
import { addDeviceRoutes, type DeviceRouteDeps } from '../devices/device-routes.js';
import { addMetricsRoutes, type MetricsRouteDeps } from '../metrics/metrics-routes.js';
import { addObsRoutes, overlayLink, type ObsRouteDeps } from '../obs/obs-routes.js';
import { addReviewRoutes, type ReviewRouteDeps } from '../review/review-routes.js';
import { addShowRoutes, type ShowRouteDeps } from '../show/show-routes.js';
import { Router } from './router.js';

/** What the core routes use: health, the published state, the action bus (which every change goes through). */
export interface CoreRouteDeps {
  health(): Health;
  hub: Pick<StateReader, 'state'>;
  dispatch: Dispatch;
}

/** Everything the API reaches: each domain's route dependencies, joined. */
export type ApiPorts = CoreRouteDeps & ObsRouteDeps & MetricsRouteDeps & ShowRouteDeps & DeviceRouteDeps & ReviewRouteDeps;

/**
 * Every `/api/v1` route (DESIGN §3.2): the core's own here, each domain's from its module. Handlers
 * only translate HTTP to calls on the domain.
 */
export function apiRoutes(ports: ApiPorts, options: { overlayToken?: string } = {}): Router {
  const router = new Router()
    .add('GET', '/health', () => ({ body: ports.health() }))
    .add('GET', '/state', () => ({ body: ports.hub.state }))
    .add('GET', '/overlay', () => ({ body: toOverlayState(ports.hub.state) }), ['control', 'overlay'])
    // The console builds the OBS Browser Source URL from this: the read-only token, never its own.
    .add('GET', '/overlay/link', () => ({ body: overlayLink(options.overlayToken) }))
    .add('POST', '/actions', async (ctx) => ({ body: { ok: true, result: await ports.dispatch(await ctx.body(), { surface: 'api' }) } }));
  addMetricsRoutes(router, ports);
  addObsRoutes(router, ports);
  addShowRoutes(router, ports);
  addDeviceRoutes(router, ports);
  addReviewRoutes(router, ports);
  return router;
}
