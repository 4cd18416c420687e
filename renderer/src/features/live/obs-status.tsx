import type { ObsState } from '../../contract.js';
import type { StringKey, Translate } from '../../lib/i18n.js';
import { useNow } from '../../lib/use-now.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';

export const OBS_LABELS: Record<ObsState['status'], StringKey> = {
  connected: 'obs.connected',
  connecting: 'obs.connecting',
  disconnected: 'obs.gone',
  'auth-failed': 'obs.authFailed',
  unsupported: 'obs.tooOld',
};

/**
 * The second line of the pill: the version when up; otherwise the reason, and either when the next
 * attempt runs or that none will (a wrong password or an unsupported server is not retried in a loop).
 */
export function obsDetail(obs: ObsState, now: number, t: Translate): string | null {
  if (obs.status === 'connected') return obs.obsVersion ? `v${obs.obsVersion}` : null;
  const parts: string[] = [];
  if (obs.reasonText) parts.push(t(obs.reasonText, obs.reason ?? undefined));
  else if (obs.reason) parts.push(obs.reason);
  else if (obs.status === 'connecting') parts.push(t('obs.attempting', { url: obs.url }));
  if (obs.status === 'disconnected' && obs.retryAt !== null) {
    parts.push(t('obs.nextRetry', { s: Math.max(0, Math.ceil((obs.retryAt - now) / 1000)) }));
  }
  if (obs.status === 'auth-failed' || obs.status === 'unsupported') parts.push(t('obs.noRetry'));
  return parts.length ? parts.join(' · ') : null;
}

export function ObsPill() {
  const t = useT();
  const obs = useDeskStore((s) => s.state?.obs ?? null);
  const demo = useDeskStore((s) => s.state?.demo ?? false);
  const now = useNow();
  if (!obs) return null;
  const detail = obsDetail(obs, now, t);
  return (
    <div className={`pill obs-pill obs-${obs.status}`} data-testid="obs-status" data-status={obs.status} title={`${obs.url}${detail ? `\n${detail}` : ''}`}>
      <span className="pill-dot" aria-hidden />
      <span className="pill-text">
        {/* Connected, the green dot says it: on a laptop the bar keeps just "OBS" (issue 17, en wrapped at 1366). */}
        {obs.status === 'connected' ? (
          <strong>
            <span className="label-long">{t(OBS_LABELS[obs.status])}</span>
            <span className="label-short">OBS</span>
          </strong>
        ) : (
          <strong>{t(OBS_LABELS[obs.status])}</strong>
        )}
        {demo ? <span className="pill-sub">sim</span> : null}
        {detail ? <span className="pill-sub">{detail}</span> : null}
      </span>
    </div>
  );
}

/** Program output indicators: what the audience (or the recording) is getting right now. */
export function OutputIndicators() {
  const t = useT();
  const streaming = useDeskStore((s) => s.state?.obs.streaming ?? false);
  const recording = useDeskStore((s) => s.state?.obs.recording ?? false);
  const up = useDeskStore((s) => s.state?.obs.status === 'connected');
  if (!up) return null;
  return (
    <div className="outputs">
      <span className={`tally ${streaming ? 'tally-on' : ''}`}>{t('obs.streaming')}</span>
      <span className={`tally ${recording ? 'tally-on' : ''}`}>{t('obs.recording')}</span>
    </div>
  );
}

/** One click into rehearsal when OBS is not there; a clear badge and a way out while in it. */
export function RehearsalControl({ disabled }: { disabled: boolean }) {
  const t = useT();
  const demo = useDeskStore((s) => s.state?.demo ?? false);
  const obsUp = useDeskStore((s) => s.state?.obs.status === 'connected');
  const hasState = useDeskStore((s) => s.state !== null);
  const run = useDeskStore((s) => s.run);
  if (!hasState) return null;
  if (demo) {
    return (
      <div className="rehearsal-on">
        <span className="badge badge-rehearsal" data-testid="rehearsal-badge">
          {t('rehearsal.badge')}
        </span>
        <button className="btn btn-small" type="button" disabled={disabled} title={t('rehearsal.stop')} onClick={() => void run({ type: 'rehearsal.stop' })}>
          <span className="label-long">{t('rehearsal.stop')}</span>
          <span className="label-short">{t('rehearsal.stopShort')}</span>
        </button>
      </div>
    );
  }
  if (obsUp) return null;
  return (
    <button
      className="btn btn-rehearsal"
      type="button"
      disabled={disabled}
      title={t('rehearsal.startTitle')}
      onClick={() => void run({ type: 'rehearsal.start' })}
    >
      {t('rehearsal.start')}
    </button>
  );
}
