import {
  DEFAULT_BASIS,
  coded,
  DeskError,
  type KpiBasisPrefs,
  type CompareReply,
  type ProductStats,
  type ReviewKpis,
  type ReviewListItem,
  type SessionReview,
  type SessionSummary,
} from '../contract/index.js';
import type { CommerceRepo } from '../store/commerce-repo.js';
import type { CurveGroup, MarkRow, ReviewRepo } from '../store/review-repo.js';
import type { SessionsRepo } from '../store/sessions-repo.js';
import { deriveKpis } from '../metrics/kpi-derive.js';
import { OnlineAverage } from '../metrics/online-average.js';
import { biggestDrop, buildCurve, curveLength, MAX_REVIEW_SPAN_MS, pickBucketMs } from './curves.js';
import { compareRates } from './compare-rates.js';
import { buildLanes } from './lanes.js';
import { productStats, segmentStats } from './product-stats.js';

export interface ReviewQueryRepos {
  sessions: SessionsRepo;
  commerce: CommerceRepo;
  review: ReviewRepo;
}

export interface ListFilter {
  q?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  tag?: string | undefined;
}

/** How many earlier sessions the "your average" card looks back over. */
const AVERAGE_OVER = 30;

/**
 * The 复盘 questions, answered from the rollups and the small tables beside the log — never by
 * scanning the raw log, so a 12-hour, 2M-event session answers as fast as a short one (DESIGN §7).
 */
export class ReviewQueries {
  private readonly kpiCache = new Map<string, { key: string; kpis: ReviewKpis }>();

  constructor(
    private readonly repos: ReviewQueryRepos,
    private readonly now: () => number,
    /** The basis each ratio uses: the live desk's setting, so both give the same value. */
    private readonly basis: () => KpiBasisPrefs = () => DEFAULT_BASIS,
  ) {}

  list(filter: ListFilter = {}): ReviewListItem[] {
    const tags = this.repos.review.allTags();
    const q = filter.q?.trim().toLowerCase();
    return this.repos.sessions
      .list()
      .filter((s) => filter.from === undefined || s.startedAt >= filter.from)
      .filter((s) => filter.to === undefined || s.startedAt < filter.to)
      .filter((s) => !filter.tag || (tags.get(s.id) ?? []).includes(filter.tag))
      .filter((s) => !q || s.title.toLowerCase().includes(q) || s.id.toLowerCase().includes(q) || (tags.get(s.id) ?? []).some((t) => t.toLowerCase().includes(q)))
      .map((s) => this.listItem(s, tags.get(s.id) ?? []));
  }

  review(id: string, options: { bucketMs?: number | undefined } = {}): SessionReview {
    const session = this.require(id);
    const end = this.endOf(session);
    const kpis = this.kpis(session);
    const segments = segmentStats(this.repos.review, id, this.repos.sessions.segments(id), end);
    const marks = this.repos.review.marks(id);
    const totals = this.repos.review.rollupTotals(id);
    const peers = this.repos.sessions
      .list()
      .filter((s) => s.id !== id && s.rehearsal === session.rehearsal && s.status !== 'live' && s.startedAt < session.startedAt);
    const prev = peers[0];
    const averageOver = peers.slice(0, AVERAGE_OVER).map((s) => this.kpis(s));
    // One pass over the rollups serves both the per-minute curve (the usual resolution) and the drop.
    const perMinute = this.repos.review.curveGroups(id, 60_000, curveLength(session.startedAt, end, 60_000));
    const bucketMs = pickBucketMs(end - session.startedAt, undefined, options.bucketMs);
    return {
      session: { ...session, tags: this.repos.review.tags(id), durationMs: kpis.durationMs, gmvFen: kpis.gmvFen, orders: kpis.orders, peakOnline: kpis.peakOnline },
      kpis,
      previous: prev ? { id: prev.id, title: prev.title, startedAt: prev.startedAt, kpis: this.kpis(prev) } : null,
      average: averageOver.length ? { sessions: averageOver.length, kpis: averageKpis(averageOver) } : null,
      curve: bucketMs === 60_000 ? buildCurve(perMinute, session.startedAt, end, bucketMs) : this.curve(session, bucketMs),
      segments,
      lanes: buildLanes(marks, laneEnd(session, marks, end)),
      funnel: { viewersUv: totals.viewersUv, productExposures: totals.productExposures, productClicks: totals.productClicks, buyers: kpis.buyers },
      audienceDrop: this.audienceDrop(session, perMinute, segments),
    };
  }

