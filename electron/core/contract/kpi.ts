import { z } from 'zod';
import { fenSchema, skuSchema, timestampSchema } from './primitives.js';

/**
 * The full live KPI set (reference/kpi.md). Platforms disagree on denominators, so every ratio
 * carries its numerator, denominator and basis: 人数 ("people", de-duplicated viewers/buyers) or
 * 次数 ("times", visits/orders). The user picks the basis that matches their platform's dashboard.
 */
export const kpiBasisSchema = z.enum(['people', 'times']);
export type KpiBasis = z.infer<typeof kpiBasisSchema>;

export const kpiRatioSchema = z.object({
  /** num ÷ den (× scale for GPM); money ratios are rounded to the fen; null while den is 0. */
  value: z.number().nullable(),
  num: z.number().nonnegative(),
  den: z.number().nonnegative(),
  basis: kpiBasisSchema,
});
export type KpiRatio = z.infer<typeof kpiRatioSchema>;

export const productKpiSchema = z.object({
  sku: skuSchema,
  gmvFen: fenSchema,
  orders: z.int().nonnegative(),
  qty: z.int().nonnegative(),
  /** What sold of this SKU while it was being explained (讲解期间成交): no platform exports this. */
  explainGmvFen: fenSchema,
  explainOrders: z.int().nonnegative(),
  /** The catalog name, when the SKU is in the catalog. */
  name: z.string().optional(),
});
export type ProductKpi = z.infer<typeof productKpiSchema>;

export const kpiDetailSchema = z.object({
  /** 平均在线: mean of per-minute online values (a minute's value is its last reading). */
  averageOnline: z.number().nonnegative().nullable(),
  viewersUv: z.int().nonnegative(),
  viewsPv: z.int().nonnegative(),
  likes: z.int().nonnegative(),
  comments: z.int().nonnegative(),
  newFollowers: z.int().nonnegative(),
  productExposures: z.int().nonnegative(),
  productClicks: z.int().nonnegative(),
  adSpendFen: fenSchema,
  refundFen: fenSchema,
  /** 人均观看时长, seconds: total viewer-seconds (∫ online dt) ÷ viewers (or views). */
  avgWatchSeconds: kpiRatioSchema,
  interactionRate: kpiRatioSchema,
  /** 观看-成交转化率: buyers ÷ viewers (人数) or orders ÷ views (次数). */
  conversion: kpiRatioSchema,
  /** 客单价: GMV ÷ buyers, fen. */
  perBuyerFen: kpiRatioSchema,
  /** AOV: GMV ÷ orders, fen. */
  aovFen: kpiRatioSchema,
  /** UV价值: GMV ÷ viewers, fen. */
  uvValueFen: kpiRatioSchema,
  /** GPM: GMV × 1000 ÷ views (次数) or viewers (人数), fen. */
  gpmFen: kpiRatioSchema,
  productClickRate: kpiRatioSchema,
  /** 点击-成交转化率: buyers (人数) or orders (次数) ÷ product clicks. */
  clickToOrder: kpiRatioSchema,
  /** 转粉率: new followers ÷ views (次数) or viewers (人数). */
  followerConversion: kpiRatioSchema,
  /** ROI: GMV ÷ ad spend. */
  roi: kpiRatioSchema,
  products: z.array(productKpiSchema),
});
export type KpiDetail = z.infer<typeof kpiDetailSchema>;

/** Which basis each basis-dependent ratio uses; defaults follow Douyin 罗盘 exports. */
export const kpiBasisPrefsSchema = z.strictObject({
  avgWatchSeconds: kpiBasisSchema.default('people'),
  interactionRate: kpiBasisSchema.default('people'),
  conversion: kpiBasisSchema.default('people'),
  gpmFen: kpiBasisSchema.default('times'),
  clickToOrder: kpiBasisSchema.default('people'),
  followerConversion: kpiBasisSchema.default('times'),
});
export type KpiBasisPrefs = z.infer<typeof kpiBasisPrefsSchema>;
export const DEFAULT_BASIS: KpiBasisPrefs = kpiBasisPrefsSchema.parse({});

/** Per-source ingest traffic, shown in the console so a stalled connector is noticed. */
export const ingestSourceRateSchema = z.object({
  source: z.string(),
  /** Events per second over the last few seconds. */
  perSecond: z.number().nonnegative(),
  total: z.int().nonnegative(),
  lastAt: timestampSchema,
});
export type IngestSourceRate = z.infer<typeof ingestSourceRateSchema>;
