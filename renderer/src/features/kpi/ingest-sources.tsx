import { Panel } from '../../components/panel.js';
import type { IngestSourceRate } from '../../contract.js';
import { formatTime } from '../../lib/format.js';
import { translate } from '../../lib/i18n.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { usePrefsStore } from '../../stores/prefs-store.js';

const NONE: IngestSourceRate[] = [];

/** Which connectors are pushing, and how fast: a source at 0/s in the middle of a show has stalled. */
export function IngestSources() {
  const lang = usePrefsStore((s) => s.lang);
  const sources = useDeskStore((s) => s.state?.ingest ?? NONE);
  return (
    <Panel title={translate(lang, 'ingest.title')} className="ingest-sources" testId="ingest-sources">
      {sources.length === 0 ? (
        <p className="all-clear">{translate(lang, 'ingest.none')}</p>
      ) : (
        <ul className="source-list">
          {sources.map((s) => (
            <li key={s.source} data-source={s.source} className={s.perSecond > 0 ? 'is-flowing' : 'is-idle'}>
              <span className="source-name">{s.source}</span>
              <span className="source-rate mono" data-testid="source-rate">{translate(lang, 'ingest.rate', { n: s.perSecond })}</span>
              <span className="source-total">{translate(lang, 'ingest.total', { n: s.total })} · {formatTime(s.lastAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
