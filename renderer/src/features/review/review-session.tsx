import { useEffect, useState, type ReactNode } from 'react';
import { Money } from '../../components/money.js';
import type { SessionDetail } from '../../contract.js';
import { describeEvent } from '../../lib/describe-event.js';
import { formatCount, formatDateTime, formatDuration, formatTime } from '../../lib/format.js';
import { hrefFor, navigate } from '../../lib/router.js';
import { useNow } from '../../lib/use-now.js';
import { useT } from '../../stores/prefs-store.js';
import { useReviewStore } from '../../stores/review-store.js';
import { StatusBadge } from './status-badge.js';
import { TimelineChart } from './timeline-chart.js';
import { segmentDuration, sessionEnd } from './timeline-data.js';

/** Audience chatter that would drown the operator's own actions in the event list. */
const NOISY_KINDS = new Set(['ingest.snapshot', 'ingest.like', 'ingest.enter', 'ingest.comment', 'ingest.follow']);

export function ReviewSession({ id }: { id: string }) {
  const t = useT();
  const detail = useReviewStore((s) => (s.sessionId === id ? s.detail : null));
  const status = useReviewStore((s) => s.detailStatus);
  const error = useReviewStore((s) => s.detailError);

  useEffect(() => {
    void useReviewStore.getState().loadSession(id);
  }, [id]);

  const back = (
    <a
      className="back-link"
      href={hrefFor({ name: 'review-list' })}
      onClick={(e) => {
        e.preventDefault();
        navigate({ name: 'review-list' });
      }}
    >
      {t('review.back')}
    </a>
  );

  if (!detail) {
    return (
      <main className="review">
        {back}
        <p className="empty">{status === 'not-found' ? t('review.notFound') : status === 'error' ? error : t('review.loading')}</p>
      </main>
    );
  }
  return (
    <main className="review" data-testid="review-session">
      {back}
      <SessionView detail={detail} />
    </main>
  );
}

function SessionView({ detail }: { detail: SessionDetail }) {
  const t = useT();
  const timeline = useReviewStore((s) => s.timeline);
  const timelineError = useReviewStore((s) => s.timelineError);
  const now = useNow(detail.endedAt === null ? 5_000 : 3_600_000);
  const end = sessionEnd(detail, now);
  const cur = detail.currency;
  const hasData = timeline !== null && timeline.points.some((p) => p.online !== null || p.gmvFen > 0);

  return (
    <>
      <header className="session-head">
        <div>
          <h1>
            {detail.title}
            {detail.rehearsal ? <span className="badge badge-rehearsal badge-inline">{t('review.rehearsal')}</span> : null}
            <StatusBadge status={detail.status} />
          </h1>
          <p className="session-when mono">
            {formatDateTime(detail.startedAt)} → {detail.endedAt ? formatTime(detail.endedAt) : '…'}
          </p>
        </div>
      </header>

      <div className="review-kpis">
        <Card label={t('review.gmv')} value={<Money fen={detail.totals.gmvFen} currency={cur} />} accent />
        <Card label={t('review.orders')} value={formatCount(detail.totals.orders)} />
        <Card label={t('review.buyers')} value={formatCount(detail.totals.buyers)} />
        <Card label={t('review.peak')} value={formatCount(detail.totals.peakOnline)} />
        <Card label={t('review.duration')} value={formatDuration(end - detail.startedAt)} />
        <Card label={t('review.explains')} value={formatCount(detail.segments.length)} />
      </div>

      <section className="panel">
        <header className="panel-head">
          <h2>{t('review.timeline')}</h2>
        </header>
        <div className="panel-body">
          {timelineError ? <p className="empty error-text">{timelineError}</p> : null}
          {timeline && hasData ? <TimelineChart timeline={timeline} start={detail.startedAt} end={end} currency={cur} /> : null}
          {timeline && !hasData ? <p className="empty">{t('review.noTimeline')}</p> : null}
        </div>
      </section>

      <div className="review-split">
        <section className="panel">
          <header className="panel-head">
            <h2>{t('review.segments')}</h2>
            <span className="count">{detail.segments.length}</span>
          </header>
          <div className="panel-body">
            {detail.segments.length === 0 ? (
              <p className="empty">{t('review.noSegments')}</p>
            ) : (
              <table className="table" data-testid="segments-table">
                <thead>
                  <tr>
                    <th>{t('review.product')}</th>
                    <th>{t('products.sku')}</th>
                    <th>{t('review.start')}</th>
                    <th className="num">{t('review.duration')}</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.segments.map((s) => (
                    <tr key={`${s.sku}@${s.startedAt}`}>
                      <td className="product-name">{s.name}</td>
                      <td className="mono dim">{s.sku}</td>
                      <td className="mono">{formatTime(s.startedAt)}</td>
                      <td className="num">{formatDuration(segmentDuration(s, end))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </section>
        <EventList detail={detail} />
      </div>
    </>
  );
}

function Card({ label, value, accent }: { label: string; value: ReactNode; accent?: boolean }) {
  return (
    <div className={`kpi ${accent ? 'kpi-accent' : ''}`}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
    </div>
  );
}

function EventList({ detail }: { detail: SessionDetail }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const events = all ? detail.events : detail.events.filter((e) => !NOISY_KINDS.has(e.kind));
  const hidden = detail.events.length - events.length;
  return (
    <section className="panel events-panel">
      <header className="panel-head">
        <h2>{t('review.events')}</h2>
        <label className="toggle">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
          {t('review.showAudience')}
          {!all && hidden ? <span className="count">+{hidden}</span> : null}
        </label>
      </header>
      <div className="panel-body table-scroll">
        <table className="table events-table" data-testid="events-table">
          <thead>
            <tr>
              <th>{t('review.time')}</th>
              <th>{t('review.kind')}</th>
              <th>{t('review.details')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => {
              const line = describeEvent(e, t, detail.currency);
              return (
                <tr key={e.id} className={`ev-${line.tone}`}>
                  <td className="mono dim">{formatTime(e.ts)}</td>
                  <td className="log-label">{line.label}</td>
                  <td>{line.detail}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {detail.eventsTruncated ? <p className="empty">{t('review.eventsTruncated', { n: detail.events.length })}</p> : null}
      </div>
    </section>
  );
}
