import { coded, DeskError, type Action, type ActionOf, type CurrentProduct, type Plan, type PlanItem, type Product } from '../contract/index.js';
import type { AlertSink, Dispatch, LogEvent, StatePublisher } from '../engine/ports.js';
import type { ObsLink } from '../obs/types.js';
import type { Clock } from './clock.js';
import type { ExplainFlow } from './explain-flow.js';
import { FlashSales, type SoldOrder } from './flash-sale.js';
import { PlanRunner } from './plan-runner.js';

export interface ExplainResult {
  product: CurrentProduct;
  scene: string | null;
  sceneError: string | null;
  cue: string | null;
  cueError: string | null;
}

export interface ShowDirectorDeps {
  clock: Clock;
  log: LogEvent;
  /** Flash sale and plan slices are published; the serial slice tells whether lights exist. */
  hub: StatePublisher;
  explain: Pick<ExplainFlow, 'explain' | 'clear' | 'product'>;
  catalog: { get(sku: string): Product; list(): Product[] };
  /** `link` is read at each call: rehearsal and OBS profiles swap the link behind it. */
  obs: { readonly link: Pick<ObsLink, 'state' | 'setProgramScene'> };
  alerts: Pick<AlertSink, 'raise'>;
  /** Light cues go through the bus, so they are logged like any other light action. */
  dispatch: Dispatch;
}

/**
 * What the show's actions mean on the desk: a 讲解 is scene + card + light + log in one step, a plan
 * segment is entered the same way, a flash sale runs against the order stream. The desk owns the
 * peers (OBS, lights, log); this room decides the order and what a failure costs.
 */
export class ShowDirector {
  readonly flash: FlashSales;
  readonly runner: PlanRunner;

  constructor(private readonly deps: ShowDirectorDeps) {
    const { clock, log, hub, alerts } = deps;
    this.flash = new FlashSales({
      clock,
      log,
      publish: (change) => hub.patch(change),
      sessionLive: () => hub.state.session !== null,
      warnOversold: (sale, oversold) =>
        alerts.raise('flashsale-oversold', 'warn', coded('flash.oversold', { name: sale.name, oversold }, `flash sale "${sale.name}": oversold ${oversold} (stock ${sale.stock ?? '∞'}, sale orders delivered ${sale.sold + oversold})`)),
    });
    this.runner = new PlanRunner({ clock, log, publish: (plan) => hub.patch({ plan }) });
  }

  /** 讲解: the card goes on air first; a scene or light that fails is reported, never blocks the explain. */
  async explain(product: Product, at: number, overrides: { scene?: string | null | undefined; cue?: string | null | undefined } = {}): Promise<ExplainResult> {
    const { explain } = this.deps;
    explain.explain(product, at);
    this.runner.noteExplain(product.sku);
    const scene = overrides.scene ?? product.scene;
    const cue = overrides.cue ?? product.cue;
    const sceneError = await this.switchScene(scene, `讲解 ${product.name}`);
    const cueError = await this.fireCue(cue, `讲解 ${product.name}`);
    return { product: explain.product as CurrentProduct, scene, sceneError, cue, cueError };
  }

  /** product.next / product.prev: along the plan when one runs, else along the catalog. */
  async step(direction: 1 | -1, at: number) {
    if (this.runner.state) {
      // A segment whose product left the catalog is refused before the plan moves.
      const index = this.runner.target(direction);
      this.check(this.runner.peek(index));
      return this.enter(this.runner.goto(index), at);
    }
    const products = this.deps.catalog.list();
    if (!products.length) throw new DeskError('conflict', coded('catalog.empty', {}, 'the catalog is empty: add a product first'));
    const index = products.findIndex((p) => p.sku === this.deps.explain.product?.sku);
    const next = index < 0 ? (direction === 1 ? 0 : products.length - 1) : index + direction;
    const product = products[next];
    if (!product) throw new DeskError('conflict', direction === 1 ? coded('catalog.atLast', {}, 'already at the last product') : coded('catalog.atFirst', {}, 'already at the first product'));
    return this.explain(product, at);
  }

