import { createReadStream } from 'node:fs';
import { coded, DeskError, parseOrThrow, sessionNotesSchema, sessionPatchSchema } from '../contract/index.js';
import type { Dispatch } from '../engine/ports.js';
import { dispatchStaged, type Staged } from '../engine/staged.js';
import type { Reply, RequestContext, Router } from '../server/router.js';
import type { CommerceRepo } from '../store/commerce-repo.js';
import type { PlatformRepo } from '../store/platform-repo.js';
import type { SessionsRepo } from '../store/sessions-repo.js';
import { BUNDLE_EXTENSION, removeBundleFile } from './bundle.js';
import { importUploadedBundle } from './bundle-upload.js';
import { parseCsvTable } from './csv.js';
import { platformCompare } from './platform-compare.js';
import { addImportRoutes } from './platform-import/import-routes.js';
import type { ReviewService } from './review-service.js';
import { SessionQueries } from './session-queries.js';

/** What the review routes use (named `desk` below: the part of the desk that review reads); changes go through the bus. */
export interface ReviewRouteDeps {
  review: ReviewService;
  repos: { sessions: SessionsRepo; commerce: CommerceRepo; platform: PlatformRepo };
  now: () => number;
  dispatch: Dispatch;
  staged: { platform: Pick<Staged<Buffer>, 'stage' | 'discard'>; bundle: Pick<Staged<string>, 'stage' | 'discard'> };
}

const api = { surface: 'api' } as const;



type Desk = ReviewRouteDeps;

const id = (ctx: RequestContext) => ctx.params.id as string;

function dateParam(ctx: RequestContext, name: string, endOfDay: boolean): number | undefined {
  const raw = ctx.url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (/^\d+$/.test(raw)) return Number(raw);
  // A calendar day (YYYY-MM-DD) is the user's local day as the browser sent it: UTC here.
  const day = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? Date.parse(`${raw}T00:00:00Z`) : NaN;
  if (Number.isNaN(day)) throw new DeskError('bad_request', coded('request.badDate', { field: name, value: raw }, `${name}: expected YYYY-MM-DD or ms since epoch, got "${raw}"`), { field: name });
  return endOfDay ? day + 86_400_000 : day;
}

