import type { HistoryPoint } from './kpi-feed.js';

/** A bare line of the last minutes' values; no axes: it is for the trend, the tiles carry the numbers. */
export function Sparkline({ points, pick, width, height, testId }: { points: readonly HistoryPoint[]; pick(p: HistoryPoint): number | null; width: number; height: number; testId?: string }) {
  const values = points.map(pick).filter((v): v is number => v !== null);
  if (values.length < 2) return <svg className="sparkline" width={width} height={height} data-testid={testId} aria-hidden />;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = width / (values.length - 1);
  const coords = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 4 - ((v - min) / span) * (height - 8)).toFixed(1)}`);
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} data-testid={testId} aria-hidden>
      <polyline points={`0,${height} ${coords.join(' ')} ${width},${height}`} className="sparkline-fill" />
      <polyline points={coords.join(' ')} className="sparkline-line" />
    </svg>
  );
}
