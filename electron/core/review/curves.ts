import type { Curve, CurvePoint } from '../contract/index.js';
import { ROLLUP_BUCKET_MS, type RollupRow } from './rollup-fold.js';

export const MAX_CURVE_POINTS = 2000;

interface Acc {
  online: number | null;
  onlineTs: number;
  onlineMax: number | null;
  viewers: number | null;
  likesCum: number | null;
  commentsCum: number | null;
  followersCum: number | null;
  gmv: number;
  orders: number;
  likes: number;
  comments: number;
  follows: number;
}

const newAcc = (): Acc => ({
  online: null, onlineTs: -1, onlineMax: null, viewers: null, likesCum: null, commentsCum: null, followersCum: null,
  gmv: 0, orders: 0, likes: 0, comments: 0, follows: 0,
});

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
 * Rollup rows → dense curve points from `origin` (the show's start) to `end`, one per `bucketMs`.
 * Social counters take the larger of the counted events and the growth of the platform's cumulative
 * snapshot counter, so a connector that sends both is not counted twice.
 */
export function buildCurve(rows: readonly RollupRow[], origin: number, end: number, bucketMs: number): Curve {
  const n = Math.max(1, Math.floor((Math.max(end, origin) - origin) / bucketMs) + 1);
  const accs: Acc[] = Array.from({ length: n }, newAcc);
  for (const r of rows) {
    const k = Math.min(n - 1, Math.max(0, Math.floor((r.bucket * ROLLUP_BUCKET_MS - origin) / bucketMs)));
    const a = accs[k] as Acc;
    if (r.online_last !== null && r.online_last_ts !== null && r.online_last_ts >= a.onlineTs) {
      a.online = r.online_last;
      a.onlineTs = r.online_last_ts;
    }
    a.onlineMax = maxN(a.onlineMax, r.online_max);
    a.viewers = maxN(a.viewers, r.viewers_cum);
    a.likesCum = maxN(a.likesCum, r.likes_cum);
    a.commentsCum = maxN(a.commentsCum, r.comments_cum);
    a.followersCum = maxN(a.followersCum, r.followers_cum);
    a.gmv += r.gmv_fen;
    a.orders += r.orders;
    a.likes += r.likes;
    a.comments += r.comments;
    a.follows += r.follows;
  }
  const points: CurvePoint[] = [];
  let viewers: number | null = null;
  let likesCum = 0;
  let commentsCum = 0;
  let followersCum = 0;
  let cumGmv = 0;
  let cumOrders = 0;
  accs.forEach((a, k) => {
    viewers = maxN(viewers, a.viewers);
    const grow = (now: number | null, before: number) => (now === null ? 0 : Math.max(0, now - before));
    const likes = Math.max(a.likes, grow(a.likesCum, likesCum));
    const comments = Math.max(a.comments, grow(a.commentsCum, commentsCum));
    const newFollowers = Math.max(a.follows, grow(a.followersCum, followersCum));
    likesCum = Math.max(likesCum, a.likesCum ?? 0);
    commentsCum = Math.max(commentsCum, a.commentsCum ?? 0);
    followersCum = Math.max(followersCum, a.followersCum ?? 0);
    cumGmv += a.gmv;
    cumOrders += a.orders;
    points.push({
      t: k * bucketMs,
      ts: origin + k * bucketMs,
      online: a.online,
      onlineMax: a.onlineMax,
      viewersUv: viewers,
      gmvFen: a.gmv,
      orders: a.orders,
      cumGmvFen: cumGmv,
      cumOrders,
      comments,
      likes,
      newFollowers,
    });
  });
  return { bucketMs, points };
}

/** Whole-session audience totals from the rollups (see `buildCurve` for the social counters). */
export function rollupTotals(rows: readonly RollupRow[], origin: number, end: number) {
  let gmvFen = 0, orders = 0, refundsFen = 0, likes = 0, comments = 0, follows = 0;
  let peak: number | null = null, viewers: number | null = null, views: number | null = null;
  let likesCum: number | null = null, commentsCum: number | null = null, followersCum: number | null = null;
  let exposures: number | null = null, clicks: number | null = null;
  for (const r of rows) {
    gmvFen += r.gmv_fen;
    orders += r.orders;
    refundsFen += r.refunds_fen;
    likes += r.likes;
    comments += r.comments;
    follows += r.follows;
    peak = maxN(peak, r.online_max);
    viewers = maxN(viewers, r.viewers_cum);
    views = maxN(views, r.views_cum);
    likesCum = maxN(likesCum, r.likes_cum);
    commentsCum = maxN(commentsCum, r.comments_cum);
    followersCum = maxN(followersCum, r.followers_cum);
    exposures = maxN(exposures, r.exposures_cum);
    clicks = maxN(clicks, r.clicks_cum);
  }
  // 平均在线 (kpi.md): the mean of per-minute online values, each minute's last reading.
  const perMinute = buildCurve(rows, origin, end, 60_000).points.filter((p) => p.online !== null);
  const avgOnline = perMinute.length ? Math.round(perMinute.reduce((s, p) => s + (p.online as number), 0) / perMinute.length) : null;
  return {
    gmvFen,
    orders,
    refundsFen,
    peakOnline: peak,
    avgOnline,
    viewersUv: viewers,
    viewsPv: views,
    likes: Math.max(likes, likesCum ?? 0),
    comments: Math.max(comments, commentsCum ?? 0),
    newFollowers: Math.max(follows, followersCum ?? 0),
    productExposures: exposures,
    productClicks: clicks,
  };
}