  goto(index: number, at: number) {
    if (!this.runner.state) this.runner.resume(); // throws the "no plan" error
    this.check(this.runner.peek(index));
    return this.enter(this.runner.goto(index), at);
  }

  resume(at: number) {
    return this.enter(this.runner.resume(), at);
  }

  async beginPlan(plan: Plan, at: number) {
    const first = this.runner.begin(plan);
    return first ? this.enter(first, at) : { index: 0, kind: null };
  }

  startFlashSale({ sku, price, seconds, stock, warmupSeconds }: ActionOf<'flashsale.start'>) {
    return this.flash.start(this.deps.catalog.get(sku), { price, seconds, stock, warmupSeconds });
  }

  /** flashsale.current: the product on the card, at its catalog flash price (the deck's 秒杀 key). */
  startCurrentFlashSale({ seconds, stock }: ActionOf<'flashsale.current'>) {
    const sku = this.deps.explain.product?.sku;
    if (!sku) throw new DeskError('conflict', coded('flash.noProduct', {}, 'no product on the card: explain one first (product.explain), then start its flash sale'));
    const product = this.deps.catalog.get(sku);
    return this.flash.start(product, { seconds: seconds ?? 60, stock: stock ?? (product.stock ? product.stock : undefined) });
  }

  stopFlashSale() {
    return this.flash.stop();
  }

  recordOrders(orders: readonly SoldOrder[]): void {
    this.flash.recordOrders(orders);
  }

  close(): void {
    this.flash.dispose();
    this.runner.dispose();
  }

  private check(item: PlanItem | null): void {
    if (item?.kind === 'product' && item.sku) this.deps.catalog.get(item.sku);
  }

  /** The show stops with its session: the sale closes and the plan's last position is logged. */
  onSessionEnd(): void {
    this.flash.end('session-end');
    this.runner.end();
  }

  private async enter(item: PlanItem, at: number) {
    const index = this.runner.state?.index ?? 0;
    if (item.kind === 'product' && item.sku) {
      const result = await this.explain(this.deps.catalog.get(item.sku), at, { scene: item.scene, cue: item.cue });
      return { index, kind: item.kind, ...result };
    }
    this.deps.explain.clear(at);
    const label = item.title ?? item.kind;
    const sceneError = await this.switchScene(item.scene ?? null, label);
    const cueError = await this.fireCue(item.cue ?? null, label);
    return { index, kind: item.kind, scene: item.scene ?? null, sceneError, cue: item.cue ?? null, cueError };
  }

  private async switchScene(scene: string | null, what: string): Promise<string | null> {
    const { obs, alerts } = this.deps;
    if (!scene || obs.link.state.programScene === scene) return null;
    try {
      await obs.link.setProgramScene(scene);
      return null;
    } catch (error) {
      // The card still goes on air: a studio would rather show the product than nothing.
      const message = (error as Error).message;
      alerts.raise('explain-scene', 'warn', coded('explain.sceneFailed', { what, scene }, `${what}: scene "${scene}" not switched — ${message}`), 15_000);
      return message;
    }
  }

  private async fireCue(cue: string | null, what: string): Promise<string | null> {
    if (!cue) return null;
    const { hub, dispatch, alerts } = this.deps;
    // A studio without lights explains without them: no refusal in the log at every explain.
    const hasLights = (hub.state.serial ?? []).some((d) => d.kind.startsWith('dmx'));
    if (!hasLights) return 'no light is configured';
    try {
      // Through the bus, so the cue is logged (or its refusal) like any other light action.
      await dispatch({ type: 'light.cue', cue } satisfies Action, { surface: 'system' });
      return null;
    } catch (error) {
      const message = (error as Error).message;
      alerts.raise('explain-cue', 'warn', coded('explain.cueFailed', { what, cue }, `${what}: light cue "${cue}" failed — ${message}`), 15_000);
      return message;
    }
  }
}
