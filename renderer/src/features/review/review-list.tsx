import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import type { ReviewListItem } from '../../contract.js';
import { formatCount, formatDateTime, formatDuration, formatMoney } from '../../lib/format.js';
import { hrefFor, navigate } from '../../lib/router.js';
import { sayError, useT } from '../../stores/prefs-store.js';
import { useReviewDeskStore } from '../../stores/review-desk-store.js';
import { ExportMenu } from './export-menu.js';
import { parseTags } from './review-format.js';
import { StatusBadge } from './status-badge.js';

/** Every session: search and filter, select for compare or export, rename, tag, delete, open a bundle. */
export function ReviewList() {
  const t = useT();
  const items = useReviewDeskStore((s) => s.items);
  const filter = useReviewDeskStore((s) => s.filter);
  const allTags = useReviewDeskStore((s) => s.allTags);
  const error = useReviewDeskStore((s) => s.listError);
  const selected = useReviewDeskStore((s) => s.selected);
  const [loaded, setLoaded] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ReviewListItem | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const store = useReviewDeskStore.getState;

  useEffect(() => {
    void store().loadList().then(() => setLoaded(true));
  }, [store]);

  const openBundle = async (file: File) => {
    try {
      const reply = await store().openBundle(file);
      setNotice({ ok: true, text: reply.imported.length ? t('rv.opened', { n: reply.imported.length, file: file.name }) : t('rv.openedNone', { file: file.name }) });
    } catch (err) {
      setNotice({ ok: false, text: t('rv.openFailed', { file: file.name, reason: sayError(err) }) });
    }
  };

  return (
    <main className="review" data-testid="review-list">
      <div className="review-head">
        <h1>{t('review.title')}</h1>
        <span className="count">{items.length}</span>
        <span className="rv-spacer" />
        <button type="button" className="btn btn-small" data-testid="open-bundle" onClick={() => fileInput.current?.click()}>
          {t('rv.openBundle')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".ldbundle,application/vnd.sqlite3"
          hidden
          data-testid="bundle-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void openBundle(file);
          }}
        />
      </div>
      {notice ? (
        <p className={notice.ok ? 'rv-notice ok-text' : 'rv-notice error-text'} data-testid="bundle-notice" role="status">
          {notice.text}
        </p>
      ) : null}
      <div className="rv-filters" data-testid="review-filters">
        <input className="input rv-search" type="search" placeholder={t('rv.search')} value={filter.q} onChange={(e) => store().setFilter({ q: e.target.value })} />
        <label>
          {t('rv.from')} <input className="input" type="date" value={filter.from} onChange={(e) => store().setFilter({ from: e.target.value })} />
        </label>
        <label>
          {t('rv.to')} <input className="input" type="date" value={filter.to} onChange={(e) => store().setFilter({ to: e.target.value })} />
        </label>
        <select className="input" aria-label={t('rv.tags')} value={filter.tag} onChange={(e) => store().setFilter({ tag: e.target.value })}>
          <option value="">{t('rv.allTags')}</option>
          {allTags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => store().setFilter({ q: '', from: '', to: '', tag: '' })}>
          {t('rv.clear')}
        </button>
        <span className="rv-spacer" />
        <button
          type="button"
          className="btn btn-small btn-primary"
          data-testid="compare-selected"
          disabled={selected.length < 2}
          onClick={() => navigate({ name: 'review-compare', ids: selected })}
        >
          {t('rv.compare', { n: selected.length })}
        </button>
        {selected.length ? <ExportMenu ids={selected} /> : null}
      </div>
      <section className="panel">
        <table className="table sessions-table">
          <thead>
            <tr>
              <th aria-label={t('rv.select')} />
              <th>{t('review.date')}</th>
              <th>{t('review.sessionTitle')}</th>
              <th className="num">{t('review.duration')}</th>
              <th className="num">{t('review.gmv')}</th>
              <th className="num">{t('review.orders')}</th>
              <th className="num">{t('review.peak')}</th>
              <th>{t('review.status')}</th>
              <th>{t('rv.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} data-session={s.id}>
                <td>
                  <input type="checkbox" aria-label={t('rv.select')} checked={selected.includes(s.id)} onChange={() => store().toggleSelected(s.id)} />
                </td>
                <td className="mono dim">{formatDateTime(s.startedAt)}</td>
                <td>{editing === s.id ? <EditRow item={s} onDone={() => setEditing(null)} /> : <TitleCell item={s} />}</td>
                <td className="num">{formatDuration(s.durationMs)}</td>
                <td className="num strong">{formatMoney(s.gmvFen, s.currency)}</td>
                <td className="num">{formatCount(s.orders)}</td>
                <td className="num">{formatCount(s.peakOnline)}</td>
                <td>
                  <StatusBadge status={s.status} />
                </td>
                <td className="rv-row-actions">
                  <button type="button" className="btn btn-small btn-ghost" data-action="edit" onClick={() => setEditing(s.id)}>
                    {t('rv.rename')}
                  </button>
                  <button type="button" className="btn btn-small btn-danger-outline" data-action="delete" disabled={s.status === 'live'} onClick={() => setDeleting(s)}>
                    {t('rv.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!loaded ? <p className="empty">{t('review.loading')}</p> : null}
        {error ? <p className="empty error-text">{error}</p> : null}
        {loaded && !error && items.length === 0 ? <p className="empty">{t('review.empty')}</p> : null}
      </section>
      <ConfirmDialog
        open={deleting !== null}
        title={t('rv.deleteTitle')}
        confirmLabel={t('rv.delete')}
        cancelLabel={t('rv.cancel')}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const target = deleting;
          setDeleting(null);
          if (target) store().deleteSession(target.id).catch((err: unknown) => setNotice({ ok: false, text: sayError(err) }));
        }}
      >
        {t('rv.deleteBody', { title: deleting?.title ?? '' })}
      </ConfirmDialog>
    </main>
  );
}

function TitleCell({ item }: { item: ReviewListItem }) {
  const t = useT();
  const to = { name: 'review-session' as const, id: item.id };
  return (
    <>
      <a
        href={hrefFor(to)}
        className="session-link"
        onClick={(e) => {
          e.preventDefault();
          navigate(to);
        }}
      >
        {item.title}
      </a>
      {item.rehearsal ? <span className="badge badge-rehearsal badge-inline">{t('review.rehearsal')}</span> : null}
      {item.tags.map((tag) => (
        <button type="button" key={tag} className="rv-tag" onClick={() => useReviewDeskStore.getState().setFilter({ tag })}>
          {tag}
        </button>
      ))}
    </>
  );
}

function EditRow({ item, onDone }: { item: ReviewListItem; onDone(): void }) {
  const t = useT();
  const [title, setTitle] = useState(item.title);
  const [tags, setTags] = useState(item.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="rv-edit"
      onSubmit={(e) => {
        e.preventDefault();
        useReviewDeskStore
          .getState()
          .patchSession(item.id, { title, tags: parseTags(tags) })
          .then(onDone, (err: unknown) => setError(sayError(err)));
      }}
    >
      <input className="input rv-edit-title" aria-label={t('rv.rename')} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
      <input className="input rv-edit-tags" aria-label={t('rv.tags')} placeholder={t('rv.tagsHint')} value={tags} onChange={(e) => setTags(e.target.value)} />
      <button type="submit" className="btn btn-small btn-primary">
        {t('rv.save')}
      </button>
      <button type="button" className="btn btn-small btn-ghost" onClick={onDone}>
        {t('rv.cancel')}
      </button>
      {error ? <span className="error-text">{error}</span> : null}
    </form>
  );
}
