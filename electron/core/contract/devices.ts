import { z } from 'zod';
import { skuSchema, timestampSchema } from './primitives.js';
import { codedTextSchema } from './texts.js';

/**
 * Serial devices (DESIGN §3.2 `/devices`): weighing scales, DMX interfaces and button boxes, their
 * configuration as the user saves it and the live status the core publishes.
 */
export const SCALE_PROTOCOLS = ['and', 'mt-sics', 'ohaus', 'cas22', 'xk3190', 'xk3190-display', 'custom'] as const;
export const scaleProtocolSchema = z.enum(SCALE_PROTOCOLS);
export type ScaleProtocolId = z.infer<typeof scaleProtocolSchema>;

export const WEIGHT_UNITS = ['mg', 'g', 'kg', 't', 'ct', 'lb', 'oz', 'jin', 'liang'] as const;
export const weightUnitSchema = z.enum(WEIGHT_UNITS);
export type WeightUnit = z.infer<typeof weightUnitSchema>;

export const scaleStatusSchema = z.enum(['stable', 'unstable', 'overload', 'invalid']);
export type ScaleStatus = z.infer<typeof scaleStatusSchema>;

const deviceIdSchema = z
  .string()
  .trim()
  .min(1, 'id must not be empty')
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'id may contain letters, digits, "_", "." and "-"');

const lineSettings = {
  id: deviceIdSchema,
  name: z.string().trim().max(100).optional(),
  enabled: z.boolean().default(true),
  /** A device node or symlink; pseudo-terminals and /dev/serial/by-id links do not show in port lists. */
  path: z.string().trim().min(1, 'path must not be empty').max(1024),
  baudRate: z.int().min(50).max(4_000_000).default(9600),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).default('none'),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
};

/** Custom scale format: a regex with named groups `weight` (required), `unit` and `status`. */
export const customFormatSchema = z.strictObject({
  pattern: z.string().min(1).max(500).refine((p) => {
    try {
      return new RegExp(p).source.includes('?<weight>');
    } catch {
      return false;
    }
  }, 'pattern must be a valid regular expression with a named group (?<weight>…)'),
  stable: z.array(z.string().max(20)).max(10).default([]),
  unstable: z.array(z.string().max(20)).max(10).default([]),
  overload: z.array(z.string().max(20)).max(10).default([]),
  tare: z.string().max(40).optional(),
  zero: z.string().max(40).optional(),
  request: z.string().max(40).optional(),
});
export type CustomFormat = z.infer<typeof customFormatSchema>;

export const scaleTriggerSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** A product is on the scale once the weight rises above this… */
  thresholdGrams: z.number().positive().max(10_000_000),
  /** …and off it once the weight falls below `thresholdGrams - hysteresisGrams`. */
  hysteresisGrams: z.number().nonnegative().max(10_000_000).default(0),
  /** The plateau must hold stable readings this long before the trigger fires. */
  stableMs: z.int().min(0).max(60_000).default(800),
  /** What a placement does: explain one sku, the next product, or the product whose weight range matches. */
  onPlace: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('explain'), sku: skuSchema }),
    z.strictObject({ kind: z.literal('next') }),
    z.strictObject({
      kind: z.literal('match'),
      ranges: z.array(z.strictObject({ sku: skuSchema, minGrams: z.number().nonnegative(), maxGrams: z.number().positive() })).min(1).max(200),
    }),
  ]),
  /** What taking the product off does. */
  onRemove: z.enum(['none', 'clear']).default('none'),
});
export type ScaleTrigger = z.infer<typeof scaleTriggerSchema>;

export const scaleDeviceSchema = z.strictObject({
  ...lineSettings,
  kind: z.literal('scale'),
  protocol: scaleProtocolSchema,
  /** `continuous`: the scale streams; `request`: the desk polls with the protocol's request command. */
  mode: z.enum(['continuous', 'request']).default('continuous'),
  pollMs: z.int().min(50).max(10_000).default(250),
  /** Unit for protocols whose frames carry none (XK3190). */
  unit: weightUnitSchema.default('kg'),
  /** Silence longer than this shows the scale as `no-data` (an adapter stays present when the scale is off). */
  silenceMs: z.int().min(200).max(120_000).default(3_000),
  /** Readings needed to call a weight stable when the protocol has no stability flag. */
  stableCount: z.int().min(2).max(50).default(4),
  stableToleranceGrams: z.number().nonnegative().max(10_000).default(0),
  custom: customFormatSchema.optional(),
  trigger: scaleTriggerSchema.optional(),
});

export const dmxDeviceSchema = z.strictObject({
  ...lineSettings,
  kind: z.enum(['dmx-enttec', 'dmx-open']),
  /** Frames per second while fading (Open DMX also refreshes at this rate, it has no memory). */
  fps: z.int().min(1).max(44).default(30),
});

export const buttonsDeviceSchema = z.strictObject({
  ...lineSettings,
  kind: z.literal('buttons'),
  buttons: z.int().min(1).max(64).default(8),
});

/**
 * Network DMX nodes (sACN E1.31, Art-Net ArtDmx) over UDP. Listed with the serial devices because
 * they take the same cues; they have no line settings. `host` defaults to the universe's sACN
 * multicast group or the Art-Net broadcast address; `universe` is the sACN universe (1–63999) or the
 * Art-Net 15-bit port-address (0–32767).
 */
