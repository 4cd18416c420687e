import { isNetworkDmx, type SerialDeviceConfig } from '../../contract.js';
import type { StringKey } from '../../lib/i18n.js';

export const DEVICE_KINDS = ['scale', 'dmx-enttec', 'dmx-open', 'sacn', 'artnet', 'buttons'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export const SCALE_PRESETS = ['and', 'mt-sics', 'ohaus', 'cas22', 'xk3190', 'xk3190-display', 'custom'] as const;
export const PARITIES = ['none', 'even', 'odd', 'mark', 'space'] as const;
export const BAUD_RATES = ['600', '1200', '2400', '4800', '9600', '19200', '38400', '57600', '115200', '250000'] as const;
export const UNITS = ['g', 'kg', 'jin', 'liang', 'lb', 'oz', 'ct', 'mg', 't'] as const;

/** Everything the device form edits, as the inputs hold it (text until saved). */
export type DeviceDraft = {
  id: string;
  name: string;
  enabled: boolean;
  kind: DeviceKind;
  path: string;
  baudRate: string;
  dataBits: string;
  parity: (typeof PARITIES)[number];
  stopBits: string;
  protocol: (typeof SCALE_PRESETS)[number];
  mode: 'continuous' | 'request';
  unit: (typeof UNITS)[number];
  pattern: string;
  triggerOn: boolean;
  threshold: string;
  hysteresis: string;
  stableMs: string;
  onPlace: 'explain' | 'next' | 'match';
  sku: string;
  ranges: string;
  onRemove: 'none' | 'clear';
  host: string;
  port: string;
  universe: string;
  priority: string;
  buttons: string;
};

export type DraftErrors = Partial<Record<keyof DeviceDraft, StringKey>>;

/** The label of each numeric field, so "must be a number" names it as the form does. */
export const NUMBER_LABELS: Partial<Record<keyof DeviceDraft, StringKey>> = {
  baudRate: 'dev.form.baud',
  dataBits: 'dev.form.dataBits',
  stopBits: 'dev.form.stopBits',
  threshold: 'dev.form.threshold',
  hysteresis: 'dev.form.hysteresis',
  stableMs: 'dev.form.stableMs',
  port: 'dev.form.udpPort',
  universe: 'dev.form.universe',
  priority: 'dev.form.priority',
  buttons: 'dev.form.buttons',
};

/** The line settings each scale preset usually ships with (hardware.md); the user can change them. */
const PRESET_LINES: Record<DeviceDraft['protocol'], Pick<DeviceDraft, 'baudRate' | 'dataBits' | 'parity' | 'stopBits'>> = {
  and: { baudRate: '2400', dataBits: '7', parity: 'even', stopBits: '1' },
  'mt-sics': { baudRate: '9600', dataBits: '8', parity: 'none', stopBits: '1' },
  ohaus: { baudRate: '9600', dataBits: '8', parity: 'none', stopBits: '1' },
  cas22: { baudRate: '9600', dataBits: '8', parity: 'none', stopBits: '1' },
  xk3190: { baudRate: '9600', dataBits: '8', parity: 'none', stopBits: '1' },
  'xk3190-display': { baudRate: '9600', dataBits: '8', parity: 'none', stopBits: '1' },
  custom: { baudRate: '9600', dataBits: '8', parity: 'none', stopBits: '1' },
};

export const EMPTY_DEVICE: DeviceDraft = {
  id: '',
  name: '',
  enabled: true,
  kind: 'scale',
  path: '',
  ...PRESET_LINES['mt-sics'],
  protocol: 'mt-sics',
  mode: 'continuous',
  unit: 'kg',
  pattern: '',
  triggerOn: false,
  threshold: '50',
  hysteresis: '20',
  stableMs: '800',
  onPlace: 'next',
  sku: '',
  ranges: '',
  onRemove: 'clear',
  host: '',
  port: '',
  universe: '1',
  priority: '100',
  buttons: '8',
};

/** Picking a preset brings its usual line settings along. */
export function withProtocol(draft: DeviceDraft, protocol: DeviceDraft['protocol']): DeviceDraft {
  return { ...draft, protocol, ...PRESET_LINES[protocol], mode: protocol === 'xk3190' || protocol === 'xk3190-display' || protocol === 'cas22' ? 'continuous' : draft.mode };
}

const text = (v: number | undefined) => (v === undefined ? '' : String(v));

/** A stored device as the form shows it. */
export function configToDraft(config: SerialDeviceConfig): DeviceDraft {
  const base: DeviceDraft = { ...EMPTY_DEVICE, id: config.id, name: config.name ?? '', enabled: config.enabled, kind: config.kind };
  if (isNetworkDmx(config)) {
    return { ...base, host: config.host ?? '', port: text(config.port), universe: String(config.universe), priority: String(config.priority) };
  }
  const line = { ...base, path: config.path, baudRate: String(config.baudRate), dataBits: String(config.dataBits), parity: config.parity, stopBits: String(config.stopBits) };
  if (config.kind === 'buttons') return { ...line, buttons: String(config.buttons) };
  if (config.kind !== 'scale') return line;
  const trigger = config.trigger;
  return {
    ...line,
    protocol: config.protocol,
    mode: config.mode,
    unit: (UNITS as readonly string[]).includes(config.unit) ? (config.unit as DeviceDraft['unit']) : 'kg',
    pattern: config.custom?.pattern ?? '',
    triggerOn: trigger?.enabled ?? false,
    threshold: text(trigger?.thresholdGrams) || EMPTY_DEVICE.threshold,
    hysteresis: text(trigger?.hysteresisGrams) || EMPTY_DEVICE.hysteresis,
    stableMs: text(trigger?.stableMs) || EMPTY_DEVICE.stableMs,
    onPlace: trigger?.onPlace.kind ?? 'next',
    sku: trigger?.onPlace.kind === 'explain' ? trigger.onPlace.sku : '',
    ranges: trigger?.onPlace.kind === 'match' ? trigger.onPlace.ranges.map((r) => `${r.sku} ${r.minGrams} ${r.maxGrams}`).join('\n') : '',
    onRemove: trigger?.onRemove ?? 'clear',
  };
}

type Parsed = { config: Record<string, unknown> } | { errors: DraftErrors };

/**
 * The draft as a device config for PUT /devices. Fields the form does not show (silence time, fps,
 * custom status words…) are kept from `base` when the kind stays the same; the core validates the rest.
 */
export function draftToConfig(draft: DeviceDraft, base: SerialDeviceConfig | null, takenIds: readonly string[]): Parsed {
  const errors: DraftErrors = {};
  const id = draft.id.trim();
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id)) errors.id = 'dev.err.id';
  else if (takenIds.includes(id) && id !== base?.id) errors.id = 'dev.err.idTaken';
  const num = (key: keyof DeviceDraft, optional = false): number | undefined => {
    const raw = String(draft[key]).trim();
    if (optional && raw === '') return undefined;
    const n = Number(raw);
    if (raw === '' || !Number.isFinite(n)) errors[key] = 'dev.err.number';
    return n;
  };
  const kept = base && base.kind === draft.kind ? { ...base } : {};
  const common = { ...kept, id, enabled: draft.enabled, kind: draft.kind, ...(draft.name.trim() ? { name: draft.name.trim() } : { name: undefined }) };
  let config: Record<string, unknown>;
  if (draft.kind === 'sacn' || draft.kind === 'artnet') {
    config = { ...common, host: draft.host.trim() || undefined, port: num('port', true), universe: num('universe'), priority: num('priority') };
  } else {
    if (!draft.path.trim()) errors.path = 'dev.err.path';
    const line = { ...common, path: draft.path.trim(), baudRate: num('baudRate'), dataBits: num('dataBits'), parity: draft.parity, stopBits: num('stopBits') };
    if (draft.kind === 'buttons') config = { ...line, buttons: num('buttons') };
    else if (draft.kind !== 'scale') config = line;
    else config = { ...line, ...scaleFields(draft, base, num, errors) };
  }
  if (Object.keys(errors).length) return { errors };
  // undefined fields are dropped by JSON; strict schemas on the core never see them.
  return { config: JSON.parse(JSON.stringify(config)) as Record<string, unknown> };
}

