import type { Action, ControlSurface, DeskState, KeyLook, Origin, Product, SurfaceState } from '../contract/index.js';
import { DANGEROUS_ACTIONS } from '../contract/index.js';
import { defaultBindings, lookFor, type KeyBinding } from './key-layout.js';

/** A second press of the same key within this window is a bounce or a double tap, not a new command. */
const REPEAT_WINDOW_MS = 250;

export interface DeckBinderDeps {
  dispatch: (action: Action, origin: Origin) => Promise<unknown>;
  products: () => readonly Product[];
  onLooks: (surfaces: SurfaceState[]) => void;
  onError: (message: string) => void;
}

/**
 * Binds control surfaces to actions: presses become actions on the bus, and every key shows its
 * action's live look. One surface's failure never affects another.
 */
export class DeckBinder {
  private readonly surfaces = new Map<string, { surface: ControlSurface; bindings: KeyBinding[]; lastPress: Map<number, number>; off: () => void }>();
  private lastLooks = '';

  constructor(private readonly deps: DeckBinderDeps) {}

  attach(surface: ControlSurface, state: DeskState): void {
    const entry = { surface, bindings: [] as KeyBinding[], lastPress: new Map<number, number>(), off: () => {} };
    entry.off = surface.onEvent((event) => {
      if (event.type === 'key' && event.down) this.press(entry, event.index, event.at);
      else if (event.type === 'error') this.deps.onError(`${surface.info.name}: ${event.message}`);
    });
    this.surfaces.set(surface.info.id, entry);
    this.render(state);
  }

  /** Unbinds a surface that went away for good (a removed serial button box); it is closed by its owner. */
  detach(id: string, state: DeskState): void {
    this.surfaces.get(id)?.off();
    if (this.surfaces.delete(id)) this.render(state);
  }

  get(id: string): ControlSurface | undefined {
    return this.surfaces.get(id)?.surface;
  }

  /** Recomputes bindings and looks; publishes surface states only when a key actually changed. */
  render(state: DeskState): void {
    const products = this.deps.products();
    const byId = new Map(products.map((p) => [p.sku, p]));
    const views: SurfaceState[] = [];
    for (const entry of this.surfaces.values()) {
      const { info } = entry.surface;
      const keyCount = info.columns * info.rows;
      entry.bindings = defaultBindings(keyCount, info.columns, state.obs.scenes, products, { scale: (state.serial ?? []).some((d) => d.kind === 'scale') });
      const keys = new Array<KeyLook | null>(keyCount).fill(null);
      for (const b of entry.bindings) keys[b.key] = lookFor(b.action, state, byId);
      keys.forEach((look, i) => entry.surface.setKeyLook(i, look));
      views.push({ id: info.id, kind: info.kind, name: info.name, columns: info.columns, rows: info.rows, connected: entry.surface.connected, keys });
    }
    const serialized = JSON.stringify(views);
    if (serialized === this.lastLooks) return;
    this.lastLooks = serialized;
    this.deps.onLooks(views);
  }

  async close(): Promise<void> {
    for (const entry of this.surfaces.values()) {
      entry.off();
      await entry.surface.close();
    }
    this.surfaces.clear();
  }

  private press(entry: { surface: ControlSurface; bindings: KeyBinding[]; lastPress: Map<number, number> }, key: number, at: number): void {
    const previous = entry.lastPress.get(key);
    entry.lastPress.set(key, at);
    if (previous !== undefined && at - previous < REPEAT_WINDOW_MS) return;
    const binding = entry.bindings.find((b) => b.key === key);
    if (!binding) return;
    // Dangerous actions need a long press on hardware (issue 5); until then keys never fire them.
    if (DANGEROUS_ACTIONS.has(binding.action.type)) return;
    const origin: Origin = { surface: 'deck', device: entry.surface.info.id, key };
    this.deps.dispatch(binding.action, origin).catch((error: Error) => this.deps.onError(`key ${key + 1}: ${error.message}`));
  }
}
