import type { ActionHandlers } from '../engine/action-bus.js';
import type { Staged } from '../engine/staged.js';
import type { PlatformRepo } from '../store/platform-repo.js';
import type { SessionsRepo } from '../store/sessions-repo.js';
import { importExport } from './platform-import/import-export.js';
import type { ReviewService } from './review-service.js';

export interface ReviewActionDeps {
  review: Pick<ReviewService, 'patch' | 'putNotes' | 'remove' | 'importFileSliced'>;
  repos: { sessions: SessionsRepo; platform: PlatformRepo };
  now: () => number;
  /** Platform exports and session bundles the import routes received. */
  platformFiles: Pick<Staged<Buffer>, 'take'>;
  bundleFiles: Pick<Staged<string>, 'take'>;
}

/** Changes to recorded sessions: tags and title, notes, deletion (confirmed), imports. */
export function reviewActionHandlers(deps: ReviewActionDeps): Pick<ActionHandlers, 'session.patch' | 'session.notes' | 'session.remove' | 'session.import' | 'review.import'> {
  const { review } = deps;
  return {
    'session.patch': ({ id, patch }) => review.patch(id, patch),
    'session.notes': ({ id, notes }) => review.putNotes(id, notes),
    'session.remove': ({ id, confirm }) => review.remove(id, confirm === true),
    'session.import': ({ id, platform, tz, upload }) => importExport(deps.repos, id, { bytes: deps.platformFiles.take(upload), platform, tz }, deps.now()),
    // In slices: a big bundle must not hold the event loop while the desk is on air (issue 13).
    'review.import': ({ upload }) => review.importFileSliced(deps.bundleFiles.take(upload)),
  };
}
