import type { ProductStats, SessionReview } from '../../contract.js';
import { formatCount, formatMoney } from '../../lib/format.js';
import { useT } from '../../stores/prefs-store.js';
import { showClock } from './review-format.js';

/** The two questions a reviewer asks first: what sold best per explain-minute, and when the audience left. */
export function Insights({ review, products }: { review: SessionReview; products: ProductStats[] | null }) {
  const t = useT();
  const best = (products ?? []).filter((p) => p.gmvPerExplainMinuteFen !== null).sort((a, b) => (b.gmvPerExplainMinuteFen ?? 0) - (a.gmvPerExplainMinuteFen ?? 0))[0];
  const drop = review.audienceDrop;
  const start = review.session.startedAt;
  return (
    <div className="rv-insights" data-testid="insights">
      <div className="rv-insight" data-insight="best">
        <span className="kpi-label">{t('rv.insightBest')}</span>
        {best ? (
          <span>
            <strong>{best.name}</strong> <span className="money-text">{formatMoney(best.gmvPerExplainMinuteFen ?? 0, review.session.currency)}</span>{' '}
            <span className="dim">{t('rv.perExplainMin')}</span>
          </span>
        ) : (
          <span className="dim">—</span>
        )}
      </div>
      <div className="rv-insight" data-insight="drop">
        <span className="kpi-label">{t('rv.insightDrop')}</span>
        {drop ? (
          <span>
            <strong className="mono">
              {showClock(drop.from - start)} → {showClock(drop.to - start)}
            </strong>{' '}
            {formatCount(drop.onlineFrom)} → {formatCount(drop.onlineTo)} <span className="cmp-down">(−{formatCount(drop.onlineFrom - drop.onlineTo)})</span>
            {drop.name ? <span className="dim"> · {t('rv.during', { name: drop.name })}</span> : null}
          </span>
        ) : (
          <span className="dim">{t('rv.noDrop')}</span>
        )}
      </div>
    </div>
  );
}
