import { useEffect } from 'react';
import { formatCount, formatDateTime, formatDuration, formatMoney } from '../../lib/format.js';
import { hrefFor, navigate } from '../../lib/router.js';
import { useNow } from '../../lib/use-now.js';
import { useT } from '../../stores/prefs-store.js';
import { useReviewStore } from '../../stores/review-store.js';
import { sessionEnd } from './timeline-data.js';
import { StatusBadge } from './status-badge.js';

export function ReviewList() {
  const t = useT();
  const sessions = useReviewStore((s) => s.sessions);
  const status = useReviewStore((s) => s.listStatus);
  const error = useReviewStore((s) => s.listError);
  const now = useNow(10_000);

  useEffect(() => {
    void useReviewStore.getState().loadList();
  }, []);

  return (
    <main className="review" data-testid="review-list">
      <div className="review-head">
        <h1>{t('review.title')}</h1>
        <span className="count">{sessions.length}</span>
      </div>
      <section className="panel">
        <table className="table sessions-table">
          <thead>
            <tr>
              <th>{t('review.date')}</th>
              <th>{t('review.sessionTitle')}</th>
              <th className="num">{t('review.duration')}</th>
              <th className="num">{t('review.gmv')}</th>
              <th className="num">{t('review.orders')}</th>
              <th className="num">{t('review.peak')}</th>
              <th>{t('review.status')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => {
              const to = { name: 'review-session' as const, id: s.id };
              return (
                <tr key={s.id} className="row-link" onClick={() => navigate(to)}>
                  <td className="mono dim">{formatDateTime(s.startedAt)}</td>
                  <td>
                    <a
                      href={hrefFor(to)}
                      className="session-link"
                      onClick={(e) => {
                        e.preventDefault();
                        e.stopPropagation();
                        navigate(to);
                      }}
                    >
                      {s.title}
                    </a>
                    {s.rehearsal ? <span className="badge badge-rehearsal badge-inline">{t('review.rehearsal')}</span> : null}
                  </td>
                  <td className="num">{formatDuration(sessionEnd(s, now) - s.startedAt)}</td>
                  <td className="num strong">{formatMoney(s.totals.gmvFen, s.currency)}</td>
                  <td className="num">{formatCount(s.totals.orders)}</td>
                  <td className="num">{formatCount(s.totals.peakOnline)}</td>
                  <td>
                    <StatusBadge status={s.status} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {status === 'loading' ? <p className="empty">{t('review.loading')}</p> : null}
        {status === 'error' ? <p className="empty error-text">{error}</p> : null}
        {status === 'ready' && sessions.length === 0 ? <p className="empty">{t('review.empty')}</p> : null}
      </section>
    </main>
  );
}
