import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ExplainSegment, SessionTimeline, TimelinePoint } from '../../contract.js';
import { formatCount, formatHourMinute, formatMoney, formatMoneyCompact, formatTime } from '../../lib/format.js';
import type { Translate } from '../../lib/i18n.js';
import { usePrefsStore, useT } from '../../stores/prefs-store.js';
import { bandsFor, fitLabel, segmentAt } from './timeline-data.js';

const ONLINE = '#4cc2ff';
const GMV = '#f5b942';
const BAND = ['rgba(229, 72, 77, 0.16)', 'rgba(168, 85, 247, 0.16)'];
const BAND_LABEL = ['#ff8a8d', '#c9a2ff'];

type Props = { timeline: SessionTimeline; start: number; end: number; currency: string };

export function TimelineChart({ timeline, start, end, currency }: Props) {
  const t = useT();
  const lang = usePrefsStore((s) => s.lang);
  const bands = bandsFor(timeline.segments, end);
  return (
    <div className="chart" data-testid="timeline-chart">
      <div className="chart-legend">
        <span className="legend-item">
          <i style={{ background: ONLINE }} />
          {t('review.online')}
        </span>
        <span className="legend-item">
          <i style={{ background: GMV }} />
          {t('review.cumGmv')}
        </span>
        <span className="legend-item">
          <i className="legend-band" />
          {t('review.segments')}
        </span>
      </div>
      <ResponsiveContainer width="100%" height={360}>
        <ComposedChart data={timeline.points} margin={{ top: 24, right: 8, bottom: 0, left: 8 }}>
          <defs>
            <linearGradient id="gmv-fill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor={GMV} stopOpacity={0.35} />
              <stop offset="100%" stopColor={GMV} stopOpacity={0.02} />
            </linearGradient>
          </defs>
          <CartesianGrid stroke="#2a2f3a" strokeDasharray="2 4" vertical={false} />
          <XAxis
            dataKey="ts"
            type="number"
            scale="time"
            domain={[start, end]}
            // Minutes repeat on every tick of a short session: show seconds until it spans a quarter hour.
            tickFormatter={end - start < 15 * 60_000 ? formatTime : formatHourMinute}
            stroke="#5b6372"
            tick={{ fill: '#9aa3b2', fontSize: 12 }}
            minTickGap={48}
          />
          <YAxis
            yAxisId="online"
            stroke={ONLINE}
            tick={{ fill: '#9aa3b2', fontSize: 12 }}
            tickFormatter={(v: number) => formatCount(v)}
            allowDecimals={false}
            width={64}
          />
          <YAxis
            yAxisId="gmv"
            orientation="right"
            stroke={GMV}
            tick={{ fill: '#9aa3b2', fontSize: 12 }}
            tickFormatter={(v: number) => formatMoneyCompact(v, lang)}
            width={72}
          />
          {bands.map((b) => (
            <ReferenceArea
              key={b.key}
              yAxisId="online"
              x1={b.x1}
              x2={b.x2}
              fill={BAND[b.shade]}
              stroke="none"
              ifOverflow="hidden"
              label={(props: { viewBox?: { x?: number; y?: number; width?: number } }) => <BandLabel name={b.name} shade={b.shade} {...props} />}
            />
          ))}
          <Area yAxisId="gmv" type="stepAfter" dataKey="gmvFen" stroke={GMV} strokeWidth={2} fill="url(#gmv-fill)" isAnimationActive={false} />
          <Line yAxisId="online" type="monotone" dataKey="online" stroke={ONLINE} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          <Tooltip
            content={({ active, payload }) => (
              <ChartTooltip active={active} point={payload?.[0]?.payload as TimelinePoint | undefined} t={t} segments={timeline.segments} end={end} currency={currency} />
            )}
            cursor={{ stroke: '#6b7385', strokeWidth: 1 }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

function BandLabel({ name, shade, viewBox }: { name: string; shade: number; viewBox?: { x?: number; y?: number; width?: number } }) {
  const text = fitLabel(name, viewBox?.width ?? 0);
  if (!text || viewBox?.x === undefined || viewBox.y === undefined) return null;
  return (
    <text x={viewBox.x + 4} y={viewBox.y - 6} fill={BAND_LABEL[shade]} fontSize={12}>
      {text}
    </text>
  );
}

type TipProps = { active: boolean; point: TimelinePoint | undefined; t: Translate; segments: ExplainSegment[]; end: number; currency: string };

function ChartTooltip({ active, point, t, segments, end, currency }: TipProps) {
  if (!active || !point) return null;
  const seg = segmentAt(segments, point.ts, end);
  return (
    <div className="chart-tip">
      <div className="chart-tip-time mono">{formatTime(point.ts)}</div>
      <div>
        <i style={{ background: ONLINE }} />
        {t('review.online')} <strong>{formatCount(point.online)}</strong>
      </div>
      <div>
        <i style={{ background: GMV }} />
        {t('review.cumGmv')} <strong>{formatMoney(point.gmvFen, currency)}</strong>
      </div>
      <div className="dim">
        {t('review.orders')} {formatCount(point.orders)}
      </div>
      {seg ? <div className="chart-tip-seg">▍{seg.name}</div> : null}
    </div>
  );
}
