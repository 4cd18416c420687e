import type { Router } from '../../server/router.js';
import { readRaw } from '../../server/raw-body.js';
import type { PlatformRepo } from '../../store/platform-repo.js';
import type { SessionsRepo } from '../../store/sessions-repo.js';
import { DeskError } from '../../contract/index.js';
import type { Dispatch } from '../../engine/ports.js';
import { dispatchStaged, type Staged } from '../../engine/staged.js';

export const IMPORT_LIMIT = 32 * 1024 * 1024;

/**
 * `POST /sessions/:id/import?platform=&tz=` with the export file as the body (any content type: CSV
 * and XLSX are told apart by their bytes); `GET /sessions/:id/platform` reads back what was imported.
 */
export function addImportRoutes(
  router: Router,
  deps: { repos: { sessions: SessionsRepo; platform: PlatformRepo }; dispatch: Dispatch; staged: { platform: Pick<Staged<Buffer>, 'stage' | 'discard'> } },
): Router {
  const { repos } = deps;
  return router
    .add('POST', '/sessions/:id/import', async (ctx) => {
      const bytes = await readRaw(ctx.req, IMPORT_LIMIT);
      const request = { id: ctx.params.id as string, platform: ctx.url.searchParams.get('platform'), tz: ctx.url.searchParams.get('tz') };
      // The bytes stay staged; the action (validated, logged) carries their id (review-actions.ts).
      const body = await dispatchStaged(deps.staged.platform, bytes, (upload) => deps.dispatch({ type: 'session.import', ...request, upload }, { surface: 'api' }));
      return { status: 201, body };
    })
    .add('GET', '/sessions/:id/platform', (ctx) => {
      const id = ctx.params.id as string;
      if (!repos.sessions.get(id)) throw new DeskError('not_found', `no session "${id}"`);
      return { body: { sessionId: id, minutes: repos.platform.minutes(id), products: repos.platform.products(id), sessions: repos.platform.sessions(id) } };
    });
}
