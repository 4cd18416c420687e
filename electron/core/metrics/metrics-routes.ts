import { kpiSettingsSchema, parseOrThrow, type IngestResult } from '../contract/index.js';
import type { ActionHandlers } from '../engine/action-bus.js';
import type { Dispatch } from '../engine/ports.js';
import type { Router } from '../server/router.js';
import type { LiveKpis } from './live-kpis.js';

/** A connector's batch may be large: 16 MB of events in one durable write. */
const INGEST_BODY_LIMIT = 16 * 1024 * 1024;

/** What the metrics routes use. */
export interface MetricsRouteDeps {
  dispatch: Dispatch;
  ingest: (body: unknown) => IngestResult;
  liveKpis: Pick<LiveKpis, 'settings'>;
}

/**
 * Ingest (DESIGN §3.4) and the KPI settings (thresholds, alert rules). Ingest batches are audience
 * events, logged as such (`ingest.*`), not actions; a settings change is an action.
 */
export function addMetricsRoutes(router: Router, deps: MetricsRouteDeps): Router {
  return router
    .add('POST', '/ingest', async (ctx) => ({ status: 202, body: deps.ingest(await ctx.body()) }), ['control'], { bodyLimit: INGEST_BODY_LIMIT })
    .add('GET', '/kpi/settings', () => ({ body: deps.liveKpis.settings }))
    .add('PUT', '/kpi/settings', async (ctx) => ({ body: await deps.dispatch({ type: 'kpi.settings', settings: parseOrThrow(kpiSettingsSchema, await ctx.body()) }, { surface: 'api' }) }));
}

/** The metrics actions. */
export function metricsActionHandlers(kpis: Pick<LiveKpis, 'putSettings'>): Pick<ActionHandlers, 'kpi.settings'> {
  return { 'kpi.settings': ({ settings }) => kpis.putSettings(settings) };
}
