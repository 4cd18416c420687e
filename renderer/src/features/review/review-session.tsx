import { useEffect, useState } from 'react';
import type { SessionReview } from '../../contract.js';
import { formatCount, formatDateTime, formatMoney, formatTime } from '../../lib/format.js';
import { hrefFor, navigate } from '../../lib/router.js';
import { useT } from '../../stores/prefs-store.js';
import { useReviewDeskStore } from '../../stores/review-desk-store.js';
import { useReviewStore } from '../../stores/review-store.js';
import { CurvesPanel } from './curves-panel.js';
import { EventList } from './event-list.js';
import { ExportMenu } from './export-menu.js';
import { Insights } from './insights.js';
import { KpiCards, ReviewRatios } from './kpi-cards.js';
import { NotesEditor } from './notes-editor.js';
import { PlatformPanel } from './platform-panel.js';
import { ProductTable } from './product-table.js';
import { formatSigned, showClock } from './review-format.js';
import { StatusBadge } from './status-badge.js';

export function ReviewSession({ id }: { id: string }) {
  const t = useT();
  const detail = useReviewStore((s) => (s.sessionId === id ? s.detail : null));
  const status = useReviewStore((s) => s.detailStatus);
  const error = useReviewStore((s) => s.detailError);
  const review = useReviewDeskStore((s) => (s.reviewId === id ? s.review : null));
  const reviewError = useReviewDeskStore((s) => (s.reviewId === id ? s.reviewError : null));

  useEffect(() => {
    // The event log (the page's foot) is asked for once the review itself has its answers: on a
    // 12-hour show it costs the core as much as the curves, and it would hold them up (issue 15).
    void useReviewDeskStore
      .getState()
      .loadReview(id)
      .then(() => useReviewStore.getState().loadSession(id));
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

  if (!review) {
    const text = status === 'not-found' ? t('review.notFound') : (reviewError ?? (status === 'error' ? error : t('review.loading')));
    return (
      <main className="review">
        {back}
        <p className="empty">{text}</p>
      </main>
    );
  }
  return (
    <main className="review" data-testid="review-session">
      {back}
      <SessionView review={review} />
      {detail ? <EventList detail={detail} /> : null}
    </main>
  );
}

function SessionView({ review }: { review: SessionReview }) {
  const t = useT();
  const products = useReviewDeskStore((s) => s.products);
  const notes = useReviewDeskStore((s) => s.notes);
  const platform = useReviewDeskStore((s) => s.platform);
  const [selected, setSelected] = useState<number | null>(null);
  const s = review.session;
  const cur = s.currency;

  return (
    <>
      <header className="session-head rv-head">
        <div>
          <h1>
            {s.title}
            {s.rehearsal ? <span className="badge badge-rehearsal badge-inline">{t('review.rehearsal')}</span> : null}
            <StatusBadge status={s.status} />
          </h1>
          <p className="session-when mono">
            {formatDateTime(s.startedAt)} → {s.endedAt ? formatTime(s.endedAt) : '…'}
            {s.tags.map((tag) => (
              <span className="rv-tag" key={tag}>
                {tag}
              </span>
            ))}
          </p>
        </div>
        <ExportMenu ids={[s.id]} />
      </header>

      <Insights review={review} products={products} />
      <KpiCards review={review} />
      <ReviewRatios review={review} />

      <section className="panel">
        <header className="panel-head">
          <h2>{t('rv.curves')}</h2>
        </header>
        <div className="panel-body">
          <CurvesPanel key={s.id} review={review} selected={selected} onSelect={setSelected} />
        </div>
      </section>

      {platform ? <PlatformPanel data={platform} currency={cur} /> : null}

      <section className="panel">
        <header className="panel-head">
          <h2>{t('rv.products')}</h2>
          <span className="count">{products?.length ?? 0}</span>
        </header>
        <div className="panel-body">{products ? <ProductTable products={products} currency={cur} /> : <p className="empty">{t('review.loading')}</p>}</div>
      </section>

      <div className="review-split">
        <section className="panel">
          <header className="panel-head">
            <h2>{t('review.segments')}</h2>
            <span className="count">{review.segments.length}</span>
          </header>
          <div className="panel-body table-scroll rv-segments-body">
            {review.segments.length === 0 ? (
              <p className="empty">{t('review.noSegments')}</p>
            ) : (
              <table className="table" data-testid="segments-table">
                <thead>
                  <tr>
                    <th>{t('review.product')}</th>
                    <th>{t('review.start')}</th>
                    <th className="num">{t('review.duration')}</th>
                    <th className="num">{t('rv.segmentGmv')}</th>
                    <th className="num">{t('rv.onlineChange')}</th>
                  </tr>
                </thead>
                <tbody>
                  {review.segments.map((g, i) => (
                    <tr key={`${g.sku}@${g.startedAt}`} className={`row-link ${selected === i ? 'is-selected' : ''}`} onClick={() => setSelected(i)}>
                      <td className="product-name">{g.name}</td>
                      <td className="mono">{showClock(g.startedAt - s.startedAt, true)}</td>
                      <td className="num mono">{showClock(g.endedAt - g.startedAt, true)}</td>
                      <td className="num">{formatMoney(g.gmvFen, cur)}</td>
                      <td className="num mono">{formatSigned(g.onlineStart === null || g.onlineEnd === null ? null : g.onlineEnd - g.onlineStart)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </section>
        <section className="panel">
          <header className="panel-head">
            <h2>{t('rv.notes')}</h2>
          </header>
          <div className="panel-body">
            {/* The notes arrive just after the review: an editor opened before them would lose what was typed. */}
            {notes ? <NotesEditor sessionId={s.id} notes={notes} /> : <p className="empty">{t('review.loading')}</p>}
          </div>
        </section>
      </div>

      <section className="panel">
        <header className="panel-head">
          <h2>{t('rv.funnel')}</h2>
        </header>
        <div className="panel-body rv-funnel" data-testid="funnel">
          {funnelSteps(review, t).map((step) => (
            <div className="rv-funnel-step" key={step.label}>
              <span className="kpi-label">{step.label}</span>
              <strong>{formatCount(step.value)}</strong>
              {step.rate !== null ? <span className="dim">{(step.rate * 100).toFixed(1)}% ↑</span> : null}
            </div>
          ))}
        </div>
      </section>
    </>
  );
}

/** The funnel's steps, each with its share of the last step that was measured (人数 basis). */
function funnelSteps(review: SessionReview, t: ReturnType<typeof useT>) {
  const f = review.funnel;
  const steps = [
    { label: t('rv.viewers'), value: f.viewersUv },
    { label: t('rv.exposures'), value: f.productExposures },
    { label: t('rv.clicks'), value: f.productClicks },
    { label: t('review.buyers'), value: f.buyers },
  ];
  let base: number | null = null;
  return steps.map((step) => {
    const rate = base && step.value !== null ? step.value / base : null;
    if (step.value !== null) base = step.value;
    return { ...step, rate };
  });
}
