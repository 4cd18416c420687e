import type { Product } from '../contract/index.js';
import type { ActionHandlers } from '../engine/action-bus.js';
import type { Staged } from '../engine/staged.js';
import type { Catalog } from './catalog.js';
import type { Plans } from './plans.js';
import type { ShowDirector } from './show-director.js';

export interface ShowActionDeps {
  show: Pick<ShowDirector, 'explain' | 'step' | 'startFlashSale' | 'startCurrentFlashSale' | 'stopFlashSale' | 'goto' | 'resume'>;
  catalog: Pick<Catalog, 'get' | 'create' | 'update' | 'remove' | 'setImage' | 'import'>;
  plans: Pick<Plans, 'create' | 'update' | 'remove' | 'duplicate'>;
  clear: (at: number) => { changed: boolean };
  /** Catalog files the import route received. */
  catalogFiles: Pick<Staged<unknown>, 'take'>;
}

type ShowActionType =
  | 'product.explain' | 'product.next' | 'product.prev' | 'product.clear'
  | 'flashsale.start' | 'flashsale.current' | 'flashsale.stop' | 'plan.goto' | 'plan.resume'
  | 'product.create' | 'product.update' | 'product.remove' | 'product.image' | 'product.import'
  | 'plan.create' | 'plan.update' | 'plan.remove' | 'plan.duplicate';

/** The show's actions: 讲解, flash sales, following the plan (DESIGN §3.3), and the catalog and plans behind them. */
export function showActionHandlers(deps: ShowActionDeps): Pick<ActionHandlers, ShowActionType> {
  const { show, catalog, plans } = deps;
  return {
    'product.explain': ({ sku }, at) => show.explain(catalog.get(sku) satisfies Product, at),
    'product.next': (_a, at) => show.step(1, at),
    'product.prev': (_a, at) => show.step(-1, at),
    'product.clear': (_a, at) => ({ cleared: deps.clear(at).changed }),
    'flashsale.start': (action) => show.startFlashSale(action),
    'flashsale.current': (action) => show.startCurrentFlashSale(action),
    'flashsale.stop': () => show.stopFlashSale(),
    'plan.goto': ({ index }, at) => show.goto(index, at),
    'plan.resume': (_a, at) => show.resume(at),
    'product.create': ({ product }) => catalog.create(product),
    'product.update': ({ sku, product }) => catalog.update(sku, product),
    'product.remove': ({ sku }) => {
      catalog.remove(sku);
      return { ok: true };
    },
    'product.image': ({ sku, image }) => catalog.setImage(sku, image),
    'product.import': ({ upload }) => catalog.import(deps.catalogFiles.take(upload)),
    'plan.create': ({ plan }) => plans.create(plan),
    'plan.update': ({ id, plan }) => plans.update(id, plan),
    'plan.remove': ({ id }) => {
      plans.remove(id);
      return { ok: true };
    },
    'plan.duplicate': ({ id, name }) => plans.duplicate(id, name === undefined ? undefined : { name }),
  };
}
