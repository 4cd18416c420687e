import { DeskError, type CurrentProduct, type Product } from '../contract/index.js';
import { obsActionHandlers } from '../obs/obs-actions.js';
import type { ActionHandlers } from './action-bus.js';
import type { Desk } from './desk.js';

/** What each action does. Kept apart from the desk's wiring so the whole table reads at once. */
export function createHandlers(desk: Desk): ActionHandlers {
  const step = (direction: 1 | -1, at: number) => {
    const products = desk.catalog.list();
    if (!products.length) throw new DeskError('conflict', 'the catalog is empty: add a product first');
    const index = products.findIndex((p) => p.sku === desk.explain.product?.sku);
    const next = index < 0 ? (direction === 1 ? 0 : products.length - 1) : index + direction;
    const product = products[next];
    if (!product) throw new DeskError('conflict', direction === 1 ? 'already at the last product' : 'already at the first product');
    return explain(product, at);
  };

  const explain = async (product: Product, at: number) => {
    desk.explain.explain(product, at);
    let sceneError: string | null = null;
    if (product.scene && desk.obsLink.state.programScene !== product.scene) {
      try {
        await desk.obsLink.setProgramScene(product.scene);
      } catch (error) {
        // The card still goes on air: a studio would rather show the product than nothing.
        sceneError = (error as Error).message;
        desk.alerts.raise('explain-scene', 'warn', `讲解 ${product.name}: scene "${product.scene}" not switched — ${sceneError}`, 15_000);
      }
    }
    return { product: desk.explain.product as CurrentProduct, scene: product.scene, sceneError };
  };

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
    'session.start': ({ title, planId }, at) => desk.startSession(title, planId, at),
    'session.end': (_action, at) => desk.endSession(at),
    'session.mark': ({ label }, at) => {
      const entry = desk.log.log({ ts: at, kind: 'marker', data: { label } });
      if (!entry) throw new DeskError('conflict', 'no live session to mark: start one with session.start');
      return { id: entry.id, ts: at };
    },
    'product.explain': ({ sku }, at) => explain(desk.catalog.get(sku), at),
    'product.next': (_a, at) => step(1, at),
    'product.prev': (_a, at) => step(-1, at),
    'product.clear': (_a, at) => ({ cleared: desk.explain.clear(at).changed }),
    'rehearsal.start': () => desk.startRehearsal(),
    'rehearsal.stop': () => desk.stopRehearsal(),
    'scale.tare': ({ device }) => desk.serial.tare(device),
    'scale.zero': ({ device }) => desk.serial.zero(device),
    'light.cue': ({ cue }) => desk.serial.cue(cue),
    'deck.page': ({ surface, to }) => desk.controls.page(surface, to),
    'deck.brightness': ({ surface, percent }) => desk.controls.brightness(surface, percent),
    'deck.rescan': () => desk.controls.rescan(),
  };
}
