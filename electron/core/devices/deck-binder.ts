import { coded, DeskError, DIAL_KEY_BASE, type Action, type CodedText, type Bindings, type ControlSurface, type DeskState, type KeyBinding, type KeyLook, type Layout, type Origin, type Product, type SurfaceState } from '../contract/index.js';
import { defaultLayout, HOLD, kpiLook, lookFor, showsFlashCountdown, statusLook } from './key-layout.js';
import { DEFAULT_GUARDS, needsLongPress, planPress, type PressOutcome } from './press-guard.js';
import { deepFreeze } from '../engine/frozen.js';

export interface PressRecord {
  surface: string;
  kind: ControlSurface['info']['kind'];
  key: number;
  page: number;
  at: number;
  outcome: PressOutcome;
  action: string | null;
}

export interface DeckBinderDeps {
  dispatch: (action: Action, origin: Origin) => Promise<unknown>;
  products: () => readonly Product[];
  onLooks: (surfaces: SurfaceState[]) => void;
  onError: (text: CodedText) => void;
  /** The stored bindings document; absent or empty → the generated default layout. */
  bindings?: () => Bindings | null;
  /** Every press with its surface, key and what became of it (DESIGN §1: everything is logged). */
  onPress?: (press: PressRecord) => void;
  /** A layout owned by someone else for this surface (generic HID keys come from learnt reports). */
  layoutFor?: (surface: ControlSurface) => Layout | null;
}

interface Entry {
  surface: ControlSurface;
  page: number;
  layoutId: string;
  layout: Layout;
  lastFired: Map<number, number>;
  holds: Map<number, NodeJS.Timeout>;
  off: () => void;
}

/** A surface that follows the host's deck rather than showing its own layout (a typed capability, not a class). */
const mirrors = (surface: ControlSurface): boolean => surface.mirrorGrid !== undefined;

const SURFACE_ORIGIN: Record<ControlSurface['info']['kind'], Origin['surface']> = { virtual: 'deck', streamdeck: 'deck', serial: 'serial', hid: 'hid' };

/**
 * Binds control surfaces to actions: presses become actions on the bus (through the safety guards),
 * and every key shows its binding's live look. Layouts come from the bindings document, by surface id
 * or `default`, with pages and page keys. The on-screen virtual deck mirrors the first connected
 * Stream Deck: same grid, same layout, same page. One surface's failure never affects another.
 */
export class DeckBinder {
  private readonly surfaces = new Map<string, Entry>();
  private lastLooks = '';
  /** Generated layouts by their inputs (see generated). */
  private readonly generatedLayouts = new Map<string, Layout>();
  private lastState: DeskState | null = null;
  /** Ticks once a second while a key counts down (a flash sale), so the deck shows every second. */
  private ticker: NodeJS.Timeout | null = null;

  constructor(private readonly deps: DeckBinderDeps) {}

  attach(surface: ControlSurface, state: DeskState): void {
    const entry: Entry = { surface, page: 0, layoutId: surface.info.id, layout: { pages: [{ name: '', keys: {} }] }, lastFired: new Map(), holds: new Map(), off: () => {} };
    entry.off = surface.onEvent((event) => {
      if (event.type === 'key') this.onKey(entry, event.index, event.down, event.at);
      else if (event.type === 'dial') this.onDial(entry, event.index, event.delta, event.at);
      else if (event.type === 'error') this.deps.onError(coded('surface.failed', { surface: surface.info.name }, `${surface.info.name}: ${event.message}`));
    });
    this.surfaces.set(surface.info.id, entry);
    this.render(state);
  }

  /** Unbinds a surface that went away (unplugged deck, removed button box); it is closed by its owner. */
  detach(id: string, state: DeskState): void {
    const entry = this.surfaces.get(id);
    if (!entry) return;
    entry.off();
    for (const timer of entry.holds.values()) clearTimeout(timer);
    this.surfaces.delete(id);
    this.render(state);
  }

  get(id: string): ControlSurface | undefined {
    return this.surfaces.get(id)?.surface;
  }

  /** Switches a surface's page: `next`/`prev` wrap around; a number is clamped to the layout. */
  setPage(id: string | undefined, to: 'next' | 'prev' | number): { surface: string; page: number } {
    const fallback = this.firstHardware() ?? [...this.surfaces.values()].find((e) => mirrors(e.surface));
    const entry = this.pageOwner(id ? this.surfaces.get(id) : fallback);
    if (!entry) return { surface: id ?? '', page: 0 };
    const count = entry.layout.pages.length;
    entry.page = to === 'next' ? (entry.page + 1) % count : to === 'prev' ? (entry.page - 1 + count) % count : Math.min(Math.max(0, to), count - 1);
    if (this.lastState) this.render(this.lastState);
    return { surface: entry.surface.info.id, page: entry.page };
  }

