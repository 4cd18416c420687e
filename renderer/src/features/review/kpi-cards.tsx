import type { ReactNode } from 'react';
import type { ReviewKpiKey, SessionReview } from '../../contract.js';
import { formatCount, formatDuration, formatMoney } from '../../lib/format.js';
import type { StringKey } from '../../lib/i18n.js';
import { useT } from '../../stores/prefs-store.js';
import { change, formatChange } from './review-format.js';

type Card = { key: ReviewKpiKey; label: StringKey; format: (v: number | null, currency: string) => ReactNode; accent?: boolean };

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const money = (v: number | null, currency: string) => (v === null ? '—' : formatMoney(v, currency));

const CARDS: Card[] = [
  { key: 'gmvFen', label: 'review.gmv', format: money, accent: true },
  { key: 'orders', label: 'review.orders', format: formatCount },
  { key: 'buyers', label: 'review.buyers', format: formatCount },
  { key: 'peakOnline', label: 'review.peak', format: formatCount },
  { key: 'avgOnline', label: 'rv.avgOnline', format: formatCount },
  { key: 'viewersUv', label: 'rv.viewers', format: formatCount },
  { key: 'perBuyerFen', label: 'rv.perBuyer', format: money },
  { key: 'conversion', label: 'rv.conversion', format: pct },
  { key: 'newFollowers', label: 'rv.followers', format: formatCount },
  { key: 'durationMs', label: 'review.duration', format: (v) => (v === null ? '—' : formatDuration(v)) },
];

/** KPI cards, each with its change against the previous session and the user's own average. */
export function KpiCards({ review }: { review: SessionReview }) {
  const t = useT();
  return (
    <div className="rv-kpis" data-testid="kpi-cards">
      {CARDS.map((c) => {
        const value = review.kpis[c.key];
        const vsPrev = change(value, review.previous?.kpis[c.key]);
        const vsAvg = change(value, review.average?.kpis[c.key]);
        return (
          <div key={c.key} className={`kpi rv-kpi ${c.accent ? 'kpi-accent' : ''}`} data-kpi={c.key}>
            <span className="kpi-label">{t(c.label)}</span>
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
