import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CurvePoint, SessionReview } from '../../contract.js';
import { formatCount, formatMoney, formatMoneyCompact } from '../../lib/format.js';
import type { StringKey } from '../../lib/i18n.js';
import { usePrefsStore, useT } from '../../stores/prefs-store.js';
import { downsampleCurve } from './curve-downsample.js';
import { LanesStrip } from './lanes-strip.js';
import { bucketUnit, formatSigned, showClock } from './review-format.js';
import { ZoomBrush } from './zoom-brush.js';

type MetricKey = 'online' | 'viewersUv' | 'gmvFen' | 'orders' | 'comments' | 'likes' | 'newFollowers';
type Metric = { key: MetricKey; label: StringKey; color: string; style: 'line' | 'bar'; perBucket: boolean };

const METRICS: Metric[] = [
  { key: 'online', label: 'review.online', color: '#4cc2ff', style: 'line', perBucket: false },
  { key: 'viewersUv', label: 'rv.viewers', color: '#2dd4bf', style: 'line', perBucket: false },
  { key: 'gmvFen', label: 'review.gmv', color: '#f5b942', style: 'bar', perBucket: true },
  { key: 'orders', label: 'review.orders', color: '#fb923c', style: 'bar', perBucket: true },
  { key: 'comments', label: 'rv.comments', color: '#3dd68c', style: 'bar', perBucket: true },
  { key: 'likes', label: 'rv.likes', color: '#f472b6', style: 'bar', perBucket: true },
  { key: 'newFollowers', label: 'rv.followers', color: '#b48cff', style: 'bar', perBucket: true },
];
const BAND = ['rgba(229, 72, 77, 0.13)', 'rgba(168, 85, 247, 0.13)'];
// Wide enough for the lane names beside the lanes, which share the charts' time axis.
const Y_WIDTH = 92;
const MARGIN = { top: 6, right: 12, bottom: 0, left: 0 };
const NO_LINES = () => [];
/** About one bar per 4–5 px of a console-wide chart: more bars than pixels only cost redraw time. */
const MAX_BARS = 300;

type ChartState = { activeTooltipIndex?: number | string | null } | null | undefined;

/**
 * Per-bucket curves as small multiples on one show-time axis, with a zoom brush, one read-out line
 * for the hovered moment, and the event lanes beneath. Everything arrives downsampled from the core.
 */
