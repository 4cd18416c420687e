import {
  bindingsSchema,
  coded,
  DANGEROUS_ACTIONS,
  DeskError,
  parseOrThrow,
  type Bindings,
  type ControlDeviceView,
  type ControlSurface,
  type HotkeyBinding,
  type Layout,
} from '../../contract/index.js';
import { deepFreeze } from '../../engine/frozen.js';
import { BindingsRepo } from '../../store/bindings-repo.js';
import { SettingsRepo } from '../../store/settings-repo.js';
import type { DevicePorts } from '../device-ports.js';
import type { ActionHandlers } from '../../engine/action-bus.js';
import type { DeckBinder } from '../deck-binder.js';
import { DEFAULT_GUARDS, planPress } from '../press-guard.js';
import type { DeckBackend } from '../../../../native/hid/stream-deck/deck-backend.js';
import type { HidBackend } from '../../../../native/hid/generic/hid-backend.js';
import { DeckManager } from './deck-manager.js';
import { bindingMatches, HidManager } from './hid-manager.js';
import { usbHotplug, pollingHotplug, type HotplugWatch } from './hotplug.js';

/** Where control hardware comes from. Omitted parts are off (tests and in-process desks touch no USB). */
export interface ControlBackends {
  decks?: DeckBackend | null;
  hid?: HidBackend | null;
  /** Hot-plug source: `usb` for the real one (falls back to polling), a function for fakes. */
  watch?: HotplugWatch | 'usb' | null;
  settleDelaysMs?: readonly number[];
}

/** What control hardware needs from the desk. */
/** Surfaces are attached with the current state, device views and HID learning published; hotkeys fire on the bus. */
export interface ControlsDeps extends DevicePorts {
  binder: Pick<DeckBinder, 'attach' | 'detach' | 'render' | 'get' | 'setPage'>;
  backends: ControlBackends;
}

const BRIGHTNESS_KEY = 'deck-brightness';
const DEFAULT_BRIGHTNESS = 80;

/**
 * Control hardware and its bindings, wired to the desk: Stream Decks and generic HID devices (with
 * hot-plug), the `/bindings` document, hotkeys, brightness and pages.
 */
export class Controls {
  private readonly repo: BindingsRepo;
  private readonly settings: SettingsRepo;
  private current: Bindings;
  private decks: DeckManager | null = null;
  private hid: HidManager | null = null;
  private deckViews: ControlDeviceView[] = [];
  private hidViews: ControlDeviceView[] = [];
  private readonly hotkeyFired = new Map<string, number>();
  private readonly raised = new Map<string, string>();
  private starting: Promise<void> | null = null;
  private published = '';
  private closed = false;

  private readonly binder: ControlsDeps['binder'];
  private readonly backends: ControlBackends;

  constructor(private readonly deps: ControlsDeps) {
    this.binder = deps.binder;
    this.backends = deps.backends;
    this.repo = new BindingsRepo(deps.db);
    this.settings = new SettingsRepo(deps.db);
    const { bindings, unreadable } = this.repo.read();
    // Frozen: a bound action is then validated on its first press only (see ActionBus).
    this.current = deepFreeze(bindings);
    if (unreadable.length) deps.alerts.raise('bindings-unreadable', 'warn', coded('bindings.unreadable', { surfaces: unreadable.join(', ') }, `bindings (${unreadable.join(', ')}) were unreadable and use defaults; save them again`));
  }

  /**
   * Starts looking for hardware without holding up the desk: DESK_READY does not wait for USB
   * enumeration or for decks to open. Resolves once the first scan is done.
   */
  start(): Promise<void> {
    this.starting ??= this.startHardware().catch((error: Error) => {
      this.deps.alerts.raise('controls', 'warn', coded('controls.startFailed', {}, `control hardware could not start: ${error.message}`));
    });
    return this.starting;
  }

