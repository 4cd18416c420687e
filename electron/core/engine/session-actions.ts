import { DeskError, type Plan } from '../contract/index.js';
import type { NewEvent } from '../store/sessions-repo.js';
import type { ActionHandlers } from './action-bus.js';
import type { SessionLifecycle } from './session-lifecycle.js';

export interface SessionActionDeps {
  lifecycle: Pick<SessionLifecycle, 'start' | 'end' | 'resume' | 'close'>;
  /** An unknown plan refuses the start before a session exists. */
  plan: (id: string) => Plan;
  beginPlan: (plan: Plan, at: number) => Promise<unknown>;
  log: (event: NewEvent) => { id: number } | null;
}

/** The session's actions (DESIGN §3.3). */
export function sessionActionHandlers(deps: SessionActionDeps): Pick<ActionHandlers, 'session.start' | 'session.end' | 'session.resume' | 'session.close' | 'session.mark'> {
  const { lifecycle } = deps;
  return {
    'session.start': async ({ title, planId }, at) => {
      const plan = planId ? deps.plan(planId) : null;
      const session = lifecycle.start(title, planId, at);
      if (plan) await deps.beginPlan(plan, at);
      return session;
    },
    'session.end': (_action, at) => lifecycle.end(at),
    'session.resume': ({ id }, at) => lifecycle.resume(id, at),
    'session.close': ({ id }) => lifecycle.close(id),
    'session.mark': ({ label }, at) => {
      const entry = deps.log({ ts: at, kind: 'mark', data: { label } });
      if (!entry) throw new DeskError('conflict', 'no live session to mark: start one with session.start');
      return { id: entry.id, ts: at };
    },
  };
}
