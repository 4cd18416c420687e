import { useEffect, useState } from 'react';
import type { SessionNotes, SessionNotesReply } from '../../contract.js';
import { formatTime } from '../../lib/format.js';
import { sayError, useT } from '../../stores/prefs-store.js';
import { useReviewDeskStore } from '../../stores/review-desk-store.js';

type Draft = SessionNotes;

const toDraft = (n: SessionNotesReply | null): Draft => ({ notes: n?.notes ?? [], actions: n?.actions ?? [] });

/** Per-role notes and next actions typed in after the show; saved with the session (and its bundle). */
export function NotesEditor({ sessionId, notes }: { sessionId: string; notes: SessionNotesReply | null }) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => toDraft(notes));
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | string>('idle');
  useEffect(() => setDraft(toDraft(notes)), [notes]);
  const roles = [t('rv.roles.host'), t('rv.roles.control'), t('rv.roles.ops')].filter((r) => !draft.notes.some((n) => n.role === r));

  const save = async () => {
    setState('saving');
    try {
      const clean: Draft = { notes: draft.notes.filter((n) => n.role.trim()), actions: draft.actions.filter((a) => a.text.trim()) };
      await useReviewDeskStore.getState().saveNotes(sessionId, clean);
      setState('saved');
    } catch (err) {
      setState(sayError(err));
    }
  };
  const edit = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setState('idle');
  };

  return (
    <div className="rv-notes" data-testid="notes">
      {draft.notes.map((n, i) => (
        <div className="rv-note" key={i}>
          <input
            className="input rv-note-role"
            aria-label={t('rv.role')}
            value={n.role}
            onChange={(e) => edit({ notes: draft.notes.map((x, j) => (j === i ? { ...x, role: e.target.value } : x)) })}
          />
          <textarea
            className="input rv-note-text"
            aria-label={t('rv.note')}
            rows={3}
            value={n.text}
            onChange={(e) => edit({ notes: draft.notes.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })}
          />
        </div>
      ))}
      <div className="rv-note-add">
        {roles.map((role) => (
          <button type="button" key={role} className="btn btn-small" onClick={() => edit({ notes: [...draft.notes, { role, text: '' }] })}>
            + {role}
          </button>
        ))}
      </div>
      <h3>{t('rv.nextActions')}</h3>
      <ul className="rv-actions">
        {draft.actions.map((a, i) => (
          <li key={i}>
            <input
              type="checkbox"
              checked={a.done}
              aria-label="done"
              onChange={(e) => edit({ actions: draft.actions.map((x, j) => (j === i ? { ...x, done: e.target.checked } : x)) })}
            />
            <input
              className="input rv-action-text"
              value={a.text}
              onChange={(e) => edit({ actions: draft.actions.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })}
            />
            <input
              className="input rv-action-owner"
              placeholder={t('rv.owner')}
              value={a.owner}
              onChange={(e) => edit({ actions: draft.actions.map((x, j) => (j === i ? { ...x, owner: e.target.value } : x)) })}
            />
          </li>
        ))}
      </ul>
      <div className="rv-notes-foot">
        <button type="button" className="btn btn-small" onClick={() => edit({ actions: [...draft.actions, { text: '', owner: '', done: false }] })}>
          + {t('rv.addAction')}
        </button>
        <button type="button" className="btn btn-primary btn-small rv-notes-save" disabled={state === 'saving'} onClick={() => void save()}>
          {t('rv.save')}
        </button>
        {state === 'saved' ? <span className="ok-text">{t('rv.saved')}{notes?.updatedAt ? ` ${formatTime(notes.updatedAt)}` : ''}</span> : null}
        {state !== 'idle' && state !== 'saving' && state !== 'saved' ? <span className="error-text">{state}</span> : null}
      </div>
    </div>
  );
}
