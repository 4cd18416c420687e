import type { StringKey, Translate } from '../../lib/i18n.js';
import { useNow } from '../../lib/use-now.js';
import { useConnectionStore } from '../../stores/connection-store.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';

const REASONS: Record<string, StringKey> = { unreachable: 'conn.unreachable', closed: 'conn.closed' };
const socketReason = (reason: string, t: Translate) => (REASONS[reason] ? t(REASONS[reason]) : reason);


/** A full-width strip under the top bar whenever the desk link is not up: the screen is not live then. */
export function LinkBanner() {
  const t = useT();
  const socket = useConnectionStore((s) => s.socket);
  const retryNow = useConnectionStore((s) => s.retryNow);
  const malformed = useDeskStore((s) => s.malformed);
  const hasState = useDeskStore((s) => s.state !== null);
  const now = useNow(500);

  if (socket.kind === 'open') {
    return malformed ? (
      <div className="link-banner link-warn" role="alert">
        {t('conn.malformed', { detail: malformed })}
      </div>
    ) : null;
  }
  if (socket.kind === 'connecting' && socket.attempt === 0 && !hasState) {
    return <div className="link-banner link-info">{t('conn.connecting')}</div>;
  }
  const retry = socket.kind === 'closed' ? Math.max(0, Math.ceil((socket.retryAt - now) / 1000)) : null;
  return (
    <div className="link-banner link-down" role="alert" data-testid="desk-disconnected">
      <strong>{t('conn.disconnected')}</strong>
      {socket.kind === 'closed' ? <span>{socketReason(socket.reason, t)}</span> : null}
      <span>{retry === null ? t('conn.connecting') : t('conn.retryIn', { s: retry })}</span>
      {hasState ? <span className="link-stale">{t('conn.stale')}</span> : null}
      {socket.kind === 'closed' ? (
        <button className="btn btn-small" type="button" onClick={retryNow}>
          {t('conn.retryNow')}
        </button>
      ) : null}
    </div>
  );
}

/** The small desk-link light in the top bar. */
export function LinkLight() {
  const socket = useConnectionStore((s) => s.socket);
  const url = useConnectionStore((s) => s.url);
  return <span className={`link-light link-${socket.kind}`} title={`${url ?? ''} — ${socket.kind}`} aria-label={`desk link ${socket.kind}`} />;
}
