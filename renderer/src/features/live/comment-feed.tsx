import { useEffect, useRef, useState } from 'react';
import { Panel } from '../../components/panel.js';
import { commentKeywordsSchema, commentPageSchema, type CommentPage, type FeedComment } from '../../contract.js';
import { whenLinked } from '../../lib/desk-link.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { sayError, useT } from '../../stores/prefs-store.js';
import { LogRow } from './recent-log.js';

/** The most often the console asks for new comments, however fast they come: the feed reads well at this pace. */
const MIN_GAP_MS = 1000;
/** Comments shown: the newest, like the core's ring. */
const SHOWN = 200;

const splitKeywords = (text: string) => text.split(/[,，、;；\s]+/).map((w) => w.trim()).filter(Boolean);

/**
 * The live 弹幕 feed. Comments arrive at ingest speed, so they are not in the pushed desk state; only
 * the feed's newest seq and keywords are (`comments`). The console asks for the comments after the last it
 * has when that moves, once when it mounts and when the link brings a whole new state (a resync), and
 * never while the room is quiet. Names come masked from the core (DESIGN §8). The keywords the
 * controller watches are a desk setting, changed by the `comments.keywords` action.
 */
export function CommentFeed() {
  const t = useT();
  // A new object when the feed moved, and on every full state: a patch that leaves the key out keeps it.
  const published = useDeskStore((s) => s.state?.comments);
  const [comments, setComments] = useState<FeedComment[]>([]);
  // null until the desk's words have loaded: the box is read-only until then, or what the controller
  // typed into the empty box would have the loaded words spliced around it.
  const [keywords, setKeywords] = useState<string[] | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fetcher = useRef<ReturnType<typeof feedFetcher> | null>(null);

  useEffect(() => {
    const feed = feedFetcher((page, restarted) => {
      setKeywords(page.keywords);
      if (restarted || page.comments.length) setComments((old) => [...(restarted ? [] : old), ...page.comments].slice(-SHOWN));
    });
    fetcher.current = feed;
    return () => {
      feed.stop();
      fetcher.current = null;
    };
  }, []);

  useEffect(() => {
    if (published) fetcher.current?.want();
  }, [published]);

  const save = async () => {
    if (draft === null) return;
    try {
      const { api } = await whenLinked();
      setKeywords(await api.send('PUT', '/comments/keywords', splitKeywords(draft), commentKeywordsSchema));
      setDraft(null);
      setError(null);
    } catch (err) {
      setError(sayError(err));
    }
  };

  return (
    <Panel title={t('comments.title')} className="log-panel comment-feed" testId="comment-feed">
      <form
        className="comment-keywords"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="now-label" htmlFor="comment-keywords">
          {t('comments.keywords')}
        </label>
        <input
          id="comment-keywords"
          className="input input-small"
          data-testid="comment-keywords"
          value={draft ?? keywords?.join('、') ?? ''}
          readOnly={keywords === null}
          placeholder={t('comments.keywordsPlaceholder')}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button className="btn btn-small" type="submit" disabled={draft === null}>
          {t('comments.save')}
        </button>
      </form>
      {error && <p className="form-error">{error}</p>}
      {!comments.length ? (
        <p className="empty">{t('comments.empty')}</p>
      ) : (
        <ol className="log">
          {comments
            .slice()
            .reverse()
            .map((c) => (
              <LogRow key={c.seq} ts={c.ts} label={c.user} detail={c.text} tone={c.keyword ? 'warn' : null} keyword={c.keyword ?? undefined} />
            ))}
        </ol>
      )}
    </Panel>
  );
}

/**
 * Fetches the comments after the last seq it has, one request at a time and at most one per MIN_GAP_MS;
 * a `want` while one is under way or too soon is kept and served after, so nothing published is missed.
 */
function feedFetcher(onPage: (page: CommentPage, restarted: boolean) => void) {
  let seq = 0;
  let sessionId: string | null = null;
  let stopped = false;
  let busy = false;
  let wanted = false;
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    busy = true;
    wanted = false;
    last = Date.now();
    try {
      const { api } = await whenLinked();
      const page = await api.get(`/comments?after=${seq}`, commentPageSchema);
      if (stopped) return;
      // A restarted core counts from zero again, and a new session starts an empty feed: start over.
      const restarted = page.seq < seq || page.sessionId !== sessionId;
      seq = page.seq;
      sessionId = page.sessionId;
      onPage(page, restarted);
    } catch {
      // The link's own status shows a lost core; the next published change (or resync) asks again.
    } finally {
      busy = false;
    }
    if (wanted && !stopped) want();
  };
  const want = () => {
    wanted = true;
    if (busy || timer !== undefined || stopped) return;
    const wait = last + MIN_GAP_MS - Date.now();
    if (wait <= 0) void run();
    else
      timer = setTimeout(() => {
        timer = undefined;
        void run();
      }, wait);
  };
  return {
    want,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
