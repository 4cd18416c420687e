import { DeskError, hotkeyFireSchema, PORTS_DEGRADED_HEADER, learnRequestSchema, parseOrThrow, toOverlayState } from '../contract/index.js';
import type { Desk } from '../engine/desk.js';
import { SessionQueries } from '../review/session-queries.js';
import { activateObsProfile, overlayLink, putObsProfile } from '../obs/obs-profile-routes.js';
import { Router } from './router.js';
import { addShowRoutes } from './show-routes.js';
import { addImportRoutes } from '../review/platform-import/import-routes.js';
import { addReviewRoutes } from '../review/review-routes.js';

/** Every `/api/v1` route (DESIGN §3.2). Handlers only translate HTTP to desk calls. */
/** A connector's batch may be large: 16 MB of events in one durable write. */
const INGEST_BODY_LIMIT = 16 * 1024 * 1024;

export function apiRoutes(desk: Desk, options: { overlayToken?: string } = {}): Router {
  const review = new SessionQueries(desk.repos, desk.now);
  const router = new Router();
  router
    .add('GET', '/health', () => ({ body: desk.health() }))
    .add('GET', '/state', () => ({ body: desk.hub.state }))
    .add('GET', '/overlay', () => ({ body: toOverlayState(desk.hub.state) }), ['control', 'overlay'])
    // The console builds the OBS Browser Source URL from this: the read-only token, never its own.
    .add('GET', '/overlay/link', () => ({ body: overlayLink(options.overlayToken) }))
    .add('POST', '/actions', async (ctx) => ({ body: { ok: true, result: await desk.dispatch(await ctx.body(), { surface: 'api' }) } }))
    .add('POST', '/ingest', async (ctx) => ({ status: 202, body: desk.ingest(await ctx.body()) }), ['control'], { bodyLimit: INGEST_BODY_LIMIT })
    .add('GET', '/kpi/settings', () => ({ body: desk.liveKpis.settings }))
    .add('PUT', '/kpi/settings', async (ctx) => ({ body: desk.liveKpis.putSettings(await ctx.body()) }))
    .add('GET', '/obs/settings', () => ({ body: desk.obsSettings.get() }))
    .add('PUT', '/obs/settings', async (ctx) => ({ body: desk.obsSettings.put(await ctx.body()) }))
    .add('GET', '/obs/profiles', () => ({ body: desk.obsProfiles.list() }))
    .add('PUT', '/obs/profiles/:id', async (ctx) => ({ body: await putObsProfile(desk, ctx.params.id as string, await ctx.body()) }))
    .add('DELETE', '/obs/profiles/:id', (ctx) => ({ body: desk.obsProfiles.remove(ctx.params.id as string) }))
    .add('POST', '/obs/profiles/:id/activate', async (ctx) => ({ body: await activateObsProfile(desk, ctx.params.id as string) }))
    .add('POST', '/obs/profiles/deactivate', async () => ({ body: await activateObsProfile(desk, null) }))
    .add('GET', '/products', () => ({ body: desk.catalog.list() }))
    .add('POST', '/products', async (ctx) => ({ status: 201, body: desk.catalog.create(await ctx.body()) }))
    .add('GET', '/products/:sku', (ctx) => ({ body: desk.catalog.get(ctx.params.sku as string) }))
    .add('PUT', '/products/:sku', async (ctx) => ({ body: desk.catalog.update(ctx.params.sku as string, await ctx.body()) }))
    .add('DELETE', '/products/:sku', (ctx) => {
      desk.catalog.remove(ctx.params.sku as string);
      return { body: { ok: true } };
    })
    .add('GET', '/devices', () => ({ body: desk.serial.list() }))
    .add('PUT', '/devices', async (ctx) => ({ body: await desk.serial.replace(await ctx.body()) }))
    .add('GET', '/devices/ports', async () => {
      // The body stays the list it always was; a degraded listing (no udev) says why in a header.
      const { ports, degraded } = await desk.serial.ports();
      const headers: Record<string, string> = degraded ? { [PORTS_DEGRADED_HEADER]: degraded } : {};
      return { body: ports, headers };
    })
    .add('GET', '/devices/cues', () => ({ body: desk.serial.cues() }))
    .add('PUT', '/devices/cues', async (ctx) => ({ body: desk.serial.setCues(await ctx.body()) }))
    .add('GET', '/bindings', () => ({ body: desk.controls.bindings() }))
    .add('PUT', '/bindings', async (ctx) => ({ body: await desk.controls.putBindings(await ctx.body()) }))
    .add('GET', '/controls', () => ({ body: desk.controls.views() }))
    .add('POST', '/controls/rescan', async () => ({ body: await desk.controls.rescan() }))
    .add('POST', '/controls/learn', async (ctx) => {
      const { device } = parseOrThrow(learnRequestSchema, await ctx.body());
      await desk.controls.learn(device);
      return { body: { ok: true, learn: desk.hub.state.learn ?? null } };
    })
    .add('POST', '/hotkeys/fire', async (ctx) => {
      const { accelerator, source } = parseOrThrow(hotkeyFireSchema, await ctx.body());
      return { body: { ok: true, result: await desk.controls.fireHotkey(accelerator, source) } };
    })
    .add('GET', '/sessions', () => ({ body: review.list() }))
    .add('GET', '/sessions/:id', (ctx) => ({ body: review.detail(ctx.params.id as string) }))
    .add('GET', '/sessions/:id/timeline', (ctx) => {
      const raw = ctx.url.searchParams.get('points');
      const points = raw === null ? 600 : Number(raw);
      if (!Number.isInteger(points) || points < 1) throw new DeskError('bad_request', 'points: must be a positive integer', { field: 'points' });
      return { body: review.timeline(ctx.params.id as string, points) };
    });
  addShowRoutes(router, desk);
  addImportRoutes(router, desk.repos, desk.now);
  addReviewRoutes(router, desk);
  return router;
}
