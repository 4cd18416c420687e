import { coded, type ControlDeviceView, type ControlSurface, type HidBinding } from '../../contract/index.js';
import { isKeyboard, isMouse, type HidBackend, type HidDescriptor } from '../../../../native/hid/generic/hid-backend.js';
import { diagnoseOpenError, NO_PROBLEM, problem as accessProblem, type AccessProblem } from './access-advice.js';
import type { HotplugWatch } from './hotplug.js';
import { HidSurface } from './hid-surface.js';
import { ScanLoop } from './scan-loop.js';

const STREAM_DECK_VENDORS = new Set([0x0fd9, 0x1b1c]);
const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/**
 * `hid:<vid>:<pid>[:<serial>]`, the id bindings use. Identical devices without a serial number (two
 * cheap foot pedals) would share it, so then each gets `:@<path>` as well (`byPath`): two devices, each
 * bindable alone, while a binding to `hid:<vid>:<pid>` still means any of them.
 */
export const hidDeviceId = (d: HidDescriptor, byPath = false) => `hid:${hex4(d.vendorId)}:${hex4(d.productId)}${d.serial ? `:${d.serial}` : byPath ? `:@${d.path}` : ''}`;

/** Whether a binding's device (`hid:vid:pid` or with serial) means this device. */
export const bindingMatches = (binding: HidBinding, id: string) => binding.device === id || id.startsWith(`${binding.device}:`);

export interface HidManagerDeps {
  backend: HidBackend;
  watch: HotplugWatch | null;
  bindings(): HidBinding[];
  attach(surface: ControlSurface): void;
  detach(id: string): void;
  publish(views: ControlDeviceView[]): void;
  onLearn(learn: { device: string; report: string | null; since: number } | null): void;
  log(kind: string, data: Record<string, unknown>): void;
  settleDelaysMs?: readonly number[];
  diagnose?: (error: unknown, path: string) => AccessProblem;
}

/**
 * Generic HID buttons through node-hid: foot pedals, macro pads and button boxes that are not
 * keyboards. Only devices with bindings (or in learn mode) are opened; keyboards are listed with a
 * pointer to hotkeys, mice are ignored. Hot-plug and failures behave as for Stream Decks.
 */
export class HidManager {
  private readonly open = new Map<string, { descriptor: HidDescriptor; surface: HidSurface }>();
  private listed: HidDescriptor[] = [];
  private readonly problems = new Map<string, AccessProblem>();
  private learning: { device: string; report: string | null; since: number } | null = null;
  private readonly loop = new ScanLoop(() => this.scanOnce());

  constructor(private readonly deps: HidManagerDeps) {}

  start(): Promise<void> {
    this.loop.watch(this.deps.watch, this.deps.settleDelaysMs);
    return this.rescan();
  }

  rescan(): Promise<void> {
    return this.loop.rescan();
  }

  /** Starts learn mode on a device: its next non-idle report is published for binding. */
  async learn(device: string | null, now: number): Promise<void> {
    this.learning = device ? { device, report: null, since: now } : null;
    this.deps.onLearn(this.learning);
    await this.rescan();
  }

  /** Bindings changed: open newly bound devices, give open ones their new reports. */
  refresh(): Promise<void> {
    for (const [, { surface }] of this.open) surface.setReports(this.reportsFor(surface.info.id));
    return this.rescan();
  }

  views(): ControlDeviceView[] {
    return this.candidates().map(({ d, id }) => {
      const problem = this.problems.get(d.path);
      const status: AccessProblem = isKeyboard(d)
        ? accessProblem(
            'keyboard',
            coded('controls.keyboard', {}, 'this device types like a keyboard'),
            coded('controlsFix.hotkeys', {}, 'Bind its keys under Hotkeys instead (the console and the desktop app catch them as shortcuts).'),
          )
        : this.open.has(d.path)
          ? { status: 'open', ...NO_PROBLEM }
          : (problem ?? { status: 'available', ...NO_PROBLEM });
      return { id, kind: 'hid', path: d.path, name: [d.manufacturer, d.product].filter(Boolean).join(' ') || id, model: null, serial: d.serial, ...status, vendorId: d.vendorId, productId: d.productId, brightness: null };
    });
  }

  async close(): Promise<void> {
    await this.loop.close();
    for (const path of [...this.open.keys()]) await this.drop(path, 'desk closing', false);
  }

