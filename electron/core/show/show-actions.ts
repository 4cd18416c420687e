import type { Product } from '../contract/index.js';
import type { ActionHandlers } from '../engine/action-bus.js';
import type { ShowDirector } from './show-director.js';

export interface ShowActionDeps {
  show: Pick<ShowDirector, 'explain' | 'step' | 'startFlashSale' | 'stopFlashSale' | 'goto' | 'resume'>;
  product: (sku: string) => Product;
  clear: (at: number) => { changed: boolean };
}

/** The show's actions: 讲解, flash sales, following the plan (DESIGN §3.3). */
export function showActionHandlers(deps: ShowActionDeps): Pick<ActionHandlers, 'product.explain' | 'product.next' | 'product.prev' | 'product.clear' | 'flashsale.start' | 'flashsale.stop' | 'plan.goto' | 'plan.resume'> {
  const { show } = deps;
  return {
    'product.explain': ({ sku }, at) => show.explain(deps.product(sku), at),
    'product.next': (_a, at) => show.step(1, at),
    'product.prev': (_a, at) => show.step(-1, at),
    'product.clear': (_a, at) => ({ cleared: deps.clear(at).changed }),
    'flashsale.start': (action) => show.startFlashSale(action),
    'flashsale.stop': () => show.stopFlashSale(),
    'plan.goto': ({ index }, at) => show.goto(index, at),
    'plan.resume': (_a, at) => show.resume(at),
  };
}
