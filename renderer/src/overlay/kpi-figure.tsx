import { translate, type Lang } from '../lib/i18n.js';
import type { KpiItem } from './kpi-items.js';

/** A KPI's name with its basis (人数/次数), as every KPI list labels it: console, desk window, review. */
export function KpiTerm({ item, lang }: { item: KpiItem; lang: Lang }) {
  return (
    <dt>
      {translate(lang, item.label)}
      {item.basis ? <em className="basis">{translate(lang, `basis.${item.basis}`)}</em> : null}
    </dt>
  );
}

/** A KPI's value with the fraction it was computed from, so a ratio never stands without its sides. */
export function KpiValue({ item }: { item: KpiItem }) {
  return (
    <dd>
      {item.value}
      {item.fraction ? <small>{item.fraction}</small> : null}
    </dd>
  );
}
