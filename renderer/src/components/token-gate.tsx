import { useState } from 'react';
import { useConnectionStore } from '../stores/connection-store.js';
import { useT } from '../stores/prefs-store.js';

/** Shown when the console has no token (opened without ?token=) or the core refused the one it had. */
export function TokenGate() {
  const t = useT();
  const rejected = useConnectionStore((s) => s.rejected);
  const submit = useConnectionStore((s) => s.submitToken);
  const [token, setToken] = useState('');
  return (
    <main className="gate">
      <form
        className="gate-card"
        onSubmit={(e) => {
          e.preventDefault();
          submit(token);
        }}
      >
        <div className="brand gate-brand">
          <span className="brand-mark" aria-hidden />
          LiveDesk
        </div>
        <h1>{t('auth.title')}</h1>
        <p>{rejected ? t('auth.rejected') : t('auth.body')}</p>
        <input className="input" type="password" autoFocus value={token} aria-label={t('auth.token')} placeholder={t('auth.token')} onChange={(e) => setToken(e.target.value)} />
        <button className="btn btn-primary" type="submit" disabled={!token.trim()}>
          {t('auth.connect')}
        </button>
      </form>
    </main>
  );
}
