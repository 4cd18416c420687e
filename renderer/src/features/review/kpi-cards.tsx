import type { ReactNode } from 'react';
import type { KpiBasis, ReviewKpiKey, SessionReview } from '../../contract.js';
import { formatCount, formatDuration, formatMoney } from '../../lib/format.js';
import { formatAverage } from '../../lib/kpi-format.js';
import { translate } from '../../lib/i18n.js';
import { kpiItems } from '../../overlay/kpi-items.js';
import type { StringKey } from '../../lib/i18n.js';
import { usePrefsStore, useT } from '../../stores/prefs-store.js';
import { change, formatChange } from './review-format.js';
import { KpiTerm, KpiValue } from '../../overlay/kpi-figure.js';

type Card = { key: ReviewKpiKey; label: StringKey; format: (v: number | null, currency: string) => ReactNode; accent?: boolean };

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const money = (v: number | null, currency: string) => (v === null ? '—' : formatMoney(v, currency));

const CARDS: Card[] = [
  { key: 'gmvFen', label: 'review.gmv', format: money, accent: true },
  { key: 'orders', label: 'review.orders', format: formatCount },
  { key: 'buyers', label: 'review.buyers', format: formatCount },
  { key: 'peakOnline', label: 'review.peak', format: formatCount },
  { key: 'avgOnline', label: 'rv.avgOnline', format: formatAverage },
  { key: 'viewersUv', label: 'rv.viewers', format: formatCount },
  { key: 'perBuyerFen', label: 'rv.perBuyer', format: money },
  { key: 'conversion', label: 'rv.conversion', format: pct },
  { key: 'newFollowers', label: 'rv.followers', format: formatCount },
  { key: 'durationMs', label: 'review.duration', format: (v) => (v === null ? '—' : formatDuration(v)) },
];

/** The basis (人数/次数) a card's figure was computed on, where the desk's KPI set has it as a ratio. */
function basisOf(review: SessionReview, key: ReviewKpiKey): KpiBasis | null {
  const d = review.kpis.detail as Record<string, unknown> | null;
  const r = d?.[key];
  return typeof r === 'object' && r !== null && 'basis' in r ? (r as { basis: KpiBasis }).basis : null;
}

/** KPI cards, each with its change against the previous session and the user's own average. */
export function KpiCards({ review }: { review: SessionReview }) {
  const t = useT();
  const lang = usePrefsStore((s) => s.lang);
  return (
    <div className="rv-kpis" data-testid="kpi-cards">
      {CARDS.map((c) => {
        const value = review.kpis[c.key];
        const vsPrev = change(value, review.previous?.kpis[c.key]);
        const vsAvg = change(value, review.average?.kpis[c.key]);
        return (
          <div key={c.key} className={`kpi rv-kpi ${c.accent ? 'kpi-accent' : ''}`} data-kpi={c.key}>
            <span className="kpi-label">
              {t(c.label)}
              {basisOf(review, c.key) ? <em className="basis">{translate(lang, `basis.${basisOf(review, c.key) as KpiBasis}`)}</em> : null}
            </span>
            <span className="kpi-value">{c.format(value, review.session.currency)}</span>
            <span className="rv-cmp">
              <span className={tone(vsPrev)} title={review.previous?.title}>
                {t('rv.vsPrev')} {formatChange(vsPrev)}
              </span>
              <span className={tone(vsAvg)}>
                {t('rv.vsAvg')} {formatChange(vsAvg)}
              </span>
            </span>
          </div>
        );
      })}
    </div>
  );
}

const tone = (c: number | null) => (c === null ? 'cmp-none' : c >= 0 ? 'cmp-up' : 'cmp-down');

/**
 * Every KPI of the desk's set for the whole show, drawn as the live desk draws them: the same items,
 * each ratio with its basis (人数/次数) and numerator / denominator, so desk and review read alike.
 */
export function ReviewRatios({ review }: { review: SessionReview }) {
  const lang = usePrefsStore((s) => s.lang);
  const k = review.kpis;
  if (!k.detail) return null;
  const kpi = { online: null, peakOnline: k.peakOnline, gmvFen: k.gmvFen, orders: k.orders, buyers: k.buyers, updatedAt: null, detail: k.detail };
  const shownAbove = new Set(['online', 'peakOnline', 'gmv', 'orders', 'buyers']);
  return (
    <dl className="kpi-detail-grid rv-ratios" data-testid="review-ratios">
      {kpiItems(kpi, review.session.currency)
        .filter((item) => !shownAbove.has(item.id))
        .map((item) => (
          <div key={item.id} className="kpi-detail" data-kpi={item.id} title={item.fraction}>
            <KpiTerm item={item} lang={lang} />
            <KpiValue item={item} />
          </div>
        ))}
    </dl>
  );
}
