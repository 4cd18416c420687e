import type { Curve, CurvePoint } from '../contract/index.js';
import type { CurveGroup } from '../store/review-repo.js';
import { ROLLUP_BUCKET_MS } from './rollup-fold.js';

export const MAX_CURVE_POINTS = 2000;

const maxN = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * The bucket size for a span: per minute by default (the review's unit), finer for short shows so a
 * ten-minute rehearsal still draws a curve, coarser only where a minute would pass `maxPoints`.
 */
export function pickBucketMs(spanMs: number, maxPoints = MAX_CURVE_POINTS, requested?: number): number {
  const floor = Math.ceil(spanMs / Math.max(1, Math.min(maxPoints, MAX_CURVE_POINTS)) / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;
  const wanted = requested ?? (spanMs < 30 * 60_000 ? ROLLUP_BUCKET_MS : 60_000);
  const rounded = Math.max(ROLLUP_BUCKET_MS, Math.round(wanted / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS);
  return Math.max(rounded, floor);
}

/**
 * The longest span a review draws. Stored times are bounded where they enter, but a row damaged on
 * disk could still say a show ended in the year 5000; every allocation sized from a span stops here.
 */
export const MAX_REVIEW_SPAN_MS = 7 * 86_400_000;

/** How many points a curve from `origin` to `end` has at `bucketMs` (never past MAX_REVIEW_SPAN_MS). */
export const curveLength = (origin: number, end: number, bucketMs: number) =>
  Math.max(1, Math.floor(Math.min(MAX_REVIEW_SPAN_MS, Math.max(end, origin) - origin) / Math.max(1, bucketMs)) + 1);

/**
 * Grouped rollups → dense curve points from `origin` (the show's start) to `end`, one per `bucketMs`.
 * Social counters take the larger of the counted events and the growth of the platform's cumulative
 * snapshot counter, so a connector that sends both is not counted twice.
 */
export function buildCurve(groups: readonly CurveGroup[], origin: number, end: number, bucketMs: number): Curve {
  const n = curveLength(origin, end, bucketMs);
  const byK = new Map(groups.map((g) => [g.k, g]));
  const points: CurvePoint[] = [];
  let viewers: number | null = null;
  let likesCum = 0;
  let commentsCum = 0;
  let followersCum = 0;
  let cumGmv = 0;
  let cumOrders = 0;
  const grow = (now: number | null, before: number) => (now === null ? 0 : Math.max(0, now - before));
  for (let k = 0; k < n; k++) {
    const g = byK.get(k);
    viewers = maxN(viewers, g?.viewers ?? null);
    const likes = Math.max(g?.likes ?? 0, grow(g?.likesCum ?? null, likesCum));
    const comments = Math.max(g?.comments ?? 0, grow(g?.commentsCum ?? null, commentsCum));
    const newFollowers = Math.max(g?.follows ?? 0, grow(g?.followersCum ?? null, followersCum));
    likesCum = Math.max(likesCum, g?.likesCum ?? 0);
    commentsCum = Math.max(commentsCum, g?.commentsCum ?? 0);
    followersCum = Math.max(followersCum, g?.followersCum ?? 0);
    cumGmv += g?.gmv ?? 0;
    cumOrders += g?.orders ?? 0;
    points.push({
      t: k * bucketMs,
      ts: origin + k * bucketMs,
      online: g?.online ?? null,
      onlineMax: g?.onlineMax ?? null,
      viewersUv: viewers,
      gmvFen: g?.gmv ?? 0,
      orders: g?.orders ?? 0,
      cumGmvFen: cumGmv,
      cumOrders,
      comments,
      likes,
      newFollowers,
    });
  }
  return { bucketMs, points };
}

/**
 * The largest fall of the per-minute online count over at most `windowMinutes` (each minute's last
 * reading, carried across minutes without one). Null when the audience never fell.
 */
export function biggestDrop(perMinute: readonly CurveGroup[], windowMinutes = 10): { i: number; j: number; from: number; to: number } | null {
  const n = perMinute.length ? Math.max(...perMinute.map((g) => g.k)) + 1 : 0;
  const online: (number | null)[] = new Array<number | null>(n).fill(null);
  for (const g of perMinute) online[g.k] = g.online;
  for (let k = 1; k < n; k++) if (online[k] === null) online[k] = online[k - 1] ?? null;
  let best: { i: number; j: number; from: number; to: number } | null = null;
  for (let i = 0; i < n; i++) {
    const from = online[i];
    if (from === null || from === undefined) continue;
    for (let j = i + 1; j <= Math.min(n - 1, i + windowMinutes); j++) {
      const to = online[j];
      if (to === null || to === undefined || to >= from) continue;
      if (!best || from - to > best.from - best.to) best = { i, j, from, to };
    }
  }
  return best;
}
