import type { Route } from '../../lib/routes.js';
import { hrefFor, navigate } from '../../lib/router.js';
import { useConnectionStore } from '../../stores/connection-store.js';
import { usePrefsStore, useT } from '../../stores/prefs-store.js';
import { LinkLight } from './link-status.js';
import { ObsPill, OutputIndicators, RehearsalControl } from './obs-status.js';
import { SessionControl } from './session-control.js';
import { ObsSettingsButton } from '../obs/obs-settings-dialog.js';

function NavLink({ to, current, label }: { to: Route; current: boolean; label: string }) {
  return (
    <a
      href={hrefFor(to)}
      className={`nav-link ${current ? 'nav-current' : ''}`}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {label}
    </a>
  );
}

export function TopBar({ route }: { route: Route }) {
  const t = useT();
  const toggleLang = usePrefsStore((s) => s.toggleLang);
  const linkUp = useConnectionStore((s) => s.socket.kind === 'open');
  const onConsole = route.name === 'console';
  return (
    <header className={`top-bar ${linkUp ? '' : 'is-stale'}`}>
      <div className="brand">
        <span className="brand-mark" aria-hidden />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <nav className="nav">
        <NavLink to={{ name: 'console' }} current={onConsole} label={t('nav.console')} />
        <NavLink to={{ name: 'catalog' }} current={route.name === 'catalog'} label={t('nav.catalog')} />
        <NavLink to={{ name: 'plans' }} current={route.name === 'plans'} label={t('nav.plans')} />
        <NavLink to={{ name: 'review-list' }} current={route.name.startsWith('review')} label={t('nav.review')} />
        <NavLink to={{ name: 'devices' }} current={route.name === 'devices'} label={t('nav.devices')} />
      </nav>
      {onConsole ? <SessionControl disabled={!linkUp} /> : null}
      <div className="top-spacer" />
      <OutputIndicators />
      <RehearsalControl disabled={!linkUp} />
      <ObsPill />
      <ObsSettingsButton />
      <LinkLight />
      <button className="btn btn-ghost lang-toggle" type="button" title={t('lang.toggleTitle')} onClick={toggleLang}>
        {t('lang.toggle')}
      </button>
    </header>
  );
}
