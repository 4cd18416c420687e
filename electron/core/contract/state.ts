import { z } from 'zod';
import { codedTextSchema } from './texts.js';
import { currencySchema, fenSchema, skuSchema, timestampSchema } from './primitives.js';
import { scaleStateSchema, serialDeviceViewSchema } from './devices.js';
import { flashSaleResultSchema, flashSaleSchema, planRunSchema } from './show.js';
import { ingestSourceRateSchema, kpiDetailSchema } from './kpi.js';
import { kpiSettingsSchema } from './kpi-settings.js';
import { controlDeviceViewSchema } from './controls.js';
import { rehearsalSimsSchema } from './rehearsal.js';
import { commentFeedStateSchema } from './comments.js';

/**
 * The live state the core publishes. Every view (console, overlay, deck keys) is a function of it;
 * nothing else flows from core to views.
 */
export const obsStatusSchema = z.enum([
  'disconnected', // no attempt in progress; `reason` says why and `retryAt` when the next one runs
  'connecting',
  'connected',
  'auth-failed', // wrong or missing password: not retried until the settings change
  'unsupported', // the server is not obs-websocket v5: not retried
]);
export type ObsStatus = z.infer<typeof obsStatusSchema>;

export const obsSceneItemSchema = z.object({
  id: z.int(),
  source: z.string(),
  kind: z.string().nullable(),
  enabled: z.boolean(),
});
export type ObsSceneItem = z.infer<typeof obsSceneItemSchema>;

export const obsHealthSchema = z.object({
  at: timestampSchema,
  activeFps: z.number().nullable(),
  cpuUsage: z.number().nullable(),
  /** Frames OBS failed to render (GPU/scene too heavy), per cent of frames in the last interval. */
  renderSkippedPct: z.number().nullable(),
  /** Frames the encoder dropped (CPU too slow), per cent of frames in the last interval. */
  outputSkippedPct: z.number().nullable(),
  /** Stream output's network congestion, 0..1; null while not streaming. */
  congestion: z.number().nullable(),
  /** Stream bitrate from outputBytes deltas; null while not streaming or before the second sample. */
  bitrateKbps: z.number().nullable(),
  reconnecting: z.boolean(),
  /** Free space on the recording drive, MB. */
  diskSpaceMb: z.number().nullable(),
  recording: z.boolean(),
});
export type ObsHealth = z.infer<typeof obsHealthSchema>;

export const obsStateSchema = z.object({
  status: obsStatusSchema,
  url: z.string(),
  reason: z.string().nullable(),
  /** `reason` as a coded text for the console to translate; optional so older snapshots still parse. */
  reasonText: codedTextSchema.nullable().optional(),
  since: timestampSchema,
  retryAt: timestampSchema.nullable(),
  obsVersion: z.string().nullable(),
  scenes: z.array(z.string()),
  programScene: z.string().nullable(),
  streaming: z.boolean(),
  recording: z.boolean(),
  // Added by the full OBS mirror (issue 3); optional so older snapshots and fixtures still parse.
  /** The preview scene while studio mode is on, else null. */
  previewScene: z.string().nullable().optional(),
  studioMode: z.boolean().optional(),
  /** The current scene transition (e.g. "Fade"), null while unknown. */
  transition: z.string().nullable().optional(),
  virtualCam: z.boolean().optional(),
  /** The program scene before the last change: where `obs.revert` goes. */
  previousProgramScene: z.string().nullable().optional(),
  /** Scene items of the scenes in use (program, preview, and any fetched on demand), by scene name. */
  sceneItems: z.record(z.string(), z.array(obsSceneItemSchema)).optional(),
  /** Stream health, polled once a second while connected; null while not connected. */
  health: obsHealthSchema.nullable().optional(),
});
export type ObsState = z.infer<typeof obsStateSchema>;