  /** Recomputes layouts and looks; publishes surface states only when something visible changed. */
  render(state: DeskState): void {
    this.lastState = state;
    const products = this.deps.products();
    const byId = new Map(products.map((p) => [p.sku, p]));
    const bindings = this.deps.bindings?.() ?? null;
    const mirror = this.firstHardware();
    const status = statusLook(state);
    const views: SurfaceState[] = [];
    for (const entry of this.surfaces.values()) {
      const { surface } = entry;
      // The on-screen deck shows what the host's deck shows, grid included.
      surface.mirrorGrid?.(mirror?.surface.info.columns ?? 5, mirror?.surface.info.rows ?? 3);
      const { info } = surface;
      const keyCount = info.columns * info.rows;
      const source = mirrors(surface) && mirror ? mirror : entry;
      const own = this.deps.layoutFor?.(surface) ?? null;
      entry.layoutId = own ? info.id : bindings?.layouts[source.surface.info.id] ? source.surface.info.id : bindings?.layouts.default ? 'default' : 'generated';
      entry.layout = own ?? (entry.layoutId === 'generated' ? this.generated(keyCount, info.columns, state, products) : (bindings?.layouts[entry.layoutId] as Layout));
      if (source !== entry) entry.page = source.page;
      entry.page = Math.min(entry.page, entry.layout.pages.length - 1);
      const page = entry.layout.pages[entry.page];
      const keys = new Array<KeyLook | null>(keyCount).fill(null);
      for (const [key, binding] of Object.entries(page?.keys ?? {})) {
        const index = Number(key);
        if (index < keyCount) keys[index] = this.look(binding, entry, state, byId, bindings);
      }
      keys.forEach((look, i) => surface.setKeyLook(i, look));
      (surface as ControlSurface).setStatusLook?.(status);
      views.push({
        id: info.id,
        kind: info.kind,
        name: info.name,
        columns: info.columns,
        rows: info.rows,
        connected: surface.connected,
        keys,
        ...(info.model ? { model: info.model } : {}),
        ...(info.serial !== undefined ? { serial: info.serial } : {}),
        ...(info.keySize ? { keyWidth: info.keySize, keyHeight: info.keyHeight ?? info.keySize } : {}),
        page: entry.page,
        pages: entry.layout.pages.map((p, i) => p.name || String(i + 1)),
        layout: entry.layoutId === 'generated' ? 'default' : entry.layoutId,
      });
    }
    this.tick(state);
    const serialized = JSON.stringify(views);
    if (serialized === this.lastLooks) return;
    this.lastLooks = serialized;
    this.deps.onLooks(views);
  }

  /**
   * The generated layout for these inputs, the same frozen object until one of them changes: its
   * actions are then validated on a key's first press only (see ActionBus), not on every press.
   */
  private generated(keyCount: number, columns: number, state: DeskState, products: readonly Product[]): Layout {
    const scale = (state.serial ?? []).some((d) => d.kind === 'scale');
    const inputs = JSON.stringify([keyCount, columns, state.obs.scenes, products.map((p) => [p.sku, p.cue]), scale]);
    const known = this.generatedLayouts.get(inputs);
    if (known) return known;
    const layout = deepFreeze(defaultLayout(keyCount, columns, state.obs.scenes, products, { scale }));
    // One per surface shape in use: the old ones go when the scenes or products change.
    if (this.generatedLayouts.size >= 8) this.generatedLayouts.clear();
    this.generatedLayouts.set(inputs, layout);
    return layout;
  }

  private tick(state: DeskState): void {
    const counting = showsFlashCountdown(state, [...this.surfaces.values()].map((e) => e.layout.pages[e.page]));
    if (counting && !this.ticker) {
      this.ticker = setInterval(() => this.lastState && this.render(this.lastState), 1000);
      this.ticker.unref();
    } else if (!counting && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = null;
    }
  }

  async close(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    for (const entry of this.surfaces.values()) {
      entry.off();
      for (const timer of entry.holds.values()) clearTimeout(timer);
      await entry.surface.close();
    }
    this.surfaces.clear();
  }

  private firstHardware(): Entry | undefined {
    // A Stream Deck Pedal has no displays: nothing to mirror.
    return [...this.surfaces.values()].find((e) => e.surface.info.kind === 'streamdeck' && e.surface.connected && e.surface.info.keySize !== null);
  }

  /** The virtual deck turns the mirrored deck's pages; everything else turns its own. */
  private pageOwner(entry: Entry | undefined): Entry | undefined {
    if (entry && mirrors(entry.surface)) return this.firstHardware() ?? entry;
    return entry;
  }

  private look(binding: KeyBinding, entry: Entry, state: DeskState, byId: ReadonlyMap<string, Product>, bindings: Bindings | null): KeyLook {
    if (binding.kind === 'page') {
      const count = entry.layout.pages.length;
      const label = binding.label ?? (binding.to === 'next' ? '下一页 ▶' : binding.to === 'prev' ? '◀ 上一页' : entry.layout.pages[binding.to]?.name || `第${binding.to + 1}页`);
      return { label, detail: `${entry.page + 1}/${count}`, tone: 'idle', active: binding.to === entry.page, disabled: false };
    }
    if (binding.kind === 'show') return kpiLook(binding.what.replace(/^kpi\./, ''), state);
    const look = lookFor(binding.action, state, byId);
    const hold = needsLongPress(binding, bindings?.guards ?? DEFAULT_GUARDS);
    return { ...look, label: binding.label ?? look.label, ...(hold && look.detail === null ? { detail: HOLD } : {}) };
  }

