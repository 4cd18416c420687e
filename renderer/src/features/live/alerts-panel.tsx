import { Panel } from '../../components/panel.js';
import { formatTime } from '../../lib/format.js';
import { NO_ALERTS } from '../../stores/desk-reducers.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';

export function AlertsPanel() {
  const t = useT();
  const alerts = useDeskStore((s) => s.state?.alerts ?? NO_ALERTS);
  return (
    <Panel title={t('alerts.title')} className="alerts-panel" aside={alerts.length ? <span className="count count-warn">{alerts.length}</span> : null} testId="alerts">
      {alerts.length === 0 ? (
        <p className="all-clear">{t('alerts.none')}</p>
      ) : (
        <ul className="alerts">
          {alerts.map((a) => (
            <li key={a.id} className={`alert alert-${a.level}`}>
              <time className="mono">{formatTime(a.ts)}</time>
              <span>{a.text}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