  private audienceDrop(session: SessionSummary, perMinute: readonly CurveGroup[], segments: readonly { sku: string; name: string; startedAt: number; endedAt: number }[]) {
    const drop = biggestDrop(perMinute);
    if (!drop) return null;
    const from = session.startedAt + drop.i * 60_000;
    const to = session.startedAt + drop.j * 60_000;
    const during = segments.find((s) => s.startedAt <= to && to < s.endedAt) ?? null;
    return { from, to, onlineFrom: drop.from, onlineTo: drop.to, sku: during?.sku ?? null, name: during?.name ?? null };
  }

  products(id: string): ProductStats[] {
    const session = this.require(id);
    const end = this.endOf(session);
    this.repos.review.catchUp(id);
    const marks = this.repos.review.marks(id);
    const segments = segmentStats(this.repos.review, id, this.repos.sessions.segments(id), end);
    return productStats(this.repos.review, id, segments, buildLanes(marks, laneEnd(session, marks, end)), marks);
  }

  /** Sessions side by side on show time (ms since each one's start), on one shared bucket size. */
  compare(ids: readonly string[]): CompareReply {
    if (ids.length < 2) throw new DeskError('bad_request', coded('review.compareTooFew', {}, 'ids: name at least two sessions to compare'), { field: 'ids' });
    if (ids.length > 8) throw new DeskError('bad_request', coded('review.compareTooMany', { max: 8 }, 'ids: compare at most 8 sessions at once'), { field: 'ids' });
    const sessions = ids.map((id) => this.require(id));
    const span = Math.max(...sessions.map((s) => this.endOf(s) - s.startedAt));
    const bucketMs = pickBucketMs(span);
    return {
      bucketMs,
      sessions: sessions.map((s) => {
        const kpis = this.kpis(s);
        const products = this.products(s.id);
        return { session: this.listItem(s, this.repos.review.tags(s.id)), kpis, rates: compareRates(kpis, products), curve: this.curve(s, bucketMs), products };
      }),
    };
  }

  /**
   * Whole-session KPIs; a finished session's are kept until its log, end or basis changes. The
   * counters come from the rollups and every KPI from `deriveKpis`, the function the live desk uses.
   */
  kpis(session: SessionSummary): ReviewKpis {
    const review = this.repos.review;
    review.catchUp(session.id);
    const basis = this.basis();
    const key = `${review.cursor(session.id)}:${session.endedAt ?? 'live'}:${JSON.stringify(basis)}`;
    const cached = this.kpiCache.get(session.id);
    if (cached && cached.key === key && session.endedAt !== null) return cached.kpis;
    const end = this.endOf(session);
    const t = review.rollupTotals(session.id);
    const segments = this.repos.sessions.segments(session.id);
    const buyers = review.buyers(session.id);
    const average = new OnlineAverage(session.startedAt);
    for (const g of review.curveGroups(session.id, 60_000, curveLength(session.startedAt, end, 60_000))) {
      if (g.online !== null) average.add(session.startedAt + g.k * 60_000, g.online);
    }
    // As KpiTracker.view: a platform's cumulative counter wins over the count of single events.
    const d = deriveKpis(
      {
        gmvFen: t.gmvFen,
        orders: t.orders,
        buyers,
        averageOnline: average.value,
        watchSeconds: t.watchMs / 1000,
        viewersUv: t.viewersUv ?? review.people(session.id, 'viewer'),
        viewsPv: t.viewsPv ?? t.enters,
        likes: t.likesCum ?? t.likes,
        comments: t.commentsCum ?? t.comments,
        newFollowers: t.followersCum ?? review.people(session.id, 'follower'),
        interactors: review.people(session.id, 'interactor'),
        productExposures: t.productExposures ?? 0,
        productClicks: t.productClicks ?? 0,
        adSpendFen: t.adSpendFen ?? 0,
        refundFen: t.refundsFen,
        products: [],
      },
      basis,
    );
    const kpis: ReviewKpis = {
      durationMs: end - session.startedAt,
      gmvFen: t.gmvFen,
      refundsFen: t.refundsFen,
      orders: t.orders,
      buyers,
      peakOnline: t.peakOnline,
      avgOnline: d.averageOnline,
      viewersUv: d.viewersUv,
      viewsPv: d.viewsPv,
      likes: d.likes,
      comments: d.comments,
      newFollowers: d.newFollowers,
      explains: segments.length,
      explainMs: segments.reduce((sum, s) => sum + Math.max(0, (s.endedAt ?? end) - s.startedAt), 0),
      perBuyerFen: d.perBuyerFen.value,
      perOrderFen: d.aovFen.value,
      gpmFen: d.gpmFen.value,
      conversion: d.conversion.value,
      detail: d,
    };
    this.kpiCache.set(session.id, { key, kpis });
    return kpis;
  }