export function CurvesPanel({ review, selected, onSelect }: { review: SessionReview; selected: number | null; onSelect(index: number | null): void }) {
  const t = useT();
  const lang = usePrefsStore((s) => s.lang);
  const points = review.curve.points;
  const [range, setRange] = useState<[number, number]>([0, points.length - 1]);
  const [hover, setHover] = useState<number | null>(null);
  // The brush follows the mouse at once; the charts draw the latest range when React gets to it, and a
  // newer range interrupts a stale drawing, so a drag never queues a redraw per mouse move (issue 15).
  const shownRange = useDeferredValue(range);
  const [i0, i1] = [Math.min(shownRange[0], points.length - 1), Math.min(shownRange[1], points.length - 1)];
  const data = useMemo(() => downsampleCurve(points.slice(i0, i1 + 1), MAX_BARS), [points, i0, i1]);
  const from = points[i0]?.t ?? 0;
  const to = (points[i1]?.t ?? 0) + review.curve.bucketMs;
  const start = review.session.startedAt;
  const shown = useMemo(() => METRICS.filter((m) => points.some((p) => (p[m.key] ?? 0) !== 0)), [points]);
  const empty = METRICS.filter((m) => !shown.includes(m));
  const unit = bucketUnit(review.curve.bucketMs, lang);
  const point: CurvePoint | undefined = hover === null ? undefined : data[hover];
  const format = (m: Metric, v: number | null) => (v === null ? '—' : m.key === 'gmvFen' ? formatMoney(v, review.session.currency) : formatCount(v));
  const onMove = useCallback((s: ChartState) => {
    const i = Number(s?.activeTooltipIndex);
    setHover(Number.isInteger(i) ? i : null);
  }, []);
  const seg = selected === null ? null : review.segments[selected];
  // The explain bands are plain boxes under each chart, not recharts ReferenceAreas: recharts 3 runs
  // store selectors for each of them on every redraw (24 bands × 5 charts on a 12-hour show).
  const bands = useMemo(
    () => <ExplainBands segments={review.segments} start={start} from={from} to={to} selected={selected} />,
    [review.segments, start, from, to, selected],
  );
  // Hovering changes only the read-out: the charts are built again only when what they show changes.
  const charts = useMemo(
    () =>
      shown.map((m) => (
        <div className="rv-metric" key={m.key} data-metric={m.key}>
          <span className="rv-metric-name" style={{ color: m.color }}>
            {t(m.label)}
            {m.perBucket ? <em> {t('rv.perMinute', { unit })}</em> : null}
          </span>
          <div style={{ position: 'relative' }}>
          {bands}
          <ResponsiveContainer width="100%" height={96}>
            <ComposedChart data={data as CurvePoint[]} margin={MARGIN} syncId="rv-curves" onMouseMove={onMove}>
              {/* No vertical lines, so no x ticks for them: recharts would measure every x label's text on each frame. */}
              <CartesianGrid stroke="#232833" strokeDasharray="2 4" vertical={false} verticalCoordinatesGenerator={NO_LINES} />
              <XAxis dataKey="t" type="number" domain={[from, to]} hide allowDataOverflow />
              <YAxis
                width={Y_WIDTH}
                tick={{ fill: '#8a93a3', fontSize: 11 }}
                tickFormatter={(v: number) => (m.key === 'gmvFen' ? formatMoneyCompact(v, lang) : formatCount(v))}
                allowDecimals={false}
                tickCount={3}
                // Three ticks always fit 96 px: showing each outright spares recharts measuring every
                // label's text in the page on each zoom frame (issue 15).
                interval={0}
              />
              {m.style === 'bar' ? (
                // Per-bucket counts as one stepped shape, not a Bar per bucket: recharts 3 runs store
                // selectors for every bar on each redraw, which made a zoom frame cost seconds.
                <Area dataKey={m.key} type="stepAfter" stroke={m.color} fill={m.color} fillOpacity={0.55} strokeWidth={1} dot={false} activeDot={false} isAnimationActive={false} />
              ) : (
                // A level as an unfilled Area, not a Line: recharts' Line reads its path's length from the
                // page on every render (for an animation that is off), a forced layout per zoom frame.
                <Area dataKey={m.key} stroke={m.color} strokeWidth={2} fill="none" dot={false} connectNulls type="monotone" isAnimationActive={false} />
              )}
              <Tooltip content={() => null} cursor={{ stroke: '#6b7385', strokeWidth: 1 }} />
            </ComposedChart>
          </ResponsiveContainer>
          </div>
        </div>
      )),
    [shown, data, from, to, bands, lang, unit, t, onMove],
  );

  return (
    <div className="rv-curves" data-testid="curves">
      <div className="rv-readout mono" data-testid="readout">
        <span className="rv-readout-time">{point ? showClock(point.t, true) : t('rv.zoomHint')}</span>
        {point
          ? shown.map((m) => (
              <span key={m.key}>
                <i style={{ background: m.color }} />
                {t(m.label)} <strong>{format(m, point[m.key])}</strong>
              </span>
            ))
          : null}
      </div>
      <div data-testid="timeline-chart" onMouseLeave={() => setHover(null)}>
        {charts}
      </div>
      {empty.length ? <p className="rv-empty-metrics dim">{empty.map((m) => t(m.label)).join(' · ')}: —</p> : null}
      <LanesStrip start={start} from={from} to={to} segments={review.segments} lanes={review.lanes} selected={selected} onSelect={onSelect} />
      <div className="rv-brush" data-testid="zoom">
        <ZoomBrush points={points} bucketMs={review.curve.bucketMs} yWidth={Y_WIDTH} margin={MARGIN} onChange={setRange} />
      </div>
      {seg ? (
        <div className="rv-segment-card" data-testid="segment-card">
          <h3>
            {t('rv.segment')} #{(selected ?? 0) + 1} · {seg.name} <span className="mono dim">{seg.sku}</span>
          </h3>
          <dl>
            <dt>{t('review.start')}</dt>
            <dd className="mono">
              {showClock(seg.startedAt - start, true)} – {showClock(seg.endedAt - start, true)}
            </dd>
            <dt>{t('review.duration')}</dt>
            <dd className="mono">{showClock(seg.endedAt - seg.startedAt, true)}</dd>
            <dt>{t('rv.segmentGmv')}</dt>
            <dd className="money-text">{formatMoney(seg.gmvFen, review.session.currency)}</dd>
            <dt>{t('rv.segmentOrders')}</dt>
            <dd>{formatCount(seg.orders)}</dd>
            <dt>{t('rv.onlineStartEnd')}</dt>
            <dd>
              {formatCount(seg.onlineStart)} → {formatCount(seg.onlineEnd)}{' '}
              <strong>({formatSigned(seg.onlineStart === null || seg.onlineEnd === null ? null : seg.onlineEnd - seg.onlineStart)})</strong>
            </dd>
          </dl>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => onSelect(null)}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Explain segments as shaded boxes over a chart's plot area (inside its axis and margins), on the zoomed window. */
function ExplainBands({ segments, start, from, to, selected }: { segments: SessionReview['segments']; start: number; from: number; to: number; selected: number | null }) {
  const span = Math.max(1, to - from);
  return (
    <div aria-hidden style={{ position: 'absolute', left: Y_WIDTH, right: MARGIN.right, top: MARGIN.top, bottom: MARGIN.bottom, overflow: 'hidden', pointerEvents: 'none' }}>
      {segments.map((s, i) => {
        const x1 = Math.max(0, (s.startedAt - start - from) / span);
        const x2 = Math.min(1, (s.endedAt - start - from) / span);
        if (x2 <= 0 || x1 >= 1 || x2 <= x1) return null;
        return (
          <div
            key={s.startedAt}
            style={{ position: 'absolute', top: 0, bottom: 0, left: `${x1 * 100}%`, width: `${(x2 - x1) * 100}%`, background: BAND[i % 2], boxShadow: selected === i ? 'inset 0 0 0 1px #e5484d' : undefined }}
          />
        );
      })}
    </div>
  );
}
