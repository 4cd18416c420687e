import { DeskError } from '../contract/index.js';
import { obsActionHandlers } from '../obs/obs-actions.js';
import type { ActionHandlers } from './action-bus.js';
import type { Desk } from './desk.js';

/** What each action does. Kept apart from the desk's wiring so the whole table reads at once. */
export function createHandlers(desk: Desk): ActionHandlers {
  return {
    'obs.scene': async ({ scene }) => {
      await desk.obsLink.setProgramScene(scene);
      return { scene };
    },
    'obs.stream.start': () => desk.obsLink.startStream(),
    'obs.stream.stop': () => desk.obsLink.stopStream(),
    'obs.record.start': () => desk.obsLink.startRecord(),
    'obs.record.stop': () => desk.obsLink.stopRecord(),
    ...obsActionHandlers({ link: () => desk.obsLink, settings: desk.obsSettings }),
    'session.start': async ({ title, planId }, at) => {
      // An unknown plan refuses the start before a session exists.
      const plan = planId ? desk.plans.get(planId) : null;
      const session = desk.startSession(title, planId, at);
      if (plan) await desk.show.beginPlan(plan, at);
      return session;
    },
    'session.end': (_action, at) => desk.endSession(at),
    'session.resume': ({ id }, at) => desk.resumeSession(id, at),
    'session.close': ({ id }) => desk.closeInterrupted(id),
    'session.mark': ({ label }, at) => {
      const entry = desk.log.log({ ts: at, kind: 'mark', data: { label } });
      if (!entry) throw new DeskError('conflict', 'no live session to mark: start one with session.start');
      return { id: entry.id, ts: at };
    },
    'product.explain': ({ sku }, at) => desk.show.explain(desk.catalog.get(sku), at),
    'product.next': (_a, at) => desk.show.step(1, at),
    'product.prev': (_a, at) => desk.show.step(-1, at),
    'product.clear': (_a, at) => ({ cleared: desk.explain.clear(at).changed }),
    'rehearsal.start': () => desk.startRehearsal(),
    'rehearsal.stop': () => desk.stopRehearsal(),
    'rehearsal.audience': ({ baseOnline, eventsPerSecond, enabled, paused, mood }) => desk.configureAudience({ baseOnline, eventsPerSecond, enabled, paused, mood }),
    'rehearsal.scale': ({ enabled, paused, autoEverySec }) => desk.rehearsal.configureScale({ enabled, paused, autoEverySec }),
    'rehearsal.scale.place': ({ grams }) => desk.rehearsal.place(grams),
    'scale.tare': ({ device }) => desk.serial.tare(device),
    'scale.zero': ({ device }) => desk.serial.zero(device),
    'light.cue': ({ cue }) => desk.serial.cue(cue),
    'flashsale.start': (action) => desk.show.startFlashSale(action),
    'flashsale.stop': () => desk.show.flash.stop(),
    'plan.goto': ({ index }, at) => desk.show.goto(index, at),
    'plan.resume': (_a, at) => desk.show.resume(at),
    'deck.page': ({ surface, to }) => desk.controls.page(surface, to),
    'deck.brightness': ({ surface, percent }) => desk.controls.brightness(surface, percent),
    'deck.rescan': () => desk.controls.rescan(),
  };
}
