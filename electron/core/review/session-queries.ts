import { coded, DeskError, type SessionDetail, type SessionListItem, type SessionTimeline } from '../contract/index.js';
import type { CommerceRepo } from '../store/commerce-repo.js';
import type { SessionsRepo } from '../store/sessions-repo.js';

export const MAX_TIMELINE_POINTS = 2000;
const DETAIL_EVENT_LIMIT = 2000;

export interface ReviewRepos {
  sessions: SessionsRepo;
  commerce: CommerceRepo;
}

/** Read-only questions review asks about past (and live) sessions. */
export class SessionQueries {
  constructor(
    private readonly repos: ReviewRepos,
    private readonly now: () => number,
  ) {}

  list(): SessionListItem[] {
    return this.repos.sessions.list().map((s) => ({ ...s, totals: this.repos.commerce.totals(s.id) }));
  }

  detail(id: string): SessionDetail {
    const session = this.require(id);
    const events = this.repos.sessions.events(id, { limit: DETAIL_EVENT_LIMIT + 1 });
    return {
      ...session,
      totals: this.repos.commerce.totals(id),
      segments: this.repos.sessions.segments(id),
      events: events.slice(0, DETAIL_EVENT_LIMIT),
      eventsTruncated: events.length > DETAIL_EVENT_LIMIT,
    };
  }

  timeline(id: string, maxPoints: number): SessionTimeline {
    const session = this.require(id);
    const points = Math.min(MAX_TIMELINE_POINTS, Math.max(10, Math.floor(maxPoints)));
    const end = session.endedAt ?? this.now();
    const { bucketMs, points: rows } = this.repos.commerce.timeline(id, session.startedAt, end, points);
    return { sessionId: id, bucketMs, points: rows, segments: this.repos.sessions.segments(id) };
  }

  private require(id: string) {
    const session = this.repos.sessions.get(id);
    if (!session) throw new DeskError('not_found', coded('session.notFound', { id }, `no session with id "${id}"`));
    return session;
  }
}