export const sessionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  currency: currencySchema,
  startedAt: timestampSchema,
  endedAt: timestampSchema.nullable(),
  status: z.enum(['live', 'ended', 'interrupted']),
  /** Recorded in rehearsal mode: simulated OBS and audience. */
  rehearsal: z.boolean(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const currentProductSchema = z.object({
  sku: skuSchema,
  name: z.string(),
  priceFen: fenSchema,
  image: z.string().nullable(),
  since: timestampSchema,
  /** GMV and orders of this SKU since the current explain began. */
  gmvFen: fenSchema,
  orders: z.int().nonnegative(),
});
export type CurrentProduct = z.infer<typeof currentProductSchema>;

export const kpiSchema = z.object({
  online: z.int().nonnegative().nullable(),
  peakOnline: z.int().nonnegative().nullable(),
  gmvFen: fenSchema,
  orders: z.int().nonnegative(),
  buyers: z.int().nonnegative(),
  updatedAt: timestampSchema.nullable(),
  // The full KPI set (issue 7); optional so older snapshots and fixtures still parse.
  detail: kpiDetailSchema.optional(),
});
export type Kpi = z.infer<typeof kpiSchema>;

export const keyLookSchema = z.object({
  label: z.string(),
  detail: z.string().nullable(),
  tone: z.enum(['idle', 'scene', 'product', 'action', 'danger']),
  active: z.boolean(),
  disabled: z.boolean(),
  /** A picture for the key (the product's image: file path, http(s) or data URL), drawn when it loads. */
  image: z.string().nullable().optional(),
});
export type KeyLook = z.infer<typeof keyLookSchema>;

export const surfaceStateSchema = z.object({
  id: z.string(),
  kind: z.enum(['virtual', 'streamdeck', 'hid', 'serial']),
  name: z.string(),
  columns: z.int().positive(),
  rows: z.int().positive(),
  connected: z.boolean(),
  keys: z.array(keyLookSchema.nullable()),
  // Stream Decks and pages (issue 5); optional so older snapshots and fixtures still parse.
  model: z.string().optional(),
  serial: z.string().nullable().optional(),
  /** Key image size in pixels (width; height when keys are not square). */
  keyWidth: z.int().positive().optional(),
  keyHeight: z.int().positive().optional(),
  page: z.int().nonnegative().optional(),
  pages: z.array(z.string()).optional(),
  /** The layout this surface shows: its own id, `default`, or the real deck the virtual deck mirrors. */
  layout: z.string().optional(),
});
export type SurfaceState = z.infer<typeof surfaceStateSchema>;

export const sessionEventSchema = z.object({
  id: z.int(),
  ts: timestampSchema,
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type SessionEvent = z.infer<typeof sessionEventSchema>;

export const alertSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warn', 'error']),
  /** What the console shows: a code of TEXT_PARAMS and its params, translated by the renderer. */
  code: z.string(),
  params: codedTextSchema.shape.params,
  /** The same alert as an English sentence, for developers and the API; the console does not show it. */
  text: z.string(),
  ts: timestampSchema,
  /** Since when the condition has held (KPI rules): the desk shows for how long. */
  since: timestampSchema.optional(),
  /** The field controller acknowledged it (alert.ack): it stays listed, without sound. */
  acked: z.boolean().optional(),
});
export type Alert = z.infer<typeof alertSchema>;

/** How many of the live session's newest visible events the desk state carries (`recent`). */
export const RECENT_EVENTS = 30;

export const deskStateSchema = z.object({
  rev: z.int().nonnegative(),
  /** Rehearsal mode: simulated OBS and audience, nothing real touched. */
  demo: z.boolean(),
  session: sessionSummarySchema.nullable(),
  obs: obsStateSchema,
  product: currentProductSchema.nullable(),
  kpi: kpiSchema,
  surfaces: z.array(surfaceStateSchema),
  alerts: z.array(alertSchema),
  /** The newest entries of the live session's event log, newest first (at most RECENT_EVENTS). */
  recent: z.array(sessionEventSchema),
  // Serial hardware (issue 6); optional so older snapshots and fixtures still parse.
  /** The live weight of the first scale that has reported; null while none has. */
  scale: scaleStateSchema.nullable().optional(),
  /** Serial devices (scales, DMX, button boxes) with their live link status. */
  serial: z.array(serialDeviceViewSchema).optional(),
  /** Whether the database takes writes; while not, the show runs on and log entries wait in memory. */
  storage: z
    .object({ ok: z.boolean(), reason: z.string().nullable(), pending: z.int().nonnegative() })
    .optional(),
  // The show (issue 4); optional so older snapshots and fixtures still parse.
  /** The running flash sale (秒杀), null when none. */
  flashSale: flashSaleSchema.nullable().optional(),
  /** The last finished flash sale of this session, for the console's result line. */
  lastFlashSale: flashSaleResultSchema.nullable().optional(),
  /** Where the show stands against its plan; null without a plan. */
  plan: planRunSchema.nullable().optional(),
  // Live KPIs (issue 7); optional so older snapshots and fixtures still parse.
  /** Ingest traffic per connector source. */
  ingest: z.array(ingestSourceRateSchema).optional(),
  /** The KPI basis choices and alert rules (GET/PUT /kpi/settings), so every console shows the same. */
  kpiSettings: kpiSettingsSchema.optional(),
  // Control hardware (issue 5): Stream Decks and HID devices the OS lists, open or not, and why.
  controls: z.array(controlDeviceViewSchema).optional(),
  /** Generic HID learn mode: the device being listened to and the last report it sent. */
  learn: z.object({ device: z.string(), report: z.string().nullable(), since: z.int() }).nullable().optional(),
  /** The rehearsal's simulators as the controller set them (issue 17); null outside rehearsal. */
  rehearsal: rehearsalSimsSchema.nullable().optional(),
  /** The 弹幕 feed's newest comment seq and watched keywords (issue 17): fetch the comments when it moves. */
  comments: commentFeedStateSchema.optional(),
});
export type DeskState = z.infer<typeof deskStateSchema>;

/**
 * What an overlay (read-only token) may see: no device, session or OBS internals. `lastFlashSale` is
 * there so a sell-out reaches the stream (已抢光) instead of the band just vanishing.
 */
export const overlayStateSchema = deskStateSchema.pick({ rev: true, product: true, kpi: true, scale: true, flashSale: true, lastFlashSale: true });
export type OverlayState = z.infer<typeof overlayStateSchema>;

const overlayKeys = Object.keys(overlayStateSchema.shape) as (keyof OverlayState)[];

/** The overlay slice of a state: every key of `overlayStateSchema`, picked, never listed by hand. */
export const toOverlayState = (s: OverlayState | DeskState): OverlayState =>
  Object.fromEntries(overlayKeys.filter((key) => s[key] !== undefined).map((key) => [key, s[key]])) as OverlayState;
