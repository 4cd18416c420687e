import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import type { ObsProfile, ObsProfileInput } from '../../contract.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { profileIdFor, useObsConfigStore } from './obs-config-store.js';

type PasswordMode = 'keep' | 'set' | 'clear';
type Draft = { id: string | null; name: string; url: string; mode: PasswordMode; password: string };

const NEW: Draft = { id: null, name: '', url: 'ws://127.0.0.1:4455', mode: 'set', password: '' };

/**
 * OBS connections: list, add, edit, delete, use. A password is write-only: the form never shows the
 * stored one, only whether there is one, and offers to keep it, replace it or clear it.
 */
export function ProfilesEditor() {
  const t = useT();
  const profiles = useObsConfigStore((s) => s.profiles);
  const { saveProfile, removeProfile, activate } = useObsConfigStore.getState();
  const startupUrl = useDeskStore((s) => s.state?.obs.url ?? '');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [deleting, setDeleting] = useState<ObsProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!profiles) return <p className="empty">{t('settings.loading')}</p>;

  const act = async (call: () => Promise<{ ok: boolean; message?: string }>) => {
    setBusy(true);
    setError(null);
    const outcome = await call();
    setBusy(false);
    if (!outcome.ok) setError(outcome.message ?? t('msg.unknown', { detail: '' }));
    return outcome.ok;
  };

  const save = async (d: Draft) => {
    const id = d.id ?? profileIdFor(d.name, profiles.profiles.map((p) => p.id));
    const input: ObsProfileInput = { name: d.name, url: d.url };
    if (d.mode === 'set') input.password = d.password;
    if (d.mode === 'clear') input.password = null;
    if (await act(() => saveProfile(id, input))) setDraft(null);
  };

  return (
    <div className="profiles" data-testid="obs-profiles">
      <p className="settings-hint">{t('settings.profilesHint')}</p>
      <ul className="profile-list">
        <li className={`profile-row ${profiles.active === null ? 'is-active' : ''}`} data-profile="">
          <div className="profile-main">
            <strong>{t('settings.startup')}</strong>
            {profiles.active === null ? <span className="mono dim">{startupUrl}</span> : null}
          </div>
          {profiles.active === null ? (
            <span className="badge badge-active">{t('settings.active')}</span>
          ) : (
            <button type="button" className="btn btn-small" disabled={busy} onClick={() => void act(() => activate(null))}>
              {t('settings.activate')}
            </button>
          )}
        </li>
        {profiles.profiles.map((p) => {
          const active = profiles.active === p.id;
          return (
            <li key={p.id} className={`profile-row ${active ? 'is-active' : ''}`} data-profile={p.id}>
              <div className="profile-main">
                <strong>{p.name}</strong>
                <span className="mono dim">{p.url}</span>
                <span className="profile-pw">{t(p.hasPassword ? 'settings.passwordStored' : 'settings.passwordNone')}</span>
              </div>
              {active ? (
                <span className="badge badge-active">{t('settings.active')}</span>
              ) : (
                <button type="button" className="btn btn-small btn-primary" data-testid="profile-activate" disabled={busy} onClick={() => void act(() => activate(p.id))}>
                  {t('settings.activate')}
                </button>
              )}
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => setDraft({ id: p.id, name: p.name, url: p.url, mode: 'keep', password: '' })}>
                {t('settings.edit')}
              </button>
              <button type="button" className="btn btn-small btn-danger-outline" disabled={busy || active} onClick={() => setDeleting(p)}>
                {t('settings.delete')}
              </button>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {draft ? (
        <ProfileForm draft={draft} isNew={draft.id === null} hasPassword={profiles.profiles.find((p) => p.id === draft.id)?.hasPassword ?? false} busy={busy} onChange={setDraft} onCancel={() => setDraft(null)} onSave={(d) => void save(d)} />
      ) : (
        <button type="button" className="btn btn-small" data-testid="profile-add" onClick={() => setDraft(NEW)}>
          + {t('settings.add')}
        </button>
      )}
      {deleting ? (
        <ConfirmDialog
          open
          danger
          title={t('settings.deleteTitle', { name: deleting.name })}
          confirmLabel={t('settings.delete')}
          cancelLabel={t('common.cancel')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            setDeleting(null);
            void act(() => removeProfile(deleting.id));
          }}
        >
          {t('settings.deleteBody')}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

type FormProps = { draft: Draft; isNew: boolean; hasPassword: boolean; busy: boolean; onChange(d: Draft): void; onCancel(): void; onSave(d: Draft): void };

function ProfileForm({ draft, isNew, hasPassword, busy, onChange, onCancel, onSave }: FormProps) {
  const t = useT();
  const modes: PasswordMode[] = isNew ? ['set', 'clear'] : ['keep', 'set', 'clear'];
  const label: Record<PasswordMode, string> = {
    keep: `${t('settings.passwordKeep')} (${t(hasPassword ? 'settings.passwordStored' : 'settings.passwordNone')})`,
    set: t('settings.passwordSet'),
    clear: t('settings.passwordClear'),
  };
  return (
    <form
      className="profile-form"
      data-testid="profile-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draft);
      }}
    >
      <label className="field">
        <span>{t('settings.name')}</span>
        <input className="input" name="name" value={draft.name} maxLength={100} required onChange={(e) => onChange({ ...draft, name: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('settings.url')}</span>
        <input className="input mono" name="url" value={draft.url} maxLength={2048} required onChange={(e) => onChange({ ...draft, url: e.target.value })} />
      </label>
      <fieldset className="field pw-modes">
        <legend>{t('settings.password')}</legend>
        {modes.map((mode) => (
          <label key={mode} className="radio">
            <input type="radio" name="pw-mode" value={mode} checked={draft.mode === mode} onChange={() => onChange({ ...draft, mode })} />
            {label[mode]}
          </label>
        ))}
        {draft.mode === 'set' ? (
          <input
            className="input"
            type="password"
            name="password"
            autoComplete="new-password"
            aria-label={t('settings.password')}
            value={draft.password}
            maxLength={256}
            onChange={(e) => onChange({ ...draft, password: e.target.value })}
          />
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="button" className="btn btn-small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-small btn-primary" data-testid="profile-save" disabled={busy || !draft.name.trim() || !draft.url.trim()}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}
