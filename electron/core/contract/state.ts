import { z } from 'zod';
import { currencySchema, fenSchema, skuSchema, timestampSchema } from './primitives.js';

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

export const obsStateSchema = z.object({
  status: obsStatusSchema,
  url: z.string(),
  reason: z.string().nullable(),
  since: timestampSchema,
  retryAt: timestampSchema.nullable(),
  obsVersion: z.string().nullable(),
  scenes: z.array(z.string()),
  programScene: z.string().nullable(),
  streaming: z.boolean(),
  recording: z.boolean(),
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
});
export type Kpi = z.infer<typeof kpiSchema>;

export const keyLookSchema = z.object({
  label: z.string(),
  detail: z.string().nullable(),
  tone: z.enum(['idle', 'scene', 'product', 'action', 'danger']),
  active: z.boolean(),
  disabled: z.boolean(),
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
  text: z.string(),
  ts: timestampSchema,
});
export type Alert = z.infer<typeof alertSchema>;

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
  /** The newest entries of the live session's event log, newest first (at most 30). */
  recent: z.array(sessionEventSchema),
});
export type DeskState = z.infer<typeof deskStateSchema>;

/** What an overlay (read-only token) may see: no device, session or OBS internals. */
export const overlayStateSchema = deskStateSchema.pick({ rev: true, product: true, kpi: true });
export type OverlayState = z.infer<typeof overlayStateSchema>;

export const toOverlayState = (s: DeskState): OverlayState => ({ rev: s.rev, product: s.product, kpi: s.kpi });
