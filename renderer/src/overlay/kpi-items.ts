import type { Kpi, KpiBasis } from '../contract.js';
import { formatCount, formatMoney } from '../lib/format.js';
import { formatAverage, formatFraction, formatMultiple, formatRate, formatRatioMoney, formatWatch, type FractionUnits } from '../lib/kpi-format.js';
import type { KpiStringKey } from '../lib/kpi-strings.js';

export type KpiItemId =
  | 'online' | 'peakOnline' | 'averageOnline' | 'viewersUv' | 'viewsPv' | 'avgWatchSeconds' | 'interactionRate'
  | 'gmv' | 'orders' | 'buyers' | 'conversion' | 'perBuyerFen' | 'aovFen' | 'uvValueFen' | 'gpmFen'
  | 'productClickRate' | 'clickToOrder' | 'followerConversion' | 'roi' | 'refunds';

export type KpiItem = {
  id: KpiItemId;
  label: KpiStringKey;
  value: string;
  /** For ratios: the basis (人数/次数) and numerator / denominator, shown beside the value. */
  basis?: KpiBasis;
  fraction?: string;
};

/** Ratios whose numerator (GMV) or denominator (ad spend) is money: their formula shows yuan. */
const MONEY_SIDES: Partial<Record<KpiItemId, Omit<FractionUnits, 'currency'>>> = {
  perBuyerFen: { num: 'money' },
  aovFen: { num: 'money' },
  uvValueFen: { num: 'money' },
  gpmFen: { num: 'money' },
  roi: { num: 'money', den: 'money' },
};

/** Every KPI of kpi.md as display items, in the order a studio reads them. */
export function kpiItems(kpi: Kpi, currency = 'CNY'): KpiItem[] {
  const d = kpi.detail;
  const items: KpiItem[] = [
    { id: 'online', label: 'k.online', value: formatCount(kpi.online) },
    { id: 'peakOnline', label: 'k.peakOnline', value: formatCount(kpi.peakOnline) },
    { id: 'gmv', label: 'k.gmv', value: formatMoney(kpi.gmvFen, currency) },
    { id: 'orders', label: 'k.orders', value: formatCount(kpi.orders) },
    { id: 'buyers', label: 'k.buyers', value: formatCount(kpi.buyers) },
  ];
  if (!d) return items;
  const ratio = (id: KpiItemId, label: KpiStringKey, r: NonNullable<Kpi['detail']>['conversion'], value: string): KpiItem => ({
    id,
    label,
    value,
    basis: r.basis,
    fraction: formatFraction(r, { ...MONEY_SIDES[id], currency }),
  });
  items.push(
    { id: 'averageOnline', label: 'k.averageOnline', value: formatAverage(d.averageOnline) },
    { id: 'viewersUv', label: 'k.viewersUv', value: formatCount(d.viewersUv) },
    { id: 'viewsPv', label: 'k.viewsPv', value: formatCount(d.viewsPv) },
    ratio('avgWatchSeconds', 'k.avgWatchSeconds', d.avgWatchSeconds, formatWatch(d.avgWatchSeconds)),
    ratio('interactionRate', 'k.interactionRate', d.interactionRate, formatRate(d.interactionRate)),
    ratio('conversion', 'k.conversion', d.conversion, formatRate(d.conversion)),
    ratio('perBuyerFen', 'k.perBuyerFen', d.perBuyerFen, formatRatioMoney(d.perBuyerFen, currency)),
    ratio('aovFen', 'k.aovFen', d.aovFen, formatRatioMoney(d.aovFen, currency)),
    ratio('uvValueFen', 'k.uvValueFen', d.uvValueFen, formatRatioMoney(d.uvValueFen, currency)),
    ratio('gpmFen', 'k.gpmFen', d.gpmFen, formatRatioMoney(d.gpmFen, currency)),
    ratio('productClickRate', 'k.productClickRate', d.productClickRate, formatRate(d.productClickRate)),
    ratio('clickToOrder', 'k.clickToOrder', d.clickToOrder, formatRate(d.clickToOrder)),
    ratio('followerConversion', 'k.followerConversion', d.followerConversion, formatRate(d.followerConversion)),
    ratio('roi', 'k.roi', d.roi, formatMultiple(d.roi)),
    { id: 'refunds', label: 'k.refunds', value: formatMoney(d.refundFen, currency) },
  );
  return items;
}

export const pickItems = (items: readonly KpiItem[], ids: readonly KpiItemId[]): KpiItem[] =>
  ids.map((id) => items.find((i) => i.id === id)).filter((i): i is KpiItem => i !== undefined);