  private onKey(entry: Entry, key: number, down: boolean, at: number): void {
    if (!down) {
      const hold = entry.holds.get(key);
      if (hold) {
        // Released before the long press completed: nothing fires.
        clearTimeout(hold);
        entry.holds.delete(key);
        this.record(entry, key, at, 'too-short', this.bindingAt(entry, key));
        this.deps.onError(coded('surface.holdToConfirm', { surface: entry.surface.info.name, key: key + 1 }, `${entry.surface.info.name} key ${key + 1}: hold the key to confirm this action`));
      }
      return;
    }
    const binding = this.bindingAt(entry, key);
    const guards = this.deps.bindings?.()?.guards ?? DEFAULT_GUARDS;
    const plan = planPress(binding, guards, entry.lastFired.get(key), at);
    if (plan.kind === 'ignore') return this.record(entry, key, at, plan.outcome, binding);
    if (!binding) return;
    if (plan.kind === 'hold') {
      clearTimeout(entry.holds.get(key));
      entry.holds.set(
        key,
        setTimeout(() => {
          entry.holds.delete(key);
          this.fire(entry, key, binding, at + plan.ms, 'held');
        }, plan.ms),
      );
      return;
    }
    this.fire(entry, key, binding, at, plan.outcome);
  }

  /** One dial turn fires its direction's binding once; it cannot be held, so long-press actions never fire from a dial. */
  private onDial(entry: Entry, dial: number, delta: number, at: number): void {
    const dials = entry.layout.pages[entry.page]?.dials?.[String(dial)];
    const binding = (delta > 0 ? dials?.right : dials?.left) ?? null;
    const key = DIAL_KEY_BASE + dial;
    const guards = this.deps.bindings?.()?.guards ?? DEFAULT_GUARDS;
    // Each direction has its own repeat guard, apart from the dial's press (key 100 + dial).
    const guardKey = -(1000 + dial * 2 + (delta > 0 ? 1 : 0));
    const plan = planPress(binding, guards, entry.lastFired.get(guardKey), at);
    if (plan.kind === 'ignore') return this.record(entry, key, at, plan.outcome, binding);
    if (!binding) return;
    if (plan.kind === 'hold') return this.record(entry, key, at, 'too-short', binding);
    this.fire(entry, key, binding, at, plan.outcome, guardKey);
  }

  private fire(entry: Entry, key: number, binding: KeyBinding, at: number, outcome: PressOutcome, guardKey = key): void {
    entry.lastFired.set(guardKey, at);
    if (binding.kind === 'page') {
      this.record(entry, key, at, outcome, binding);
      this.setPage(entry.surface.info.id, binding.to);
      return;
    }
    if (binding.kind !== 'action') return this.record(entry, key, at, outcome, binding);
    // A completed long press is the hardware's confirmation (DESIGN §3.3).
    const action = outcome === 'held' ? ({ ...binding.action, confirm: true } as Action) : binding.action;
    const origin: Origin = { surface: SURFACE_ORIGIN[entry.surface.info.kind], device: entry.surface.info.id, key };
    // The dispatch runs synchronously up to the OBS socket write; the press is logged after it, so a
    // database write (or its checkpoint) never stands between the key and OBS (issue 15). session.end
    // seals the log inside its dispatch, so its press is logged first.
    const sealsLog = action.type === 'session.end';
    if (sealsLog) this.record(entry, key, at, outcome, binding);
    this.deps.dispatch(action, origin).catch((error: Error) => {
      // A refusal says itself ("没有安全场景"); anything else is named by the key that failed.
      const detail = `${entry.surface.info.name} key ${key + 1}: ${error.message}`;
      this.deps.onError(error instanceof DeskError ? { ...error.text, detail } : coded('surface.actionFailed', { surface: entry.surface.info.name, key: key + 1 }, detail));
    });
    if (!sealsLog) this.record(entry, key, at, outcome, binding);
  }

  private bindingAt(entry: Entry, key: number): KeyBinding | null {
    return entry.layout.pages[entry.page]?.keys[String(key)] ?? null;
  }

  private record(entry: Entry, key: number, at: number, outcome: PressOutcome, binding: KeyBinding | null): void {
    this.deps.onPress?.({
      surface: entry.surface.info.id,
      kind: entry.surface.info.kind,
      key,
      page: entry.page,
      at,
      outcome,
      action: binding?.kind === 'action' ? binding.action.type : binding?.kind === 'page' ? `page:${binding.to}` : null,
    });
  }
}
