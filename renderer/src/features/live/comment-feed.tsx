import { useEffect, useState } from 'react';
import { Panel } from '../../components/panel.js';
import { commentKeywordsSchema, commentPageSchema, type FeedComment } from '../../contract.js';
import { whenLinked } from '../../lib/desk-link.js';
import { sayError, useT } from '../../stores/prefs-store.js';
import { LogRow } from './recent-log.js';

/** How often the console asks for new comments: the feed reads well at this pace and costs the core little. */
const POLL_MS = 1000;
/** Comments shown: the newest, like the core's ring. */
const SHOWN = 200;

const splitKeywords = (text: string) => text.split(/[,，、;；\s]+/).map((w) => w.trim()).filter(Boolean);

/**
 * The live 弹幕 feed. Comments arrive at ingest speed, so they are not in the pushed desk state: the
 * console asks for those after the last it has. Names come masked from the core (DESIGN §8). The
 * keywords the controller watches are a desk setting, changed by the `comments.keywords` action.
 */
export function CommentFeed() {
  const t = useT();
  const [comments, setComments] = useState<FeedComment[]>([]);
  const [keywords, setKeywords] = useState<string[]>([]);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let seq = 0;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const { api } = await whenLinked();
        const page = await api.get(`/comments?after=${seq}`, commentPageSchema);
        if (stopped) return;
        // A restarted core counts from zero again: start the feed over.
        const restarted = page.seq < seq;
        seq = page.seq;
        setKeywords(page.keywords);
        if (restarted || page.comments.length) setComments((old) => [...(restarted ? [] : old), ...page.comments].slice(-SHOWN));
      } catch {
        // The link's own status shows a lost core; the feed tries again on the next tick.
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

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
          value={draft ?? keywords.join('、')}
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
