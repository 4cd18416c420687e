import { useEffect, useRef, useState } from 'react';
import type { ObsSettings } from '../../contract.js';
import { useConnectionStore } from '../../stores/connection-store.js';
import { useT } from '../../stores/prefs-store.js';
import { NativeCardForm } from './native-card-form.js';
import { useObsConfigStore } from './obs-config-store.js';
import { ProfilesEditor } from './profiles-editor.js';
import { ShowSettingsForm } from './show-settings-form.js';

type Tab = 'profiles' | 'show' | 'card';

/** The gear in the top bar; also opened from the OBS connection card. */
export function ObsSettingsButton() {
  const t = useT();
  const open = useObsConfigStore((s) => s.openDialog);
  const linkUp = useConnectionStore((s) => s.socket.kind === 'open');
  return (
    <>
      <button type="button" className="btn btn-small btn-ghost obs-settings-btn" data-testid="obs-settings-open" disabled={!linkUp} title={t('obs.settings')} onClick={open}>
        <GearIcon /> <span className="obs-settings-label">{t('obs.settingsShort')}</span>
      </button>
      <ObsSettingsDialog />
    </>
  );
}

/** Names the first field whose number is missing, so a half-typed threshold never reaches the core. */
function firstBadNumber(s: ObsSettings): string | null {
  const bad = Object.entries(s.health).find(([, v]) => !Number.isFinite(v));
  return bad ? `health.${bad[0]}: a number is required` : null;
}

export function ObsSettingsDialog() {
  const t = useT();
  const open = useObsConfigStore((s) => s.dialogOpen);
  const close = useObsConfigStore((s) => s.closeDialog);
  const settings = useObsConfigStore((s) => s.settings);
  const loadError = useObsConfigStore((s) => s.loadError);
  const ref = useRef<HTMLDialogElement>(null);
  const [tab, setTab] = useState<Tab>('profiles');
  const [draft, setDraft] = useState<ObsSettings | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      setStatus(null);
      void useObsConfigStore.getState().load();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // A fresh copy of what the core has each time the dialog opens or the settings are saved.
  useEffect(() => {
    if (open && settings) setDraft(settings);
  }, [open, settings]);

  const save = async () => {
    if (!draft) return;
    const bad = firstBadNumber(draft);
    if (bad) return setStatus({ ok: false, text: bad });
    const outcome = await useObsConfigStore.getState().saveSettings(draft);
    setStatus(outcome.ok ? { ok: true, text: t('settings.saved') } : { ok: false, text: outcome.field ? `${outcome.field}: ${outcome.message}` : outcome.message });
  };

  const tabs: { id: Tab; label: string }[] = [
    { id: 'profiles', label: t('settings.tabProfiles') },
    { id: 'show', label: t('settings.tabShow') },
    { id: 'card', label: t('settings.tabCard') },
  ];

  return (
    <dialog
      ref={ref}
      className="settings-dialog"
      data-testid="obs-settings"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <header className="settings-head">
        <h3>{t('settings.title')}</h3>
        <nav className="tabs" role="tablist">
          {tabs.map((x) => (
            <button key={x.id} type="button" role="tab" aria-selected={tab === x.id} data-tab={x.id} className={`tab ${tab === x.id ? 'tab-current' : ''}`} onClick={() => setTab(x.id)}>
              {x.label}
            </button>
          ))}
        </nav>
        <button type="button" className="btn btn-small btn-ghost" onClick={close} aria-label={t('settings.close')}>
          ✕
        </button>
      </header>
      <div className="settings-body">
        {loadError ? (
          <p className="form-error" role="alert">
            {loadError}
          </p>
        ) : null}
        {open && tab === 'profiles' ? <ProfilesEditor /> : null}
        {open && tab !== 'profiles' && !draft ? <p className="empty">{t('settings.loading')}</p> : null}
        {open && tab === 'show' && draft ? <ShowSettingsForm draft={draft} onChange={setDraft} /> : null}
        {open && tab === 'card' && draft ? <NativeCardForm draft={draft} onChange={setDraft} /> : null}
      </div>
      <footer className="settings-foot">
        {status ? (
          <span className={status.ok ? 'form-ok' : 'form-error'} role="status" data-testid="settings-status">
            {status.text}
          </span>
        ) : null}
        <span className="top-spacer" />
        <button type="button" className="btn" onClick={close}>
          {t('settings.close')}
        </button>
        {tab !== 'profiles' ? (
          <button type="button" className="btn btn-primary" data-testid="settings-save" disabled={!draft} onClick={() => void save()}>
            {t('settings.save')}
          </button>
        ) : null}
      </footer>
    </dialog>
  );
}

function GearIcon() {
  return (
    <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" style={{ verticalAlign: '-2px' }}>
      <circle cx="12" cy="12" r="3" />
      <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3h0a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8v0a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
    </svg>
  );
}
