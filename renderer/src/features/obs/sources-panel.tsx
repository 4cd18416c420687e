import { Panel } from '../../components/panel.js';
import type { ObsSceneItem } from '../../contract.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';

const NO_ITEMS: ObsSceneItem[] = [];

/** The program scene's sources, top to bottom as in OBS, each with its visibility switch. */
export function SourcesPanel({ disabled }: { disabled: boolean }) {
  const t = useT();
  const run = useDeskStore((s) => s.run);
  const up = useDeskStore((s) => s.state?.obs.status === 'connected');
  const scene = useDeskStore((s) => s.state?.obs.programScene ?? null);
  const items = useDeskStore((s) => (scene ? s.state?.obs.sceneItems?.[scene] : undefined) ?? NO_ITEMS);
  const off = disabled || !up;
  return (
    <Panel
      title={t('obs.sources')}
      className="sources-panel"
      aside={scene && up ? <span className="sources-scene" title={scene}>{t('obs.sourcesOf', { scene })}</span> : null}
      testId="obs-sources"
    >
      {!up || !scene ? (
        <p className="empty">{t('scenes.empty')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{t('obs.sourcesEmpty')}</p>
      ) : (
        <ul className="source-list">
          {items.map((item) => (
            <li key={item.id} className={`source-row ${item.enabled ? '' : 'is-hidden'}`} data-source={item.source} data-enabled={item.enabled}>
              <button
                type="button"
                className="source-eye"
                role="switch"
                aria-checked={item.enabled}
                aria-label={t(item.enabled ? 'obs.sourceHide' : 'obs.sourceShow', { source: item.source })}
                title={t(item.enabled ? 'obs.sourceHide' : 'obs.sourceShow', { source: item.source })}
                disabled={off}
                onClick={() => void run({ type: 'obs.source.toggle', scene, source: item.source })}
              >
                <EyeIcon open={item.enabled} />
              </button>
              <span className="source-name" title={item.source}>
                {item.source}
              </span>
              {item.kind ? <span className="source-kind mono">{item.kind.replace(/_source(_v\d+)?$|_input$/, '')}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function EyeIcon({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
      {open ? <circle cx="12" cy="12" r="3" /> : <path d="M4 4l16 16" />}
    </svg>
  );
}
