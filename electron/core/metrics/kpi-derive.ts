import { DEFAULT_BASIS, type KpiBasis, type KpiBasisPrefs, type KpiDetail, type KpiRatio, type ProductKpi } from '../contract/index.js';

/** The raw counters of a session; every KPI in kpi.md is a function of these. */
export interface KpiCounters {
  gmvFen: number;
  orders: number;
  buyers: number;
  averageOnline: number | null;
  /** Total viewer-seconds watched: ∫ online dt. */
  watchSeconds: number;
  viewersUv: number;
  viewsPv: number;
  likes: number;
  comments: number;
  newFollowers: number;
  /** Distinct viewers who commented or followed (互动人数). */
  interactors: number;
  productExposures: number;
  productClicks: number;
  adSpendFen: number;
  refundFen: number;
  products: ProductKpi[];
}

/** num × scale ÷ den; money is rounded to the whole fen (half up), rates are left exact. */
export function ratio(num: number, den: number, basis: KpiBasis, options: { scale?: number; money?: boolean } = {}): KpiRatio {
  const scale = options.scale ?? 1;
  let value: number | null = null;
  if (den > 0) value = options.money ? Math.round((num * scale) / den) : (num * scale) / den;
  return { value, num, den, basis };
}

/**
 * Derives the KPI set. Where kpi.md names variants, `basis` chooses: 人数 (people) divides by
 * de-duplicated viewers or counts buyers, 次数 (times) divides by views or counts orders.
 */
export function deriveKpis(c: KpiCounters, basis: KpiBasisPrefs = DEFAULT_BASIS): KpiDetail {
  const byViewers = (b: KpiBasis) => (b === 'people' ? c.viewersUv : c.viewsPv);
  // 罗盘 counts 互动 as likes + comments + shares (follows are 关注, a KPI of their own). The ingest API
  // carries no share count, so the desk's 互动次数 is likes + comments.
  const interactions = c.comments + c.likes;
  return {
    averageOnline: c.averageOnline,
    viewersUv: c.viewersUv,
    viewsPv: c.viewsPv,
    likes: c.likes,
    comments: c.comments,
    newFollowers: c.newFollowers,
    productExposures: c.productExposures,
    productClicks: c.productClicks,
    adSpendFen: c.adSpendFen,
    refundFen: c.refundFen,
    avgWatchSeconds: ratio(c.watchSeconds, byViewers(basis.avgWatchSeconds), basis.avgWatchSeconds),
    interactionRate:
      basis.interactionRate === 'people' ? ratio(c.interactors, c.viewersUv, 'people') : ratio(interactions, c.viewsPv, 'times'),
    conversion: basis.conversion === 'people' ? ratio(c.buyers, c.viewersUv, 'people') : ratio(c.orders, c.viewsPv, 'times'),
    perBuyerFen: ratio(c.gmvFen, c.buyers, 'people', { money: true }),
    aovFen: ratio(c.gmvFen, c.orders, 'times', { money: true }),
    uvValueFen: ratio(c.gmvFen, c.viewersUv, 'people', { money: true }),
    gpmFen: ratio(c.gmvFen, byViewers(basis.gpmFen), basis.gpmFen, { scale: 1000, money: true }),
    productClickRate: ratio(c.productClicks, c.productExposures, 'people'),
    clickToOrder:
      basis.clickToOrder === 'people' ? ratio(c.buyers, c.productClicks, 'people') : ratio(c.orders, c.productClicks, 'times'),
    followerConversion: ratio(c.newFollowers, byViewers(basis.followerConversion), basis.followerConversion),
    roi: ratio(c.gmvFen, c.adSpendFen, 'times'),
    products: c.products,
  };
}
