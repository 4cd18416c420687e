import { Panel } from '../../components/panel.js';
import { describeEvent } from '../../lib/describe-event.js';
import { formatTime } from '../../lib/format.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';

export function RecentLog() {
  const t = useT();
  const recent = useDeskStore((s) => s.state?.recent ?? null);
  const currency = useDeskStore((s) => s.state?.session?.currency ?? 'CNY');
  return (
    <Panel title={t('log.title')} className="log-panel" testId="recent-log">
      {!recent?.length ? (
        <p className="empty">{t('log.empty')}</p>
      ) : (
        <ol className="log">
          {recent.map((e) => {
            const line = describeEvent(e, t, currency);
            return (
              <li key={e.id} className={`log-row ev-${line.tone}`}>
                <time className="mono">{formatTime(e.ts)}</time>
                <span className="log-label">{line.label}</span>
                <span className="log-detail" title={line.detail}>
                  {line.detail}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </Panel>
  );
}
