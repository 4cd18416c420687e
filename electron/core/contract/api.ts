import { z } from 'zod';
import { fenSchema, sceneNameSchema, skuSchema, timestampSchema, currencySchema } from './primitives.js';
import { codedTextSchema } from './texts.js';
import { sessionSummarySchema, obsStatusSchema, sessionEventSchema } from './state.js';

export const API_PREFIX = '/api/v1';

export const errorCodeSchema = z.enum([
  'bad_request', // malformed JSON or a body that fails validation
  'unauthorized', // no token or a wrong token
  'forbidden', // a read-only token on a route that needs the control token
  'not_found',
  'conflict', // refused by a guard, a missing confirmation, or a disconnected target
  'payload_too_large',
  'internal',
  'storage_unavailable', // the desk cannot write its database (disk full or read-only): retry later
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const apiErrorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    /** For validation errors: the path of the first bad field, e.g. `events.3.amount`. */
    field: z.string().optional(),
    index: z.int().optional(),
    /** What the console shows: a coded text it translates (`message` above is for developers). */
    text: codedTextSchema.optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/**
 * A product image is an http(s) address, an absolute path on the studio machine (read by OBS image
 * sources), or the bare name of a file uploaded to the desk's image folder — only the last is served.
 */
export const IMAGE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}\.(png|jpe?g|webp|gif)$/;

export const productInputSchema = z.strictObject({
  sku: skuSchema,
  name: z.string().trim().min(1, 'name must not be empty').max(200),
  priceFen: fenSchema,
  currency: currencySchema.default('CNY'),
  scene: sceneNameSchema.nullable().optional(),
  image: z.string().max(2048).nullable().optional(),
  notes: z.string().max(4000).nullable().optional(),
  // Catalog fields of issue 4. `priceFen` is the live price; `notes` the script notes (话术).
  listPriceFen: fenSchema.nullable().optional(),
  flashPriceFen: fenSchema.nullable().optional(),
  stock: z.int().nonnegative().nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
  sellingPoints: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  cue: z.string().trim().min(1, 'cue must not be empty').max(64).nullable().optional(),
});
export type ProductInput = z.input<typeof productInputSchema>;

export const productSchema = z.object({
  sku: skuSchema,
  name: z.string(),
  priceFen: fenSchema,
  currency: currencySchema,
  scene: z.string().nullable(),
  image: z.string().nullable(),
  notes: z.string().nullable(),
  listPriceFen: fenSchema.nullable().default(null),
  flashPriceFen: fenSchema.nullable().default(null),
  stock: z.int().nonnegative().nullable().default(null),
  tags: z.array(z.string()).default([]),
  sellingPoints: z.array(z.string()).default([]),
  cue: z.string().nullable().default(null),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Product = z.infer<typeof productSchema>;

export const explainSegmentSchema = z.object({
  sku: skuSchema,
  name: z.string(),
  startedAt: timestampSchema,
  endedAt: timestampSchema.nullable(),
});
export type ExplainSegment = z.infer<typeof explainSegmentSchema>;

export const sessionTotalsSchema = z.object({
  gmvFen: fenSchema,
  orders: z.int().nonnegative(),
  buyers: z.int().nonnegative(),
  peakOnline: z.int().nonnegative().nullable(),
});

export const sessionListItemSchema = sessionSummarySchema.extend({ totals: sessionTotalsSchema });
export type SessionListItem = z.infer<typeof sessionListItemSchema>;

export const sessionDetailSchema = sessionListItemSchema.extend({
  segments: z.array(explainSegmentSchema),
  events: z.array(sessionEventSchema),
  eventsTruncated: z.boolean(),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const timelinePointSchema = z.object({
  ts: timestampSchema,
  online: z.int().nullable(),
  gmvFen: fenSchema,
  orders: z.int().nonnegative(),
});
export const sessionTimelineSchema = z.object({
  sessionId: z.string(),
  bucketMs: z.int().positive(),
  points: z.array(timelinePointSchema),
  segments: z.array(explainSegmentSchema),
});
export type TimelinePoint = z.infer<typeof timelinePointSchema>;
export type SessionTimeline = z.infer<typeof sessionTimelineSchema>;

export const healthSchema = z.object({
  ok: z.boolean(),
  version: z.string(),
  demo: z.boolean(),
  obs: z.object({ connected: z.boolean(), status: obsStatusSchema, url: z.string(), reason: z.string().nullable() }),
  db: z.object({ ok: z.boolean(), path: z.string(), reason: z.string().nullable().optional() }),
  devices: z.array(z.object({ id: z.string(), kind: z.string(), connected: z.boolean() })),
});
export type Health = z.infer<typeof healthSchema>;

/** The line the core prints on stdout when it is ready to serve (DESIGN §3.1). */
export const DESK_READY_PREFIX = 'DESK_READY ';
export const deskReadySchema = z.object({ url: z.string(), token: z.string(), overlayToken: z.string() });
export type DeskReady = z.infer<typeof deskReadySchema>;
