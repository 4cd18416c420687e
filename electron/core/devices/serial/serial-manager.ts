import {
  coded,
  DeskError,
  type CodedText,
  dmxCueListSchema,
  isNetworkDmx,
  parseOrThrow,
  serialDeviceListSchema,
  type Action,
  type DmxCue,
  type ControlSurface,
  type Origin,
  type ScaleState,
  type SerialDeviceConfig,
  type SerialDeviceView,
} from '../../contract/index.js';
import type { ByteTransport } from '../../../../native/serial/transport/byte-transport.js';
import { SerialTransport } from '../../../../native/serial/transport/serial-transport.js';
import { OPEN_DMX_LINE } from '../../../../native/serial/dmx/dmx-codec.js';
import { devicePath, lineSettings, type DeviceRuntime } from './device-runtime.js';
import { networkTarget, universeProblem } from './network-dmx.js';
import { UdpTransport } from '../../../../native/net-dmx/udp-transport.js';
import { ScaleDevice } from './scale-device.js';
import { DmxDevice } from './dmx-device.js';
import { ButtonBox } from './button-box.js';
import { matchRange, type TriggerEvent } from './scale-trigger.js';
import { listSerialPorts, type PortListing } from './port-list.js';

export interface SerialManagerDeps {
  now: () => number;
  load: () => { devices: SerialDeviceConfig[]; unreadable: string[] };
  save: (devices: readonly SerialDeviceConfig[]) => void;
  loadCues: () => string | null;
  saveCues: (json: string) => void;
  publish: (change: { serial: SerialDeviceView[]; scale: ScaleState | null }) => void;
  /** Appends to the live session's log (a no-op without one). */
  log: (kind: string, data: Record<string, unknown>) => void;
  alert: (id: string, level: 'info' | 'warn' | 'error', text: CodedText | null) => void;
  dispatch: (action: Action, origin: Origin) => Promise<unknown>;
  attachSurface: (surface: ControlSurface) => void;
  detachSurface: (id: string) => Promise<void>;
  /** How transports are made; tests pass fakes. */
  transportFor?: (config: SerialDeviceConfig) => ByteTransport;
}

export type DeviceWithStatus = SerialDeviceConfig & { live: SerialDeviceView['live'] };

/** Protocols whose scales answer a request command (request mode). */
const REQUEST_PROTOCOLS = new Set(['and', 'mt-sics', 'ohaus']);

/** The blackout / safe cue exists even when nobody has defined one. */
const BLACKOUT: DmxCue = { name: 'blackout', channels: {}, fadeMs: 0 };

/**
 * All serial devices of the desk: builds each from its config, keeps their live status and the live
 * weight in the published state, logs stable readings, runs scale triggers and DMX cues. Every device
 * is isolated: its failures end up in its status, never in another device or the core.
 */
export class SerialManager {
  private runtimes = new Map<string, DeviceRuntime>();
  private configs: SerialDeviceConfig[] = [];
  private lastLogged = new Map<string, number>();
  private lastStatus = new Map<string, string>();
  /** Devices that live only while something runs (the rehearsal's simulated scale): never stored. */
  private simulated = new Map<string, { config: SerialDeviceConfig; transport: () => ByteTransport }>();
  private closed = false;

  constructor(private readonly deps: SerialManagerDeps) {}

  start(): void {
    const { devices, unreadable } = this.deps.load();
    for (const id of unreadable) this.deps.alert(`serial-config-${id}`, 'warn', coded('serial.configUnreadable', { id }, `serial device "${id}": stored settings are unreadable and were skipped`));
    this.apply(devices);
  }

  list(): DeviceWithStatus[] {
    return this.configs.map((c) => ({ ...c, live: this.runtimes.get(c.id)?.view().live ?? disabled(c, this.deps.now()) }));
  }

  /** Validates, stores, and restarts only the devices whose settings changed. */
  async replace(body: unknown): Promise<DeviceWithStatus[]> {
    const devices = parseOrThrow(serialDeviceListSchema, body);
    devices.forEach((d, i) => {
      if (this.simulated.has(d.id)) throw new DeskError('bad_request', coded('serial.simulatedId', { id: d.id }, `${i}.id: "${d.id}" is the rehearsal's simulated device; pick another id`), { field: `${i}.id` });
      if (isNetworkDmx(d)) {
        const problem = universeProblem(d);
        if (problem) throw new DeskError('bad_request', coded('serial.badUniverse', { id: d.id }, `${i}.universe: ${problem}`), { field: `${i}.universe` });
      }
      if (d.kind !== 'scale') return;
      if (d.protocol === 'custom' && !d.custom) throw new DeskError('bad_request', coded('serial.customNeedsFormat', { id: d.id }, `${i}.custom: a custom scale needs a format`), { field: `${i}.custom` });
      const polls = d.protocol === 'custom' ? Boolean(d.custom?.request) : REQUEST_PROTOCOLS.has(d.protocol);
      if (d.mode === 'request' && !polls) throw new DeskError('bad_request', coded('serial.noRequestCommand', { protocol: d.protocol }, `${i}.mode: ${d.protocol} has no request command; use continuous mode`), { field: `${i}.mode` });
    });
    this.deps.save(devices);
    await this.apply(devices);
    return this.list();
  }

