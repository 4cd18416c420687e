import { z } from 'zod';
import { codedTextSchema } from './texts.js';
import { fenSchema, sceneNameSchema, skuSchema, timestampSchema } from './primitives.js';

/**
 * The show (issue 4): show plans (run-of-show, 直播脚本), their live progress and pacing reminders,
 * flash sales (秒杀) and markers. Money is integer fen, time ms since epoch.
 */

/** Preset marker labels; any other label is allowed too. The console translates these three. */
export const MARK_PRESETS = ['good moment', 'problem', 'clip this'] as const;

export const cueNameSchema = z.string().trim().min(1, 'cue must not be empty').max(64);

export const planItemKindSchema = z.enum(['opening', 'product', 'interaction', 'closing']);
export type PlanItemKind = z.infer<typeof planItemKindSchema>;

/** Interaction beats: 抽奖 (lottery), 福袋 (lucky bag), Q&A, anything else. */
export const interactionBeatSchema = z.enum(['lottery', 'fudai', 'qa', 'other']);
export type InteractionBeat = z.infer<typeof interactionBeatSchema>;

export const planItemSchema = z
  .strictObject({
    kind: planItemKindSchema,
    title: z.string().trim().max(200).nullable().optional(),
    sku: skuSchema.nullable().optional(),
    beat: interactionBeatSchema.nullable().optional(),
    minutes: z.number().positive('minutes must be more than 0').max(24 * 60),
    scene: sceneNameSchema.nullable().optional(),
    cue: cueNameSchema.nullable().optional(),
    notes: z.string().max(4000).nullable().optional(),
    /** A planned high-conversion moment (逼单, price reveal): the desk highlights it. */
    highConversion: z.boolean().optional(),
  })
  .refine((i) => i.kind !== 'product' || !!i.sku, { message: 'a product segment needs a sku', path: ['sku'] });
export type PlanItem = z.infer<typeof planItemSchema>;

export const pacingRulesSchema = z.strictObject({
  /** Remind the host of an interaction beat when none started for this many minutes; null = off. */
  interactionEveryMin: z.number().positive().max(600).nullable().default(null),
  /** Remind to start closing once this share (0..1) of the planned show has passed; null = off. */
  closingAtShare: z.number().gt(0).lt(1).nullable().default(null),
});
export type PacingRules = z.infer<typeof pacingRulesSchema>;

export const planInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'name must not be empty').max(200),
  items: z.array(planItemSchema).max(500),
  pacing: pacingRulesSchema.default({ interactionEveryMin: null, closingAtShare: null }),
});
export type PlanInput = z.input<typeof planInputSchema>;

export const planSchema = z.object({
  id: z.string(),
  name: z.string(),
  items: z.array(planItemSchema),
  pacing: pacingRulesSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Plan = z.infer<typeof planSchema>;

export const reminderSchema = z.object({
  kind: z.enum(['interaction', 'closing', 'overtime']),
  since: timestampSchema,
});
export type Reminder = z.infer<typeof reminderSchema>;

/** Where the live show stands against its plan. */
export const planRunSchema = z.object({
  planId: z.string(),
  name: z.string(),
  startedAt: timestampSchema,
  index: z.int().nonnegative(),
  count: z.int().nonnegative(),
  current: planItemSchema.nullable(),
  segmentStartedAt: timestampSchema,
  plannedMs: z.int().nonnegative(),
  next: planItemSchema.nullable(),
  /** Planned length of the whole show. */
  totalPlannedMs: z.int().nonnegative(),
  /** Planned start offset of the current segment from the show start. */
  plannedOffsetMs: z.int().nonnegative(),
  /** The host explains something off the plan; the plan position is kept for coming back. */
  offPlan: z.object({ sku: skuSchema, since: timestampSchema }).nullable(),
  reminders: z.array(reminderSchema),
});
export type PlanRun = z.infer<typeof planRunSchema>;

export const flashSaleSchema = z.object({
  sku: skuSchema,
  name: z.string(),
  image: z.string().nullable(),
  priceFen: fenSchema,
  /** The live price before the flash sale, for the struck-through price on the card. */
  regularFen: fenSchema.nullable(),
  /** When the sale opens (during 预热 this is ahead: a countdown to it), the first moment orders count. */
  startedAt: timestampSchema,
  endsAt: timestampSchema,
  /** Set when the sale was announced with a 预热 (warm-up) before it opens: when the warm-up began. */
  announcedAt: timestampSchema.optional(),
  /** null: no stock limit. */
  stock: z.int().nonnegative().nullable(),
  /** Units sold at the flash price; never more than `stock`. */
  sold: z.int().nonnegative(),
  /**
   * Units the platform delivered as sale orders beyond the stock (a warning, never hidden): orders of
   * the sale's window that did not fit in the stock. Optional so older snapshots still parse.
   */
  oversold: z.int().nonnegative().optional(),
  orders: z.int().nonnegative(),
  gmvFen: fenSchema,
});
export type FlashSale = z.infer<typeof flashSaleSchema>;

export const flashSaleResultSchema = flashSaleSchema.extend({
  endedAt: timestampSchema,
  reason: z.enum(['time', 'stopped', 'sold-out', 'session-end']),
});
export type FlashSaleResult = z.infer<typeof flashSaleResultSchema>;

/** Catalog fields a spreadsheet column can fill in an import. */
export const IMPORT_FIELDS = ['sku', 'name', 'priceFen', 'listPriceFen', 'flashPriceFen', 'stock', 'tags', 'sellingPoints', 'notes', 'scene', 'cue', 'image'] as const;
export const importFieldSchema = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof importFieldSchema>;
export const columnMappingSchema = z.partialRecord(importFieldSchema, z.int().nonnegative().nullable());
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** What an import would do to the catalog, field by field (issue 17): unmapped fields are kept. */
export const importChangesSchema = z.object({
  created: z.int().nonnegative(),
  /** Known products at least one field of which changes. */
  updated: z.int().nonnegative(),
  unchanged: z.int().nonnegative(),
  /** Per mapped field, how many known products it changes (fields that change none are left out). */
  fields: z.array(z.object({ field: importFieldSchema, products: z.int().positive() })),
  /** Fields the sheet does not map: every known product keeps its own. */
  kept: z.array(importFieldSchema),
});
export type ImportChanges = z.infer<typeof importChangesSchema>;

export const importPreviewSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  headers: z.array(z.string()),
  rows: z.int().nonnegative(),
  sample: z.array(z.object({ line: z.int(), cells: z.array(z.string()) })),
  mapping: columnMappingSchema,
  /** Absent when the mapping lacks a required field (nothing could be imported yet). */
  changes: importChangesSchema.optional(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  rows: z.int().nonnegative(),
  created: z.int().nonnegative(),
  updated: z.int().nonnegative(),
  /** Bad rows with their line in the file; every other row was kept. */
  /** `message` is for developers; `text` is what the console shows (optional: older cores lack it). */
  errors: z.array(z.object({ line: z.int(), field: z.string().optional(), message: z.string(), text: codedTextSchema.optional() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;