function idsParam(ctx: RequestContext): string[] {
  const ids = (ctx.url.searchParams.get('ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!ids.length) throw new DeskError('bad_request', coded('review.idsMissing', {}, 'ids: list session ids separated by commas'), { field: 'ids' });
  return [...new Set(ids)];
}

const stamp = (at: number) => new Date(at).toISOString().slice(0, 16).replace(/[-:T]/g, '');
const asciiName = (s: string) => s.replace(/[^\w.-]+/g, '_');

function download(body: Buffer | string | NodeJS.ReadableStream, type: string, filename: string, size?: number): Reply {
  return {
    raw: true,
    body,
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename="${asciiName(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'cache-control': 'no-store',
      ...(size === undefined ? {} : { 'content-length': String(size) }),
    },
  };
}

async function exportReply(desk: Desk, ids: string[], ctx: RequestContext): Promise<Reply> {
  const format = ctx.url.searchParams.get('format') ?? 'html';
  // The reader's clock for the export's times: the browser's getTimezoneOffset(), minutes.
  const raw = ctx.url.searchParams.get('tz');
  const tz = raw === null ? 0 : Number(raw);
  if (!Number.isInteger(tz) || Math.abs(tz) > 14 * 60) throw new DeskError('bad_request', coded('review.badTz', {}, 'tz: minutes from getTimezoneOffset(), between -840 and 840'), { field: 'tz' });
  const base = ids.length === 1 ? `livedesk-${ids[0] as string}` : `livedesk-${ids.length}-sessions-${stamp(desk.now())}`;
  switch (format) {
    case 'csv': {
      const table = parseCsvTable(ctx.url.searchParams.get('table'));
      return download(desk.review.csv(ids, table, tz), 'text/csv; charset=utf-8', `${base}-${table}.csv`);
    }
    case 'html':
      return download(desk.review.html(ids, tz), 'text/html; charset=utf-8', `${base}.html`);
    case 'pdf':
      return download(await desk.review.pdf(ids, tz), 'application/pdf', `${base}.pdf`);
    case 'bundle': {
      const { file, size } = desk.review.bundleFile(ids);
      const stream = createReadStream(file);
      stream.on('close', () => removeBundleFile(file));
      return download(stream, 'application/vnd.sqlite3', `${base}${BUNDLE_EXTENSION}`, size);
    }
    default:
      throw new DeskError('bad_request', coded('review.badFormat', { format }, `format: must be csv, html, pdf or bundle, got "${format}"`), { field: 'format' });
  }
}

/** Review routes (issue 8). Multi-session paths live under /review so they never meet `/sessions/:id`. */
export function addReviewRoutes(router: Router, desk: Desk): Router {
  const q = desk.review.queries;
  const sessions = new SessionQueries(desk.repos, desk.now);
  router
    .add('GET', '/sessions', () => ({ body: sessions.list() }))
    .add('GET', '/sessions/:id', (ctx) => ({ body: sessions.detail(id(ctx)) }))
    .add('GET', '/sessions/:id/timeline', (ctx) => {
      const raw = ctx.url.searchParams.get('points');
      const points = raw === null ? 600 : Number(raw);
      if (!Number.isInteger(points) || points < 1) throw new DeskError('bad_request', coded('request.invalidField', { field: 'points' }, 'points: must be a positive integer'), { field: 'points' });
      return { body: sessions.timeline(id(ctx), points) };
    });
  addImportRoutes(router, desk);
  return router
    .add('GET', '/review/sessions', (ctx) => ({
      body: q.list({
        q: ctx.url.searchParams.get('q') ?? undefined,
        tag: ctx.url.searchParams.get('tag') ?? undefined,
        from: dateParam(ctx, 'from', false),
        to: dateParam(ctx, 'to', true),
      }),
    }))
    .add('GET', '/review/compare', (ctx) => ({ body: q.compare(idsParam(ctx)) }))
    .add('GET', '/review/export', (ctx) => exportReply(desk, idsParam(ctx), ctx))
    .add('POST', '/review/import', async (ctx) => ({
      body: await importUploadedBundle(
        { scratchFile: () => desk.review.scratchFile(), importFile: (file) => dispatchStaged(desk.staged.bundle, file, (upload) => desk.dispatch({ type: 'review.import', upload }, api)) },
        ctx.req,
      ),
    }))
    .add('GET', '/sessions/:id/review', (ctx) => {
      const raw = ctx.url.searchParams.get('bucket');
      const bucket = raw === null ? undefined : Number(raw);
      if (bucket !== undefined && (!Number.isInteger(bucket) || bucket < 10)) {
        throw new DeskError('bad_request', coded('review.badBucket', {}, 'bucket: seconds per point, an integer of at least 10'), { field: 'bucket' });
      }
      return { body: q.review(id(ctx), { bucketMs: bucket === undefined ? undefined : bucket * 1000 }) };
    })
    .add('GET', '/sessions/:id/products', (ctx) => ({ body: q.products(id(ctx)) }))
    .add('GET', '/sessions/:id/platform/compare', (ctx) => {
      const session = q.require(id(ctx));
      return { body: platformCompare({ platform: desk.repos.platform, review: desk.review.repo }, session.id, q.kpis(session)) };
    })
    .add('GET', '/sessions/:id/export', (ctx) => exportReply(desk, [id(ctx)], ctx))
    .add('PATCH', '/sessions/:id', async (ctx) => ({ body: await desk.dispatch({ type: 'session.patch', id: id(ctx), patch: parseOrThrow(sessionPatchSchema, await ctx.body()) }, api) }))
    .add('DELETE', '/sessions/:id', async (ctx) => {
      const confirmed = ctx.url.searchParams.get('confirm') === 'true';
      return { body: await desk.dispatch({ type: 'session.remove', id: id(ctx), ...(confirmed && { confirm: true }) }, api) };
    })
    .add('GET', '/sessions/:id/notes', (ctx) => ({ body: desk.review.notes(id(ctx)) }))
    .add('PUT', '/sessions/:id/notes', async (ctx) => ({ body: await desk.dispatch({ type: 'session.notes', id: id(ctx), notes: parseOrThrow(sessionNotesSchema, await ctx.body()) }, api) }));
}