  /** Runs a device that is not stored (shown in the state, absent from GET /devices) until detached. */
  async attachSimulated(config: SerialDeviceConfig, transport: () => ByteTransport): Promise<void> {
    this.simulated.set(config.id, { config, transport });
    await this.apply(this.configs);
  }

  async detachSimulated(id: string): Promise<void> {
    if (!this.simulated.delete(id)) return;
    await this.apply(this.configs);
  }

  ports(): Promise<PortListing> {
    return listSerialPorts();
  }

  cues(): DmxCue[] {
    const raw = this.deps.loadCues();
    if (!raw) return [];
    let parsed;
    try {
      parsed = dmxCueListSchema.safeParse(JSON.parse(raw));
    } catch {
      parsed = null;
    }
    // Cues written by a broken or newer build read as none (fix them with PUT /devices/cues), never as a 500.
    return parsed?.success ? parsed.data : [];
  }

  setCues(body: unknown): DmxCue[] {
    const cues = parseOrThrow(dmxCueListSchema, body);
    this.deps.saveCues(JSON.stringify(cues));
    return cues;
  }

  /** Fires a named cue on its DMX device (or on all of them). */
  cue(name: string): { cue: string; devices: string[] } {
    // The built-in cue wins over anything stored under its name (a database from before the check).
    const cue = name.toLowerCase() === BLACKOUT.name ? BLACKOUT : (this.cues().find((c) => c.name === name) ?? null);
    if (!cue) throw new DeskError('not_found', coded('cue.notFound', { cue: name }, `no light cue "${name}"; define it under /devices/cues`));
    const targets = [...this.runtimes.values()].filter((r): r is DmxDevice => r instanceof DmxDevice && (!cue.device || r.config.id === cue.device));
    if (!targets.length) {
      throw new DeskError('conflict', cue.device ? coded('dmx.notConfigured', { device: cue.device }, `DMX device "${cue.device}" is not configured or disabled`) : coded('dmx.none', {}, 'no DMX device is configured'));
    }
    const channels = new Map(Object.entries(cue.channels).map(([k, v]) => [Number(k), v]));
    if (cue === BLACKOUT) for (let c = 1; c <= 512; c++) channels.set(c, 0);
    for (const device of targets) device.cue(channels, cue.fadeMs);
    return { cue: cue.name, devices: targets.map((d) => d.config.id) };
  }

  async tare(device?: string): Promise<{ device: string }> {
    const scale = this.scale(device);
    await scale.tare();
    return { device: scale.config.id };
  }

  async zero(device?: string): Promise<{ device: string }> {
    const scale = this.scale(device);
    await scale.zero();
    return { device: scale.config.id };
  }

  runtime(id: string): DeviceRuntime | undefined {
    return this.runtimes.get(id);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.simulated.clear();
    await this.apply([]);
  }

  private scale(id?: string): ScaleDevice {
    const scales = [...this.runtimes.values()].filter((r): r is ScaleDevice => r instanceof ScaleDevice);
    const scale = id ? scales.find((s) => s.config.id === id) : scales[0];
    if (!scale) throw new DeskError('conflict', id ? coded('scale.notFound', { id }, `no enabled scale "${id}"`) : coded('scale.none', {}, 'no scale is configured'));
    return scale;
  }

  private async apply(devices: SerialDeviceConfig[]): Promise<void> {
    const wanted = new Map([...devices, ...[...this.simulated.values()].map((s) => s.config)].filter((d) => d.enabled).map((d) => [d.id, d]));
    for (const [id, runtime] of [...this.runtimes]) {
      const next = wanted.get(id);
      if (next && JSON.stringify(next) === JSON.stringify(runtime.config)) continue;
      this.runtimes.delete(id);
      this.lastStatus.delete(id);
      this.lastLogged.delete(id);
      if (runtime instanceof ButtonBox) await this.deps.detachSurface(runtime.info.id);
      await runtime.close().catch(() => undefined);
      this.deps.alert(`serial-${id}`, 'info', null);
    }
    this.configs = devices;
    for (const config of wanted.values()) {
      if (this.runtimes.has(config.id) || this.closed) continue;
      try {
        const runtime = this.build(config);
        this.runtimes.set(config.id, runtime);
        runtime.transport.onState(() => this.onStatus(runtime));
        runtime.start();
        if (runtime instanceof ButtonBox) this.deps.attachSurface(runtime);
      } catch (error) {
        this.deps.alert(`serial-${config.id}`, 'error', coded('serial.startFailed', { id: config.id }, `serial device "${config.id}" cannot start: ${(error as Error).message}`));
      }
    }
    this.publish();
  }