function scaleFields(draft: DeviceDraft, base: SerialDeviceConfig | null, num: (key: keyof DeviceDraft, optional?: boolean) => number | undefined, errors: DraftErrors) {
  const previous = base?.kind === 'scale' ? base : null;
  let custom = previous?.custom;
  if (draft.protocol === 'custom') {
    if (!draft.pattern.trim()) errors.pattern = 'dev.err.pattern';
    custom = { stable: [], unstable: [], overload: [], ...custom, pattern: draft.pattern.trim() };
  }
  let trigger: Record<string, unknown> | undefined;
  if (draft.triggerOn) {
    let onPlace: Record<string, unknown> = { kind: draft.onPlace };
    if (draft.onPlace === 'explain') {
      if (!draft.sku.trim()) errors.sku = 'dev.err.sku';
      onPlace = { kind: 'explain', sku: draft.sku.trim() };
    } else if (draft.onPlace === 'match') {
      const ranges = parseRanges(draft.ranges);
      if (!ranges) errors.ranges = 'dev.err.ranges';
      onPlace = { kind: 'match', ranges: ranges ?? [] };
    }
    trigger = { enabled: true, thresholdGrams: num('threshold'), hysteresisGrams: num('hysteresis'), stableMs: num('stableMs'), onPlace, onRemove: draft.onRemove };
  } else if (previous?.trigger) {
    // Switching the trigger off keeps its settings for next time.
    trigger = { ...previous.trigger, enabled: false };
  }
  return { protocol: draft.protocol, mode: draft.mode, unit: draft.unit, custom: draft.protocol === 'custom' ? custom : previous?.custom, trigger };
}

/** `SKU min max` per line (commas or dashes between the numbers are fine too). */
export function parseRanges(input: string): { sku: string; minGrams: number; maxGrams: number }[] | null {
  const lines = input.split('\n').map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return null;
  const out: { sku: string; minGrams: number; maxGrams: number }[] = [];
  for (const line of lines) {
    const m = /^(\S+)\s+(\d+(?:\.\d+)?)\s*[\s,–-]\s*(\d+(?:\.\d+)?)$/.exec(line);
    if (!m) return null;
    const [min, max] = [Number(m[2]), Number(m[3])];
    if (min > max) return null;
    out.push({ sku: m[1] as string, minGrams: min, maxGrams: max });
  }
  return out;
}
