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
              <LogRow key={e.id} ts={e.ts} label={line.label} detail={line.detail} tone={line.tone} />
            );
          })}
        </ol>
      )}
    </Panel>
  );
}

/** One line of a log-like list (the recent log, the 弹幕 feed): time, who or what, and the text. */
export function LogRow({ ts, label, detail, tone, keyword }: { ts: number; label: string; detail: string; tone: string | null; keyword?: string | undefined }) {
  return (
    <li className={`log-row ${tone ? `ev-${tone}` : ''}`} data-keyword={keyword}>
      <time className="mono">{formatTime(ts)}</time>
      <span className="log-label">{label}</span>
      <span className="log-detail" title={detail}>
        {detail}
      </span>
    </li>
  );
}