  private async startHardware(): Promise<void> {
    let watch = this.backends.watch ?? null;
    if (watch === 'usb') watch = (await usbHotplug()) ?? pollingHotplug(3000);
    if (this.closed) return;
    const common = {
      watch,
      attach: (surface: ControlSurface) => this.binder.attach(surface, this.deps.hub.state),
      detach: (id: string) => this.binder.detach(id, this.deps.hub.state),
      log: this.deps.log,
      ...(this.backends.settleDelaysMs ? { settleDelaysMs: this.backends.settleDelaysMs } : {}),
    };
    if (this.backends.decks) {
      this.decks = new DeckManager({
        ...common,
        backend: this.backends.decks,
        publish: (views) => this.publish('decks', views),
        brightnessFor: (id) => this.brightnessMap()[id] ?? DEFAULT_BRIGHTNESS,
      });
    }
    if (this.backends.hid) {
      this.hid = new HidManager({
        ...common,
        backend: this.backends.hid,
        bindings: () => this.current.hid,
        publish: (views) => this.publish('hid', views),
        onLearn: (learn) => this.deps.hub.patch({ learn }),
      });
    }
    await Promise.all([this.decks?.start(), this.hid?.start()]);
  }

  bindings(): Bindings {
    return this.current;
  }

  /** Replaces the whole document: validated, stored in one transaction, applied at once. */
  async putBindings(body: unknown): Promise<Bindings> {
    const next = parseOrThrow(bindingsSchema, body);
    next.hotkeys.forEach((h, i) => {
      if (DANGEROUS_ACTIONS.has(h.action.type)) {
        const detail = `hotkeys.${i}.action: ${h.action.type} stops what the audience sees and needs a long press; bind it to a deck key instead`;
        throw new DeskError('bad_request', coded('hotkey.needsLongPress', { action: h.action.type }, detail), { field: `hotkeys.${i}.action` });
      }
    });
    this.repo.write(next, this.deps.now());
    this.current = deepFreeze(next);
    this.binder.render(this.deps.hub.state);
    await this.hid?.refresh();
    return next;
  }

  /** Layout for surfaces whose keys come from elsewhere than deck layouts (generic HID reports). */
  layoutFor(surface: ControlSurface): Layout | null {
    if (surface.info.kind !== 'hid') return null;
    const keys: Layout['pages'][number]['keys'] = {};
    this.current.hid
      .filter((b) => bindingMatches(b, surface.info.id))
      .forEach((b, i) => (keys[String(i)] = { kind: 'action', action: b.action, ...(b.allowRepeat !== undefined ? { allowRepeat: b.allowRepeat } : {}), ...(b.label ? { label: b.label } : {}) }));
    return { pages: [{ name: '', keys }] };
  }

  views(): ControlDeviceView[] {
    return [...this.deckViews, ...this.hidViews];
  }

  async rescan(): Promise<ControlDeviceView[]> {
    await Promise.all([this.decks?.rescan(), this.hid?.rescan()]);
    return this.views();
  }

  async brightness(surface: string | undefined, percent: number): Promise<{ surface: string; percent: number }> {
    const id = surface ?? this.deckViews.find((v) => v.status === 'open')?.id;
    if (!id || !this.decks?.surface(id)) throw new DeskError('not_found', surface ? coded('deck.notFound', { surface }, `no open Stream Deck "${surface}"`) : coded('deck.none', {}, 'no Stream Deck is connected'));
    this.settings.set(BRIGHTNESS_KEY, JSON.stringify({ ...this.brightnessMap(), [id]: percent }));
    await this.decks.setBrightness(id, percent);
    return { surface: id, percent };
  }

  page(surface: string | undefined, to: 'next' | 'prev' | number): { surface: string; page: number } {
    if (surface && !this.binder.get(surface)) throw new DeskError('not_found', coded('surface.notFound', { surface }, `no surface "${surface}"`));
    return this.binder.setPage(surface, to);
  }