  /** The devices to list, each with its id; keyboard interfaces keep the plain id (they bind as hotkeys). */
  private candidates(): { d: HidDescriptor; id: string }[] {
    const buttons = this.listed.filter((d) => !STREAM_DECK_VENDORS.has(d.vendorId) && !isMouse(d));
    // Serial-less devices sharing vid:pid cannot be told apart by id: their path tells them apart.
    const serialless = new Map<string, number>();
    for (const d of buttons) if (!d.serial && !isKeyboard(d)) serialless.set(hidDeviceId(d), (serialless.get(hidDeviceId(d)) ?? 0) + 1);
    const seen = new Set<string>();
    return buttons.flatMap((d) => {
      const id = isKeyboard(d) ? hidDeviceId(d) : hidDeviceId(d, (serialless.get(hidDeviceId(d)) ?? 0) > 1);
      // A device with a serial lists once per interface; the first non-keyboard interface carries its buttons.
      const key = id + (isKeyboard(d) ? ':kbd' : '');
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ d, id }];
    });
  }

  private reportsFor(id: string): string[] {
    return this.deps.bindings().filter((b) => bindingMatches(b, id)).map((b) => b.report);
  }

  private async scanOnce(): Promise<void> {
    try {
      this.listed = await this.deps.backend.list();
    } catch (error) {
      this.deps.log('device.error', { kind: 'hid', reason: `listing HID devices failed: ${(error as Error).message}` });
      return;
    }
    const paths = new Set(this.listed.map((d) => d.path));
    for (const path of [...this.open.keys()]) if (!paths.has(path)) await this.drop(path, 'unplugged', true);
    for (const path of [...this.problems.keys()]) if (!paths.has(path)) this.problems.delete(path);
    for (const { d, id } of this.candidates()) {
      if (isKeyboard(d) || this.loop.closed) continue;
      const wanted = this.reportsFor(id).length > 0 || (this.learning !== null && (this.learning.device === id || id.startsWith(`${this.learning.device}:`)));
      const opened = this.open.get(d.path);
      // A twin without a serial arrived or left: the open one's id changed, so it reopens under the new one.
      if (wanted && opened && opened.surface.info.id !== id) await this.drop(d.path, 'renamed', false);
      if (wanted && !this.open.has(d.path)) await this.tryOpen(d, id);
      else if (!wanted && this.open.has(d.path)) await this.drop(d.path, 'no longer bound', false);
    }
    if (!this.loop.closed) this.deps.publish(this.views());
  }

  private async tryOpen(d: HidDescriptor, id: string): Promise<void> {
    try {
      const handle = await this.deps.backend.open(d.path);
      const surface = new HidSurface(id, d.product ?? id, handle, (hex) => this.onReport(id, hex));
      surface.setReports(this.reportsFor(id));
      surface.onEvent((event) => {
        if (event.type === 'disconnected') void this.lost(d.path, event.reason);
      });
      this.problems.delete(d.path);
      this.open.set(d.path, { descriptor: d, surface });
      this.deps.attach(surface);
      this.deps.log('device.connect', { kind: 'hid', id, path: d.path, product: d.product });
    } catch (error) {
      const problem = (this.deps.diagnose ?? diagnoseOpenError)(error, d.path);
      if (this.problems.get(d.path)?.reason !== problem.reason) this.deps.log('device.error', { kind: 'hid', id, path: d.path, status: problem.status, reason: problem.reason });
      this.problems.set(d.path, problem);
    }
  }

  private onReport(id: string, hex: string): void {
    const learning = this.learning;
    if (!learning || !(learning.device === id || id.startsWith(`${learning.device}:`))) return;
    // The idle report (nothing pressed) is all zeros on every pedal and pad seen so far.
    if (/^(00 ?)+$/.test(hex)) return;
    this.learning = { device: id, report: hex, since: learning.since };
    this.deps.onLearn(this.learning);
  }

  private async lost(path: string, reason: string): Promise<void> {
    await this.drop(path, reason, true);
    if (!this.loop.closed) this.deps.publish(this.views());
    this.loop.later(250, () => void this.rescan());
  }

  private async drop(path: string, reason: string, log: boolean): Promise<void> {
    const open = this.open.get(path);
    if (!open) return;
    this.open.delete(path);
    this.deps.detach(open.surface.info.id);
    await open.surface.close();
    if (log) this.deps.log('device.disconnect', { kind: 'hid', id: open.surface.info.id, reason });
  }
}
