import { Panel } from '../../components/panel.js';
import { formatDuration, formatTime } from '../../lib/format.js';
import { useNow } from '../../lib/use-now.js';
import { NO_ALERTS } from '../../stores/desk-reducers.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { usePrefsStore, useT } from '../../stores/prefs-store.js';
import { useAlertBeeps, useAlertSound } from '../kpi/alert-sound.js';
import { kt } from '../../lib/kpi-strings.js';

function SoundToggle() {
  const lang = usePrefsStore((s) => s.lang);
  const muted = useAlertSound((s) => s.muted);
  const beeps = useAlertSound((s) => s.beeps);
  return (
    <button type="button" className="btn btn-sound" data-testid="alert-sound" data-muted={muted} data-beeps={beeps} title={kt(lang, 'sound.title')} onClick={() => useAlertSound.getState().toggle()}>
      {kt(lang, muted ? 'sound.off' : 'sound.on')}
    </button>
  );
}

export function AlertsPanel() {
  const t = useT();
  const alerts = useDeskStore((s) => s.state?.alerts ?? NO_ALERTS);
  const run = useDeskStore((s) => s.run);
  const now = useNow(1000);
  // An acknowledged alert stays listed but no longer sounds.
  useAlertBeeps(alerts.filter((a) => !a.acked));
  const count = alerts.length ? <span className="count count-warn">{alerts.length}</span> : null;
  return (
    <Panel title={t('alerts.title')} className="alerts-panel" aside={<>{count}<SoundToggle /></>} testId="alerts">
      {alerts.length === 0 ? (
        <p className="all-clear">{t('alerts.none')}</p>
      ) : (
        <ul className="alerts">
          {alerts.map((a) => (
            <li key={a.id} className={`alert alert-${a.level} ${a.acked ? 'alert-acked' : ''}`} data-alert={a.id} data-acked={a.acked === true}>
              <time className="mono">{formatTime(a.ts)}</time>
              <span>{a.text}</span>
              {a.since !== undefined ? (
                <span className="alert-held mono" data-testid="alert-held">
                  {t('alerts.held', { time: formatDuration(Math.max(0, now - a.since)) })}
                </span>
              ) : null}
              {a.acked ? null : (
                <button type="button" className="btn btn-small" onClick={() => void run({ type: 'alert.ack', id: a.id })}>
                  {t('alerts.ack')}
                </button>
              )}
              <button type="button" className="btn btn-small" onClick={() => void run({ type: 'alert.mute', id: a.id })}>
                {t('alerts.mute')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