  require(id: string): SessionSummary {
    const session = this.repos.sessions.get(id);
    if (!session) throw new DeskError('not_found', coded('session.notFound', { id }, `no session with id "${id}"`));
    return session;
  }

  /** Just the curves at another resolution (a redraw), without the cards, lanes and segments. */
  curveOf(id: string, bucketMs: number) {
    const session = this.require(id);
    return this.curve(session, pickBucketMs(this.endOf(session) - session.startedAt, undefined, bucketMs));
  }

  /** Catches the rollups up with the log first: a no-op for a finished session already built. */
  private curve(session: SessionSummary, bucketMs: number) {
    const end = this.endOf(session);
    this.repos.review.catchUp(session.id);
    const groups = this.repos.review.curveGroups(session.id, bucketMs, curveLength(session.startedAt, end, bucketMs));
    return buildCurve(groups, session.startedAt, end, bucketMs);
  }

  private endOf(session: SessionSummary): number {
    // Clamped: a damaged end (years ahead) must not size the review's curves and lanes.
    return Math.min(session.endedAt ?? Math.max(this.now(), session.startedAt), session.startedAt + MAX_REVIEW_SPAN_MS);
  }

  private listItem(s: SessionSummary, tags: string[]): ReviewListItem {
    const totals = this.repos.commerce.totals(s.id);
    return { ...s, tags, durationMs: this.endOf(s) - s.startedAt, gmvFen: totals.gmvFen, orders: totals.orders, peakOnline: totals.peakOnline };
  }
}

/** The mean of each KPI over sessions that have it (a null is "not measured", not zero). */
export function averageKpis(all: readonly ReviewKpis[]): ReviewKpis {
  const keys = (Object.keys(all[0] as ReviewKpis) as (keyof ReviewKpis)[]).filter((k) => k !== 'detail');
  const out = {} as Record<keyof ReviewKpis, number | null>;
  for (const key of keys) {
    const values = all.map((k) => k[key]).filter((v): v is number => typeof v === 'number');
    const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
    out[key] = mean === null || key === 'conversion' || key === 'avgOnline' ? mean : Math.round(mean);
  }
  return { ...(out as Omit<ReviewKpis, 'detail'>), detail: null };
}

/**
 * Where a review's lanes are cut: the show's end, or for a live show its newest mark — a sell-out ends
 * just after the order that sold it out, by that order's own ts, which a fast platform clock can stamp
 * a moment ahead of ours; the live desk counts that sale whole, so the review must not cut it short.
 */
function laneEnd(session: SessionSummary, marks: readonly MarkRow[], end: number): number {
  return session.endedAt ? end : Math.max(end, marks.at(-1)?.ts ?? end);
}
