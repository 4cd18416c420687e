import type { CompareRates, ProductStats, ReviewKpis } from '../contract/index.js';

const per = (num: number, den: number, money = false): number | null => (den > 0 ? (money ? Math.round(num / den) : num / den) : null);

/** A show's figures per hour on air and per explain-minute (see compareRatesSchema). */
export function compareRates(kpis: ReviewKpis, products: readonly ProductStats[]): CompareRates {
  const hours = kpis.durationMs / 3_600_000;
  const explainMinutes = products.reduce((sum, p) => sum + p.explainMs, 0) / 60_000;
  const during = products.reduce((sum, p) => sum + p.gmvDuringFen, 0);
  const ordersDuring = products.reduce((sum, p) => sum + p.ordersDuring, 0);
  return {
    hours,
    gmvPerHourFen: per(kpis.gmvFen, hours, true),
    ordersPerHour: per(kpis.orders, hours),
    buyersPerHour: per(kpis.buyers, hours),
    newFollowersPerHour: per(kpis.newFollowers, hours),
    explainMinutes,
    gmvPerExplainMinuteFen: per(during, explainMinutes, true),
    ordersPerExplainMinute: per(ordersDuring, explainMinutes),
  };
}
