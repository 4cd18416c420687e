import { memo, useCallback, useRef } from 'react';
import { Area, AreaChart, Brush, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { CurvePoint } from '../../contract.js';
import { axisClock } from './review-format.js';

export type BrushRange = [number, number];

const BRUSH_PX = 22;

type Props = {
  points: readonly CurvePoint[];
  bucketMs: number;
  yWidth: number;
  margin: { top: number; right: number; bottom: number; left: number };
  onChange(range: BrushRange): void;
};

/**
 * The whole show's cumulative GMV with the zoom brush under it. The brush keeps its own position while
 * dragged and only reports the range: the panel's re-renders (every brush move, every hover) leave
 * these charts alone, where a controlled brush re-drew its chart of every bucket on each (issue 15).
 */
export const ZoomBrush = memo(function ZoomBrush({ points, bucketMs, yWidth, margin, onChange }: Props) {
  const last = points.length - 1;
  const fullSpan = (points.at(-1)?.t ?? 0) + bucketMs;
  // The travellers' labels read to the second once the window is narrow: the span is the brush's own
  // latest range, read when the brush draws its labels (it re-renders itself on every move).
  const span = useRef(fullSpan);
  const report = useCallback(
    (r: { startIndex?: number; endIndex?: number }) => {
      const [i0, i1] = [r.startIndex ?? 0, r.endIndex ?? last];
      span.current = (points[i1]?.t ?? 0) + bucketMs - (points[i0]?.t ?? 0);
      onChange([i0, i1]);
    },
    [points, bucketMs, last, onChange],
  );
  return (
    <>
      <ResponsiveContainer width="100%" height={64 - BRUSH_PX}>
        <AreaChart data={points as CurvePoint[]} margin={margin}>
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => axisClock(v, fullSpan)} tick={{ fill: '#8a93a3', fontSize: 11 }} minTickGap={40} />
          <YAxis width={yWidth} tick={false} axisLine={false} />
          <Area dataKey="cumGmvFen" stroke="#f5b942" fill="rgba(245,185,66,0.15)" isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
      {/* The brush in a chart of its own: recharts narrows the data of the chart that holds a brush to
          the brush's window, so the overview above drew only the zoomed part and re-drew it (axis
          ticks measured anew) on every move. It keeps every bucket: zooming reaches a single one. */}
      <ResponsiveContainer width="100%" height={BRUSH_PX}>
        <AreaChart data={points as CurvePoint[]} margin={{ top: 0, right: margin.right, bottom: 0, left: margin.left + yWidth }}>
          <Brush dataKey="t" height={BRUSH_PX} stroke="#3e7bfa" fill="#14171d" travellerWidth={8} tickFormatter={(v: number) => axisClock(v, span.current)} onChange={report} />
        </AreaChart>
      </ResponsiveContainer>
    </>
  );
});
