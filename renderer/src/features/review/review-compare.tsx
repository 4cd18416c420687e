import { useEffect, useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CompareRates, ReviewKpiKey } from '../../contract.js';
import { formatCount, formatDateTime, formatDuration, formatMoney, formatMoneyCompact } from '../../lib/format.js';
import type { StringKey } from '../../lib/i18n.js';
import { hrefFor, navigate } from '../../lib/router.js';
import { usePrefsStore, useT } from '../../stores/prefs-store.js';
import { useReviewDeskStore } from '../../stores/review-desk-store.js';
import { alignByShowTime, type CurveKey } from './compare-data.js';
import { ExportMenu } from './export-menu.js';
import { ProductTable } from './product-table.js';
import { change, formatChange, showClock } from './review-format.js';

const COLORS = ['#4cc2ff', '#f5b942', '#3dd68c', '#f472b6', '#b48cff', '#fb923c', '#2dd4bf', '#e5484d'];
const CURVES: { key: CurveKey; label: StringKey }[] = [
  { key: 'online', label: 'review.online' },
  { key: 'cumGmvFen', label: 'review.cumGmv' },
  { key: 'gmvFen', label: 'rv.gmvPer' },
  { key: 'orders', label: 'rv.ordersPer' },
  { key: 'viewersUv', label: 'rv.viewers' },
  { key: 'comments', label: 'rv.comments' },
  { key: 'likes', label: 'rv.likes' },
  { key: 'newFollowers', label: 'rv.followers' },
];
const ROWS: { key: ReviewKpiKey; label: StringKey; money?: boolean; duration?: boolean }[] = [
  { key: 'durationMs', label: 'review.duration', duration: true },
  { key: 'gmvFen', label: 'review.gmv', money: true },
  { key: 'orders', label: 'review.orders' },
  { key: 'buyers', label: 'review.buyers' },
  { key: 'peakOnline', label: 'review.peak' },
  { key: 'avgOnline', label: 'rv.avgOnline' },
  { key: 'viewersUv', label: 'rv.viewers' },
  { key: 'perBuyerFen', label: 'rv.perBuyer', money: true },
  { key: 'explains', label: 'review.explains' },
  { key: 'newFollowers', label: 'rv.followers' },
];

type RateKey = Exclude<keyof CompareRates, 'hours' | 'explainMinutes'>;
/** Each normalised figure, its label and whether it is money; typed over the schema's keys so none is missed. */
const RATE_ROWS: Record<RateKey, { label: StringKey; money?: boolean }> = {
  gmvPerHourFen: { label: 'rv.rate.gmvPerHour', money: true },
  ordersPerHour: { label: 'rv.rate.ordersPerHour' },
  buyersPerHour: { label: 'rv.rate.buyersPerHour' },
  newFollowersPerHour: { label: 'rv.rate.followersPerHour' },
  gmvPerExplainMinuteFen: { label: 'rv.rate.gmvPerExplainMinute', money: true },
  ordersPerExplainMinute: { label: 'rv.rate.ordersPerExplainMinute' },
};