  async learn(device: string | null): Promise<void> {
    if (!this.hid) throw new DeskError('conflict', coded('hid.unavailable', {}, 'generic HID is not available in this desk'));
    if (device && !this.hidViews.some((v) => v.id === device || v.id.startsWith(`${device}:`))) throw new DeskError('not_found', coded('hid.notFound', { device }, `no HID device "${device}" is plugged in`), { field: 'device' });
    await this.hid.learn(device, this.deps.now());
  }

  hotkeys(): HotkeyBinding[] {
    return this.current.hotkeys;
  }

  /** A hotkey from the shell (global) or the console (focused): its bound action through the guards. */
  async fireHotkey(accelerator: string, source: 'global' | 'console'): Promise<unknown> {
    const hotkey = this.current.hotkeys.find((h) => h.accelerator.toLowerCase() === accelerator.toLowerCase());
    if (!hotkey) throw new DeskError('not_found', coded('hotkey.notFound', { accelerator }, `no hotkey "${accelerator}" is bound`), { field: 'accelerator' });
    const at = this.deps.now();
    const plan = planPress({ kind: 'action', action: hotkey.action }, this.current.guards ?? DEFAULT_GUARDS, this.hotkeyFired.get(hotkey.accelerator), at);
    if (plan.kind === 'ignore') return { ignored: plan.outcome };
    this.hotkeyFired.set(hotkey.accelerator, at);
    return this.deps.dispatch(hotkey.action, { surface: 'hotkey', device: `${source}:${hotkey.accelerator}`.slice(0, 128) });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.starting;
    await this.decks?.close();
    await this.hid?.close();
  }

  private publish(part: 'decks' | 'hid', views: ControlDeviceView[]): void {
    if (part === 'decks') this.deckViews = views;
    else this.hidViews = views;
    // Scans repeat (polling, hot-plug bursts); only a real change is published.
    const text = JSON.stringify(this.views());
    if (text === this.published) return;
    this.published = text;
    this.deps.hub.patch({ controls: this.views() });
    this.alertProblems();
  }

  /** A device that is plugged in but cannot be opened shows on the live console too, with its fix. */
  private alertProblems(): void {
    const now = new Map<string, string>();
    for (const v of this.views()) {
      if (v.status !== 'no-access' && v.status !== 'busy' && v.status !== 'error') continue;
      const id = `control:${v.path}`;
      const text = `${v.name}: ${v.reason ?? v.status}. ${v.fix ?? ''}`.trim();
      now.set(id, text);
      if (this.raised.get(id) !== text) this.deps.alerts.raise(id, 'warn', coded('controls.problem', { device: v.name, status: v.status }, text));
    }
    for (const id of this.raised.keys()) if (!now.has(id)) this.deps.alerts.resolve(id);
    this.raised.clear();
    for (const [id, text] of now) this.raised.set(id, text);
  }

  private brightnessMap(): Record<string, number> {
    try {
      return JSON.parse(this.settings.get(BRIGHTNESS_KEY) ?? '{}') as Record<string, number>;
    } catch {
      return {};
    }
  }
}

/** The deck actions (pages, brightness, a rescan of the USB bus), the bindings document, HID learning. */
export function controlActionHandlers(
  controls: Pick<Controls, 'page' | 'brightness' | 'rescan' | 'putBindings' | 'learn'>,
): Pick<ActionHandlers, 'deck.page' | 'deck.brightness' | 'deck.rescan' | 'bindings.replace' | 'controls.learn'> {
  return {
    'bindings.replace': ({ bindings }) => controls.putBindings(bindings),
    'controls.learn': async ({ device }) => {
      await controls.learn(device);
      return { ok: true };
    },
    'deck.page': ({ surface, to }) => controls.page(surface, to),
    'deck.brightness': ({ surface, percent }) => controls.brightness(surface, percent),
    'deck.rescan': () => controls.rescan(),
  };
}