  private build(config: SerialDeviceConfig): DeviceRuntime {
    const now = this.deps.now;
    const transport = this.simulated.get(config.id)?.transport() ?? this.deps.transportFor?.(config) ?? this.realTransport(config);
    if (config.kind === 'scale') {
      return new ScaleDevice(config, transport, { now, onChange: () => this.onReading(), onTrigger: (d, e) => this.onTrigger(d, e) });
    }
    if (config.kind === 'buttons') return new ButtonBox(config, transport, now);
    return new DmxDevice(config, transport, now, () => this.publish());
  }

  private realTransport(config: SerialDeviceConfig): ByteTransport {
    if (isNetworkDmx(config)) return new UdpTransport({ ...networkTarget(config), now: this.deps.now });
    const settings = config.kind === 'dmx-open' ? { ...lineSettings(config), ...OPEN_DMX_LINE } : lineSettings(config);
    return new SerialTransport({ settings, silenceMs: config.kind === 'scale' ? config.silenceMs : null, now: this.deps.now });
  }

  private onStatus(runtime: DeviceRuntime): void {
    if (this.runtimes.get(runtime.config.id) !== runtime) return;
    const { id, kind } = runtime.config;
    const { status, reason } = runtime.transport.state;
    if (status === 'closed') return;
    this.publish();
    // Retries repeat the same status with a new retryAt: logged and alerted once.
    const key = `${status}\n${reason ?? ''}`;
    if (this.lastStatus.get(id) === key) return;
    this.lastStatus.set(id, key);
    this.deps.log('device.status', { device: id, kind, status, reason });
    if (status === 'open') this.deps.alert(`serial-${id}`, 'info', null);
    else if (status !== 'opening') {
      const device = runtime.config.name ?? id;
      this.deps.alert(`serial-${id}`, status === 'error' ? 'error' : 'warn', coded('serial.status', { device, status }, `${device}: ${status}${reason ? ` — ${reason}` : ''}`));
    }
  }

  private onReading(): void {
    for (const runtime of this.runtimes.values()) {
      if (!(runtime instanceof ScaleDevice) || runtime.state?.status !== 'stable' || runtime.state.grams === null) continue;
      const { grams, value, unit, net } = runtime.state;
      const last = this.lastLogged.get(runtime.config.id);
      // A stable weight is logged once, not at the scale's frame rate.
      if (last !== undefined && Math.abs(last - grams) <= Math.max(0.001, runtime.config.stableToleranceGrams)) continue;
      this.lastLogged.set(runtime.config.id, grams);
      this.deps.log('scale.reading', { device: runtime.config.id, grams, value, unit, net });
    }
    this.publish();
  }

  private onTrigger(device: ScaleDevice, event: TriggerEvent): void {
    const trigger = device.config.trigger;
    if (!trigger) return;
    const origin: Origin = { surface: 'scale', device: device.config.id };
    this.deps.log(event.type === 'placed' ? 'scale.placed' : 'scale.removed', { device: device.config.id, grams: event.grams });
    let action: Action | null = null;
    if (event.type === 'removed') action = trigger.onRemove === 'clear' ? { type: 'product.clear' } : null;
    else if (trigger.onPlace.kind === 'explain') action = { type: 'product.explain', sku: trigger.onPlace.sku };
    else if (trigger.onPlace.kind === 'next') action = { type: 'product.next' };
    else {
      const sku = matchRange(trigger.onPlace.ranges, event.grams);
      if (sku) action = { type: 'product.explain', sku };
      else this.deps.alert(`scale-${device.config.id}-match`, 'warn', coded('scale.noMatch', { grams: event.grams, id: device.config.id }, `${event.grams} g on "${device.config.id}" matches no product's weight range`));
    }
    if (!action) return;
    this.deps.dispatch(action, origin).catch((error: Error) => this.deps.alert(`scale-${device.config.id}-trigger`, 'warn', coded('scale.triggerFailed', { id: device.config.id }, `scale trigger: ${error.message}`)));
  }

  private publish(): void {
    if (this.closed && !this.runtimes.size) return;
    const serial = [...this.configs, ...[...this.simulated.values()].map((s) => s.config)].map((c) => this.runtimes.get(c.id)?.view() ?? { id: c.id, kind: c.kind, name: c.name ?? c.id, path: devicePath(c), live: disabled(c, this.deps.now()) });
    const scales = [...this.runtimes.values()].filter((r): r is ScaleDevice => r instanceof ScaleDevice);
    const talking = (s: ScaleDevice) => s.transport.state.status === 'open';
    const source = scales.find((s) => s.state && talking(s)) ?? scales.find((s) => s.state);
    let scale = source?.state ?? null;
    // A scale that went quiet or away has no weight now: its last reading must not stay on air.
    if (source && scale && !talking(source)) scale = { ...scale, grams: null, value: null, status: 'invalid' };
    this.deps.publish({ serial, scale });
  }
}

function disabled(_config: SerialDeviceConfig, now: number): SerialDeviceView['live'] {
  return { status: 'disabled', reason: null, since: now, retryAt: null, bytesIn: 0, badFrames: 0, badChecksums: 0, garbageBytes: 0 };
}
