import type { PlatformCompare, ReviewKpis } from '../contract/index.js';
import type { PlatformFigures, PlatformRepo } from '../store/platform-repo.js';
import type { ReviewRepo, SkuTotals } from '../store/review-repo.js';

const pick = (f: PlatformFigures, key: string): number | null => (typeof f[key] === 'number' ? (f[key] as number) : null);

/**
 * Which desk KPI each whole-session platform figure is set against. 用户支付金额 (payFen) and 成交金额
 * (gmvFen) are both set against the desk's GMV, so a reader sees which of the two the desk matches.
 */
const SESSION_ROWS: readonly [key: string, desk: (k: ReviewKpis) => number | null][] = [
  ['gmvFen', (k) => k.gmvFen],
  ['payFen', (k) => k.gmvFen],
  ['orders', (k) => k.orders],
  ['buyers', (k) => k.buyers],
  ['refundFen', (k) => k.refundsFen],
  ['viewersUv', (k) => k.viewersUv],
  ['viewsPv', (k) => k.viewsPv],
  ['peakOnline', (k) => k.peakOnline],
  ['avgOnline', (k) => k.avgOnline],
  ['avgWatchSeconds', (k) => k.detail?.avgWatchSeconds.value ?? null],
  ['comments', (k) => k.comments],
  ['likes', (k) => k.likes],
  ['newFollowers', (k) => k.newFollowers],
  ['productExposures', (k) => k.detail?.productExposures ?? null],
  ['productClicks', (k) => k.detail?.productClicks ?? null],
  ['conversion', (k) => (k.detail?.conversion.basis === 'people' ? k.detail.conversion.value : null)],
  ['followRate', (k) => (k.detail ? (k.detail.viewersUv ? k.detail.newFollowers / k.detail.viewersUv : null) : null)],
  ['clickRate', (k) => k.detail?.productClickRate.value ?? null],
  ['durationSeconds', (k) => Math.round(k.durationMs / 1000)],
];

/** What was imported, beside the desk's own figures for the same minutes, products and session. */
export function platformCompare(deps: { platform: PlatformRepo; review: ReviewRepo }, sessionId: string, kpis: ReviewKpis): PlatformCompare {
  const wall = deps.review.wallMinutes(sessionId);
  const bySku = new Map<string, SkuTotals>(deps.review.skuTotals(sessionId).map((t) => [t.sku, t]));
  return {
    minutes: deps.platform.minutes(sessionId).map((m) => {
      const desk = wall.get(m.minute) ?? { gmvFen: 0, orders: 0, online: null };
      return {
        platform: m.platform,
        minute: m.minute,
        desk,
        figures: { gmvFen: pick(m.figures, 'gmvFen'), payFen: pick(m.figures, 'payFen'), orders: pick(m.figures, 'orders'), online: pick(m.figures, 'online') },
      };
    }),
    products: deps.platform.products(sessionId).map((p) => {
      const t = p.sku === null ? undefined : bySku.get(p.sku);
      return {
        platform: p.platform,
        productId: p.productId,
        name: p.name,
        sku: p.sku,
        desk: p.sku === null ? null : { gmvFen: t?.gmvFen ?? 0, orders: t?.orders ?? 0 },
        figures: { gmvFen: pick(p.figures, 'gmvFen'), payFen: pick(p.figures, 'payFen'), orders: pick(p.figures, 'orders'), explains: pick(p.figures, 'explains') },
      };
    }),
    sessions: deps.platform.sessions(sessionId).map((s) => ({
      platform: s.platform,
      rows: SESSION_ROWS.filter(([key]) => pick(s.figures, key) !== null).map(([key, desk]) => ({ key, desk: desk(kpis), platform: pick(s.figures, key) })),
    })),
  };
}
