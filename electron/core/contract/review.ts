import { z } from 'zod';
import { kpiDetailSchema } from './kpi.js';
import { currencySchema, fenSchema, skuSchema, timestampSchema } from './primitives.js';
import { sessionSummarySchema } from './state.js';

/** Review (复盘) payloads: what `/sessions/:id/review`, `/products`, `/notes` and `/review/*` answer. */

const count = z.int().nonnegative();
const nullableCount = count.nullable();

export const tagSchema = z.string().trim().min(1, 'a tag must not be empty').max(40, 'a tag is at most 40 characters');

export const sessionPatchSchema = z.strictObject({
  title: z.string().trim().min(1, 'title must not be empty').max(200).optional(),
  tags: z.array(tagSchema).max(20, 'at most 20 tags').optional(),
});
export type SessionPatch = z.infer<typeof sessionPatchSchema>;

export const sessionNotesSchema = z.strictObject({
  notes: z
    .array(z.strictObject({ role: z.string().trim().min(1, 'role must not be empty').max(40), text: z.string().max(20_000) }))
    .max(20),
  actions: z
    .array(z.strictObject({ text: z.string().trim().min(1, 'an action needs text').max(2_000), owner: z.string().max(40).default(''), done: z.boolean().default(false) }))
    .max(100),
});
export type SessionNotes = z.infer<typeof sessionNotesSchema>;
export const sessionNotesReplySchema = sessionNotesSchema.extend({ updatedAt: timestampSchema.nullable() });
export type SessionNotesReply = z.infer<typeof sessionNotesReplySchema>;

/**
 * Whole-session KPIs, each with its basis kept apart (kpi.md: numerator and denominator separately).
 * `detail` is the very KPI set the live desk publishes (same function, same basis settings), so every
 * ratio carries its numerator, denominator and basis (人数/次数); null for an average over sessions.
 */
export const reviewKpisSchema = z.object({
  durationMs: count,
  gmvFen: fenSchema,
  refundsFen: fenSchema,
  orders: count,
  buyers: count,
  peakOnline: nullableCount,
  /** 平均在线, unrounded as the live desk shows it (e.g. 239.09). */
  avgOnline: z.number().nonnegative().nullable(),
  viewersUv: nullableCount,
  viewsPv: nullableCount,
  likes: count,
  comments: count,
  newFollowers: count,
  explains: count,
  explainMs: count,
  /** GMV ÷ buyers (客单价) and GMV ÷ orders (AOV); null without sales. */
  perBuyerFen: fenSchema.nullable(),
  perOrderFen: fenSchema.nullable(),
  /** GMV × 1000 ÷ views (PV), null without a PV count. */
  gpmFen: fenSchema.nullable(),
  /** 观看-成交转化率 on the desk's basis (buyers ÷ viewers by default), a fraction. */
  conversion: z.number().nullable(),
  detail: kpiDetailSchema.nullable(),
});
export type ReviewKpis = z.infer<typeof reviewKpisSchema>;
/** The KPI figures themselves (each a number or null), without the derived detail. */
export type ReviewKpiKey = Exclude<keyof ReviewKpis, 'detail'>;

export const reviewListItemSchema = sessionSummarySchema.extend({
  tags: z.array(z.string()),
  durationMs: count,
  gmvFen: fenSchema,
  orders: count,
  peakOnline: nullableCount,
});
export type ReviewListItem = z.infer<typeof reviewListItemSchema>;

/** One bucket of the curves. Rates are per bucket; `viewersUv`, `cumGmvFen` and `cumOrders` are running totals. */
export const curvePointSchema = z.object({
  t: z.int(), // ms since the session started (show time)
  ts: timestampSchema,
  online: nullableCount,
  onlineMax: nullableCount,
  viewersUv: nullableCount,
  gmvFen: fenSchema,
  orders: count,
  cumGmvFen: fenSchema,
  cumOrders: count,
  comments: count,
  likes: count,
  newFollowers: count,
});
export type CurvePoint = z.infer<typeof curvePointSchema>;
export const curveSchema = z.object({ bucketMs: z.int().positive(), points: z.array(curvePointSchema) });
export type Curve = z.infer<typeof curveSchema>;

export const laneSchema = z.enum(['flashsale', 'alert', 'marker', 'problem', 'other']);
export type Lane = z.infer<typeof laneSchema>;
export const laneItemSchema = z.object({
  lane: laneSchema,
  kind: z.string(),
  ts: timestampSchema,
  endTs: timestampSchema.nullable(),
  label: z.string(),
  sku: z.string().nullable(),
  /** The logged event's data, so the reader's language can describe it (never the raw kind name). */
  data: z.record(z.string(), z.unknown()),
});
export type LaneItem = z.infer<typeof laneItemSchema>;

export const segmentStatsSchema = z.object({
  sku: skuSchema,
  name: z.string(),
  startedAt: timestampSchema,
  endedAt: timestampSchema,
  gmvFen: fenSchema,
  orders: count,
  onlineStart: nullableCount,
  onlineEnd: nullableCount,
});
export type SegmentStats = z.infer<typeof segmentStatsSchema>;

/** Explain time a product needs before its GMV per explain-minute is computed and ranked. */
export const MIN_EXPLAIN_MS_FOR_RATE = 60_000;

