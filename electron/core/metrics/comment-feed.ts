import {
  coded,
  COMMENT_FEED_SIZE,
  commentKeywordsSchema,
  DEFAULT_COMMENT_KEYWORDS,
  parseOrThrow,
  type CodedText,
  type CommentFeedState,
  type CommentKeywords,
  type CommentPage,
  type FeedComment,
} from '../contract/index.js';
import type { SettingsRepo } from '../store/settings-repo.js';
import { maskName } from './personal-data.js';

export const COMMENT_KEYWORDS_KEY = 'comment-keywords';

/** A comment as ingest received it (the raw name is masked here, before anything keeps it). */
export interface RawComment {
  user: string;
  text: string;
  ts: number;
}

export interface CommentFeedDeps {
  settings: Pick<SettingsRepo, 'get' | 'set'>;
  alerts: { raise(id: string, level: 'warn', text: CodedText, ttlMs?: number): void };
  /** Puts the feed's newest seq and keywords into the desk state (the hub coalesces a burst into one push). */
  publish(feed: CommentFeedState): void;
}

/** A keyword alert stays a minute after its last hit: long enough to be seen, gone once the chat moves on. */
const KEYWORD_ALERT_MS = 60_000;
/** The alert quotes the comment, cut to what fits one line of the alerts panel. */
const QUOTE_CHARS = 60;

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The console's 弹幕 feed: the last COMMENT_FEED_SIZE comments of the live session, names masked,
 * and the controller's keyword alerts. Ingest runs at 10k events/s, so comments never ride in the
 * published desk state: only the newest seq does (`comments`), and the console asks for the ones after the
 * last it has (`GET /comments?after=`) when it moves. Keywords are one precompiled pattern, and a batch
 * raises at most one alert per keyword.
 */
export class CommentFeed {
  private readonly ring: FeedComment[] = [];
  private seq = 0;
  private sessionId: string | null = null;
  private words: CommentKeywords;
  private pattern: RegExp | null = null;

  constructor(private readonly deps: CommentFeedDeps) {
    this.words = load(deps.settings);
    this.pattern = compile(this.words);
    this.publish();
  }

  get keywords(): CommentKeywords {
    return this.words;
  }

  /** comments.keywords: stored, and matched from the next comment on. */
  setKeywords(body: unknown): CommentKeywords {
    const words = [...new Set(parseOrThrow(commentKeywordsSchema, body))];
    this.deps.settings.set(COMMENT_KEYWORDS_KEY, JSON.stringify(words));
    this.words = words;
    this.pattern = compile(words);
    this.publish();
    return words;
  }

  /** A session went live (started or resumed): its feed starts empty, not with the last show's comments. */
  follow(sessionId: string): void {
    if (sessionId === this.sessionId) return;
    this.sessionId = sessionId;
    this.ring.length = 0;
    this.publish();
  }

  /** The comments of a durable batch, in order. */
  record(sessionId: string, comments: readonly RawComment[]): void {
    this.follow(sessionId);
    const hits = new Map<string, FeedComment>();
    // A batch larger than the feed keeps only its newest comments: the older ones are only matched.
    const keptFrom = comments.length - COMMENT_FEED_SIZE;
    comments.forEach((c, i) => {
      const seq = ++this.seq;
      const keyword = this.pattern ? (this.pattern.exec(c.text)?.[0] ?? null) : null;
      if (i < keptFrom && keyword === null) return;
      const item: FeedComment = { seq, ts: c.ts, user: maskName(c.user), text: c.text, keyword };
      if (i >= keptFrom) this.ring.push(item);
      if (keyword !== null) hits.set(keyword, item);
    });
    if (this.ring.length > COMMENT_FEED_SIZE) this.ring.splice(0, this.ring.length - COMMENT_FEED_SIZE);
    if (comments.length) this.publish();
    for (const [keyword, item] of hits) {
      const quote = Array.from(item.text).slice(0, QUOTE_CHARS).join('');
      const text = coded('comment.keyword', { keyword, user: item.user, text: quote }, `comment with "${keyword}" from ${item.user}: ${quote}`);
      this.deps.alerts.raise(`comment:${keyword}`, 'warn', text, KEYWORD_ALERT_MS);
    }
  }

  private publish(): void {
    this.deps.publish({ seq: this.seq, sessionId: this.sessionId, keywords: this.words });
  }

  /** The kept comments newer than `after` (all of them for 0), oldest first. */
  after(after: number): CommentPage {
    const from = this.ring.findIndex((c) => c.seq > after);
    return { seq: this.seq, sessionId: this.sessionId, keywords: this.words, comments: from < 0 ? [] : this.ring.slice(from) };
  }
}

function compile(words: CommentKeywords): RegExp | null {
  // Longest first, so 退款 wins over 退 when both are watched.
  const sorted = [...words].sort((a, b) => b.length - a.length);
  return sorted.length ? new RegExp(sorted.map(escape).join('|'), 'i') : null;
}

function load(settings: Pick<SettingsRepo, 'get'>): CommentKeywords {
  const stored = settings.get(COMMENT_KEYWORDS_KEY);
  if (!stored) return DEFAULT_COMMENT_KEYWORDS;
  try {
    const parsed = commentKeywordsSchema.safeParse(JSON.parse(stored));
    if (parsed.success) return parsed.data;
  } catch {
    // A damaged setting falls back to the defaults instead of stopping the desk.
  }
  return DEFAULT_COMMENT_KEYWORDS;
}
