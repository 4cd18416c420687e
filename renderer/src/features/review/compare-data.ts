import type { CompareReply, CurvePoint } from '../../contract.js';

export type CurveKey = 'online' | 'cumGmvFen' | 'gmvFen' | 'orders' | 'viewersUv' | 'comments' | 'likes' | 'newFollowers';

/** Rows keyed by show time, one column per session, for one overlaid chart. */
export function alignByShowTime(compare: CompareReply, key: CurveKey): Record<string, number | null>[] {
  const length = Math.max(0, ...compare.sessions.map((s) => s.curve.points.length));
  return Array.from({ length }, (_, i) => {
    const row: Record<string, number | null> = { t: i * compare.bucketMs };
    compare.sessions.forEach((s, j) => {
      const p: CurvePoint | undefined = s.curve.points[i];
      row[`s${j}`] = p ? p[key] : null;
    });
    return row;
  });
}