export const networkDmxDeviceSchema = z.strictObject({
  id: deviceIdSchema,
  name: z.string().trim().max(100).optional(),
  enabled: z.boolean().default(true),
  kind: z.enum(['sacn', 'artnet']),
  host: z.string().trim().min(1).max(255).optional(),
  port: z.int().min(1).max(65_535).optional(),
  universe: z.int().min(0).max(63_999).default(1),
  /** sACN only: receivers merging several sources follow the highest priority (default 100). */
  priority: z.int().min(0).max(200).default(100),
  fps: z.int().min(1).max(44).default(30),
});

export const serialDeviceConfigSchema = z.discriminatedUnion('kind', [scaleDeviceSchema, dmxDeviceSchema, buttonsDeviceSchema, networkDmxDeviceSchema]);
export type SerialDeviceConfig = z.infer<typeof serialDeviceConfigSchema>;
export type ScaleDeviceConfig = z.infer<typeof scaleDeviceSchema>;
export type DmxDeviceConfig = z.infer<typeof dmxDeviceSchema>;
export type ButtonsDeviceConfig = z.infer<typeof buttonsDeviceSchema>;
export type NetworkDmxDeviceConfig = z.infer<typeof networkDmxDeviceSchema>;
/** Devices on a serial line (everything but the network DMX nodes). */
export type SerialLineDeviceConfig = Exclude<SerialDeviceConfig, NetworkDmxDeviceConfig>;
export const isNetworkDmx = (config: SerialDeviceConfig): config is NetworkDmxDeviceConfig => config.kind === 'sacn' || config.kind === 'artnet';

export const serialDeviceListSchema = z
  .array(serialDeviceConfigSchema)
  .max(32)
  .refine((list) => new Set(list.map((d) => d.id)).size === list.length, 'device ids must be unique');

/** Transport status, shown as is: a dead scale behind a present adapter is `no-data`, not `open`. */
/**
 * `sending`: a network DMX node (sACN, Art-Net) gets frames over UDP, which it cannot acknowledge —
 * never `open` as if confirmed; `lastFrameAt` says when the last frame went out.
 */
export const linkStatusSchema = z.enum(['disabled', 'opening', 'open', 'sending', 'no-data', 'reconnecting', 'error', 'closed']);
export type LinkStatus = z.infer<typeof linkStatusSchema>;

export const serialDeviceStatusSchema = z.object({
  status: linkStatusSchema,
  /** The system's words, for developers; `reasonText` is what the console says. */
  reason: z.string().nullable(),
  reasonText: codedTextSchema.nullable().optional(),
  since: timestampSchema,
  retryAt: timestampSchema.nullable(),
  bytesIn: z.int().nonnegative(),
  /** Frames that failed to decode, bad checksums and stray bytes, counted, never fatal. */
  badFrames: z.int().nonnegative(),
  badChecksums: z.int().nonnegative(),
  garbageBytes: z.int().nonnegative(),
  /** Network DMX: when the last frame was sent (null before the first). */
  lastFrameAt: timestampSchema.nullable().optional(),
});
export type SerialDeviceStatus = z.infer<typeof serialDeviceStatusSchema>;

export const serialDeviceViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['scale', 'dmx-enttec', 'dmx-open', 'buttons', 'sacn', 'artnet']),
  name: z.string(),
  /** The serial path, or `udp://host:port` for a network DMX node. */
  path: z.string(),
  live: serialDeviceStatusSchema,
});
export type SerialDeviceView = z.infer<typeof serialDeviceViewSchema>;

/** The live weight, published as `state.scale` (the first enabled scale that has reported). */
export const scaleStateSchema = z.object({
  device: z.string(),
  grams: z.number().nullable(),
  /** The reading as the scale showed it, in its own unit. */
  value: z.number().nullable(),
  unit: weightUnitSchema,
  status: scaleStatusSchema,
  net: z.boolean(),
  /** A product is on the scale (trigger state). */
  placed: z.boolean(),
  at: timestampSchema,
});
export type ScaleState = z.infer<typeof scaleStateSchema>;

export const dmxCueSchema = z.strictObject({
  name: z.string().trim().min(1).max(64),
  /** Channel (1–512) → value (0–255); channels not named keep their value. */
  channels: z.record(z.string().regex(/^([1-9]\d{0,2})$/, 'channel is 1–512'), z.int().min(0).max(255)).refine(
    (c) => Object.keys(c).every((k) => Number(k) <= 512),
    'channel is 1–512',
  ),
  fadeMs: z.int().min(0).max(60_000).default(0),
  /** Which DMX device; all DMX devices when absent. */
  device: z.string().optional(),
  /** Fired by itself when this product's 讲解 starts, or when OBS goes to this scene. */
  product: skuSchema.optional(),
  scene: z.string().min(1).max(256).optional(),
});
export type DmxCue = z.infer<typeof dmxCueSchema>;
/** Built-in cues a user cue may not replace: a cue named "blackout" must never leave the lights on. */
export const RESERVED_CUES = ['blackout'] as const;

export const dmxCueListSchema = z
  .array(dmxCueSchema)
  .max(200)
  .superRefine((cues, ctx) => {
    cues.forEach((cue, i) => {
      if ((RESERVED_CUES as readonly string[]).includes(cue.name.toLowerCase())) {
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `"${cue.name}" is a built-in cue; choose another name` });
      }
    });
  });

export const serialPortInfoSchema = z.object({
  path: z.string(),
  manufacturer: z.string().nullable(),
  serialNumber: z.string().nullable(),
  vendorId: z.string().nullable(),
  productId: z.string().nullable(),
});
export type SerialPortInfo = z.infer<typeof serialPortInfoSchema>;

/** Set on `GET /devices/ports` when the list came from scanning /dev (no udev): the reason, for developers. */
export const PORTS_DEGRADED_HEADER = 'x-livedesk-degraded';