export function ReviewCompare({ ids }: { ids: string[] }) {
  const t = useT();
  const lang = usePrefsStore((s) => s.lang);
  const compare = useReviewDeskStore((s) => (s.compareIds === ids.join(',') ? s.compare : null));
  const error = useReviewDeskStore((s) => s.compareError);
  const [metric, setMetric] = useState<CurveKey>('online');
  const key = ids.join(',');
  useEffect(() => {
    if (ids.length >= 2) void useReviewDeskStore.getState().loadCompare(ids);
    // The joined ids are the dependency: a new array with the same ids must not reload.
  }, [key]);
  const data = useMemo(() => (compare ? alignByShowTime(compare, metric) : []), [compare, metric]);
  const money = metric === 'cumGmvFen' || metric === 'gmvFen';

  return (
    <main className="review" data-testid="review-compare">
      <a className="back-link" href={hrefFor({ name: 'review-list' })} onClick={(e) => (e.preventDefault(), navigate({ name: 'review-list' }))}>
        {t('review.back')}
      </a>
      <div className="review-head">
        <h1>{t('rv.compareTitle')}</h1>
        {ids.length >= 2 ? <ExportMenu ids={ids} /> : null}
      </div>
      {ids.length < 2 ? <p className="empty">{t('rv.needTwo')}</p> : null}
      {error ? <p className="empty error-text">{error}</p> : null}
      {compare ? (
        <>
          <section className="panel">
            <div className="panel-body table-scroll">
              <table className="table" data-testid="compare-kpis">
                <thead>
                  <tr>
                    <th />
                    {compare.sessions.map((s, j) => (
                      <th key={s.session.id} className="num">
                        <i className="rv-swatch" style={{ background: COLORS[j % COLORS.length] }} />
                        {s.session.title}
                        <div className="dim mono">{formatDateTime(s.session.startedAt)}</div>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {ROWS.map((r) => (
                    <tr key={r.key}>
                      <td>{t(r.label)}</td>
                      {compare.sessions.map((s) => {
                        const v = s.kpis[r.key];
                        return (
                          <td key={s.session.id} className="num">
                            {v === null ? '—' : r.money ? formatMoney(v, s.session.currency) : r.duration ? formatDuration(v) : formatCount(v)}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="table" data-testid="compare-rates">
                <caption>{t('rv.rate.title')}</caption>
                <tbody>
                  {(Object.keys(RATE_ROWS) as RateKey[]).map((k) => {
                    const base = compare.sessions[0]?.rates[k] ?? null;
                    return (
                      <tr key={k} data-rate={k}>
                        <td>{t(RATE_ROWS[k].label)}</td>
                        {compare.sessions.map((s, j) => {
                          const v = s.rates[k];
                          const c = j === 0 ? null : change(v, base);
                          return (
                            <td key={s.session.id} className="num">
                              {v === null ? '—' : RATE_ROWS[k].money ? formatMoney(v, s.session.currency) : v.toFixed(1)}
                              {c !== null ? <span className={c >= 0 ? 'cmp-up' : 'cmp-down'}> {formatChange(c)}</span> : null}
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
          <section className="panel">
            <header className="panel-head">
              <h2>{t('rv.curves')}</h2>
              <select className="input input-small" aria-label={t('rv.metric')} value={metric} onChange={(e) => setMetric(e.target.value as CurveKey)} data-testid="compare-metric">
                {CURVES.map((c) => (
                  <option key={c.key} value={c.key}>
                    {t(c.label)}
                  </option>
                ))}
              </select>
            </header>
            <div className="panel-body" data-testid="compare-chart">
              <ResponsiveContainer width="100%" height={300}>
                <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
                  <CartesianGrid stroke="#232833" strokeDasharray="2 4" vertical={false} />
                  <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => showClock(v)} tick={{ fill: '#8a93a3', fontSize: 11 }} minTickGap={40} />
                  <YAxis width={72} tick={{ fill: '#8a93a3', fontSize: 11 }} tickFormatter={(v: number) => (money ? formatMoneyCompact(v, lang) : formatCount(v))} />
                  {compare.sessions.map((s, j) => (
                    <Line key={s.session.id} dataKey={`s${j}`} name={s.session.title} stroke={COLORS[j % COLORS.length]} dot={false} strokeWidth={2} connectNulls isAnimationActive={false} />
                  ))}
                  <Legend />
                  <Tooltip
                    labelFormatter={(v) => `${t('rv.showTime')} ${showClock(Number(v), true)}`}
                    formatter={(v) => (typeof v === 'number' ? (money ? formatMoney(v) : formatCount(v)) : '—')}
                    contentStyle={{ background: '#0c0e12', border: '1px solid #323845' }}
                  />
                </LineChart>
              </ResponsiveContainer>
            </div>
          </section>
          <div className="rv-compare-products">
            {compare.sessions.map((s, j) => (
              <section className="panel" key={s.session.id}>
                <header className="panel-head">
                  <h2>
                    <i className="rv-swatch" style={{ background: COLORS[j % COLORS.length] }} />
                    {s.session.title} · {t('rv.products')}
                  </h2>
                </header>
                <div className="panel-body">
                  <ProductTable products={s.products} currency={s.session.currency} testId={`compare-products-${j}`} />
                </div>
              </section>
            ))}
          </div>
        </>
      ) : null}
    </main>
  );
}