/** A flash sale as review counts it: what sold between its start and end. */
export const flashSaleStatsSchema = z.object({
  sku: z.string(),
  startedAt: timestampSchema,
  endedAt: timestampSchema,
  priceFen: fenSchema.nullable(),
  stock: nullableCount,
  orders: count,
  /** Units of the sale's orders (its window), as delivered. */
  qty: count,
  /** Units sold at the flash price: `qty` capped at the stock, as the live desk counts them. */
  sold: count,
  /** Units beyond the stock (the platform oversold): a warning, never hidden. */
  oversold: count,
  gmvFen: fenSchema,
});
export type FlashSaleStats = z.infer<typeof flashSaleStatsSchema>;

export const productStatsSchema = z.object({
  sku: skuSchema,
  name: z.string(),
  explains: count,
  explainMs: count,
  gmvDuringFen: fenSchema,
  ordersDuring: count,
  gmvOutsideFen: fenSchema,
  ordersOutside: count,
  /**
   * GMV during its explains ÷ explain minutes; null when explained less than MIN_EXPLAIN_MS_FOR_RATE
   * in all (a 3-second explain would rank first on one order), or never.
   */
  gmvPerExplainMinuteFen: fenSchema.nullable(),
  /** Online change (end − start) across each explain, in order. */
  onlineChanges: z.array(z.int().nullable()),
  flashSales: z.array(flashSaleStatsSchema),
});
export type ProductStats = z.infer<typeof productStatsSchema>;

export const funnelSchema = z.object({
  viewersUv: nullableCount,
  productExposures: nullableCount,
  productClicks: nullableCount,
  buyers: count,
});

/** The steepest fall of the online count within ten minutes: when the audience left, and during what. */
export const audienceDropSchema = z.object({
  from: timestampSchema,
  to: timestampSchema,
  onlineFrom: count,
  onlineTo: count,
  /** The product being explained when the fall bottomed out, if any. */
  sku: z.string().nullable(),
  name: z.string().nullable(),
});
export type AudienceDrop = z.infer<typeof audienceDropSchema>;

export const sessionReviewSchema = z.object({
  session: reviewListItemSchema.extend({ currency: currencySchema }),
  kpis: reviewKpisSchema,
  previous: z.object({ id: z.string(), title: z.string(), startedAt: timestampSchema, kpis: reviewKpisSchema }).nullable(),
  average: z.object({ sessions: count, kpis: reviewKpisSchema }).nullable(),
  curve: curveSchema,
  segments: z.array(segmentStatsSchema),
  lanes: z.array(laneItemSchema),
  funnel: funnelSchema,
  audienceDrop: audienceDropSchema.nullable(),
});
export type SessionReview = z.infer<typeof sessionReviewSchema>;

/**
 * A show's figures per hour on air and per minute of 讲解, so shows of different lengths compare fairly
 * (a 1-minute show's totals against a 6-minute one's say nothing). Null where the divisor is 0.
 */
export const compareRatesSchema = z.object({
  hours: z.number().nonnegative(),
  gmvPerHourFen: fenSchema.nullable(),
  ordersPerHour: z.number().nullable(),
  buyersPerHour: z.number().nullable(),
  newFollowersPerHour: z.number().nullable(),
  explainMinutes: z.number().nonnegative(),
  /** GMV of explained products during their explains ÷ explain minutes. */
  gmvPerExplainMinuteFen: fenSchema.nullable(),
  ordersPerExplainMinute: z.number().nullable(),
});
export type CompareRates = z.infer<typeof compareRatesSchema>;

export const compareReplySchema = z.object({
  bucketMs: z.int().positive(),
  sessions: z.array(
    z.object({
      session: reviewListItemSchema,
      kpis: reviewKpisSchema,
      rates: compareRatesSchema,
      curve: curveSchema,
      products: z.array(productStatsSchema),
    }),
  ),
});
export type CompareReply = z.infer<typeof compareReplySchema>;

export const bundleImportReplySchema = z.object({
  imported: z.array(z.object({ id: z.string(), title: z.string() })),
  skipped: z.array(z.object({ id: z.string(), title: z.string(), reason: z.string() })),
});
export type BundleImportReply = z.infer<typeof bundleImportReplySchema>;

/**
 * The desk's own figures beside what a platform export says, per minute (wall-clock minutes, as the
 * platforms write them), per product and for the whole session. `desk − platform` is the difference.
 */
const side = z.number().nullable();
export const platformCompareSchema = z.object({
  minutes: z.array(
    z.object({
      platform: z.string(),
      minute: timestampSchema,
      desk: z.object({ gmvFen: fenSchema, orders: count, online: nullableCount }),
      figures: z.object({ gmvFen: side, payFen: side, orders: side, online: side }),
    }),
  ),
  products: z.array(
    z.object({
      platform: z.string(),
      productId: z.string(),
      name: z.string(),
      sku: z.string().nullable(),
      desk: z.object({ gmvFen: fenSchema, orders: count }).nullable(),
      figures: z.object({ gmvFen: side, payFen: side, orders: side, explains: side }),
    }),
  ),
  sessions: z.array(z.object({ platform: z.string(), rows: z.array(z.object({ key: z.string(), desk: side, platform: side })) })),
});
export type PlatformCompare = z.infer<typeof platformCompareSchema>;
