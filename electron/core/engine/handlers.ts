import { obsActionHandlers, type ObsActionDeps } from '../obs/obs-actions.js';
import { showActionHandlers, type ShowActionDeps } from '../show/show-actions.js';
import { serialActionHandlers } from '../devices/serial/serial-actions.js';
import { controlActionHandlers, type Controls } from '../devices/controls/controls.js';
import type { SerialManager } from '../devices/serial/serial-manager.js';
import { metricsActionHandlers } from '../metrics/metrics-routes.js';
import type { LiveKpis } from '../metrics/live-kpis.js';
import type { CommentFeed } from '../metrics/comment-feed.js';
import { reviewActionHandlers, type ReviewActionDeps } from '../review/review-actions.js';
import type { ActionHandlers } from './action-bus.js';
import type { Alerts } from './alerts.js';
import { rehearsalActionHandlers } from './rehearsal.js';
import { sessionActionHandlers, type SessionActionDeps } from './session-actions.js';

/** Each domain's handler set, as its module declares it. */
export interface HandlerParts {
  obs: ObsActionDeps;
  session: SessionActionDeps;
  show: ShowActionDeps;
  rehearsal: Parameters<typeof rehearsalActionHandlers>[0];
  serial: Pick<SerialManager, 'tare' | 'zero' | 'cue' | 'replace' | 'setCues'>;
  controls: Pick<Controls, 'page' | 'brightness' | 'rescan' | 'putBindings' | 'learn'>;
  metrics: Pick<LiveKpis, 'putSettings'> & Pick<CommentFeed, 'setKeywords'>;
  review: ReviewActionDeps;
  alerts: Pick<Alerts, 'ack' | 'mute'>;
}

/**
 * What each action does: the one place the domains' handlers meet. `satisfies` makes the compiler
 * refuse an action without a handler (or a handler for no action).
 */
export function createHandlers(parts: HandlerParts): ActionHandlers {
  return {
    ...obsActionHandlers(parts.obs),
    ...sessionActionHandlers(parts.session),
    ...showActionHandlers(parts.show),
    ...rehearsalActionHandlers(parts.rehearsal),
    ...serialActionHandlers(parts.serial),
    ...controlActionHandlers(parts.controls),
    ...metricsActionHandlers(parts.metrics),
    ...reviewActionHandlers(parts.review),
    'alert.ack': (action) => parts.alerts.ack(action.id),
    'alert.mute': (action) => parts.alerts.mute(action.id),
  } satisfies ActionHandlers;
}
