import { commentKeywordsSchema, kpiSettingsSchema, parseOrThrow, type IngestResult } from '../contract/index.js';
import type { CommentFeed } from './comment-feed.js';
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
  comments: Pick<CommentFeed, 'after' | 'keywords'>;
}

/**
 * Ingest (DESIGN §3.4) and the KPI settings (thresholds, alert rules). Ingest batches are audience
 * events, logged as such (`ingest.*`), not actions; a settings change is an action.
 */
export function addMetricsRoutes(router: Router, deps: MetricsRouteDeps): Router {
  return router
    .add('POST', '/ingest', async (ctx) => ({ status: 202, body: deps.ingest(await ctx.body()) }), ['control'], { bodyLimit: INGEST_BODY_LIMIT })
    .add('GET', '/kpi/settings', () => ({ body: deps.liveKpis.settings }))
    .add('PUT', '/kpi/settings', async (ctx) => ({ body: await deps.dispatch({ type: 'kpi.settings', settings: parseOrThrow(kpiSettingsSchema, await ctx.body()) }, { surface: 'api' }) }))
    // The 弹幕 feed is asked for, never pushed: comments at ingest speed stay out of the desk state.
    .add('GET', '/comments', (ctx) => ({ body: deps.comments.after(afterSeq(ctx.url.searchParams.get('after'))) }))
    .add('GET', '/comments/keywords', () => ({ body: deps.comments.keywords }))
    .add('PUT', '/comments/keywords', async (ctx) => ({
      body: await deps.dispatch({ type: 'comments.keywords', keywords: parseOrThrow(commentKeywordsSchema, await ctx.body()) }, { surface: 'api' }),
    }));
}

/** `?after=` is the last seq the console has; anything else (absent, not a number) means from the start. */
function afterSeq(raw: string | null): number {
  const n = Number(raw ?? 0);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/** The metrics actions. */
export function metricsActionHandlers(parts: Pick<LiveKpis, 'putSettings'> & Pick<CommentFeed, 'setKeywords'>): Pick<ActionHandlers, 'kpi.settings' | 'comments.keywords'> {
  return { 'kpi.settings': ({ settings }) => parts.putSettings(settings), 'comments.keywords': ({ keywords }) => parts.setKeywords(keywords) };
}
