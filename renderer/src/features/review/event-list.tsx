import { useState } from 'react';
import type { SessionDetail } from '../../contract.js';
import { describeEvent } from '../../lib/describe-event.js';
import { formatTime } from '../../lib/format.js';
import { useT } from '../../stores/prefs-store.js';

/** Audience chatter that would drown the operator's own actions in the event list. */
const NOISY_KINDS = new Set(['ingest.snapshot', 'ingest.like', 'ingest.enter', 'ingest.comment', 'ingest.follow']);

export function EventList({ detail }: { detail: SessionDetail }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const events = all ? detail.events : detail.events.filter((e) => !NOISY_KINDS.has(e.kind));
  const hidden = detail.events.length - events.length;
  return (
    <section className="panel events-panel">
      <header className="panel-head">
        <h2>{t('review.events')}</h2>
        <label className="toggle">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
          {t('review.showAudience')}
          {!all && hidden ? <span className="count">+{hidden}</span> : null}
        </label>
      </header>
      <div className="panel-body table-scroll">
        <table className="table events-table" data-testid="events-table">
          <thead>
            <tr>
              <th>{t('review.time')}</th>
              <th>{t('review.kind')}</th>
              <th>{t('review.details')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => {
              const line = describeEvent(e, t, detail.currency);
              return (
                <tr key={e.id} className={`ev-${line.tone}`}>
                  <td className="mono dim">{formatTime(e.ts)}</td>
                  <td className="log-label">{line.label}</td>
                  <td>{line.detail}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {detail.eventsTruncated ? <p className="empty">{t('review.eventsTruncated', { n: detail.events.length })}</p> : null}
      </div>
    </section>
  );
}
