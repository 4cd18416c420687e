import { Panel } from '../../components/panel.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';

export function ScenesPanel({ disabled }: { disabled: boolean }) {
  const t = useT();
  const obs = useDeskStore((s) => s.state?.obs ?? null);
  const run = useDeskStore((s) => s.run);
  const up = obs?.status === 'connected';
  const scenes = obs?.scenes ?? [];
  return (
    <Panel title={t('scenes.title')} aside={scenes.length ? <span className="count">{scenes.length}</span> : null} testId="scenes">
      {!up || scenes.length === 0 ? (
        <p className="empty">{t('scenes.empty')}</p>
      ) : (
        <ul className="scene-list">
          {scenes.map((scene) => {
            const program = scene === obs?.programScene;
            return (
              <li key={scene}>
                <button
                  type="button"
                  className={`scene-btn ${program ? 'scene-program' : ''}`}
                  aria-pressed={program}
                  disabled={disabled}
                  onClick={() => !program && void run({ type: 'obs.scene', scene })}
                >
                  <span className="scene-name">{scene}</span>
                  {program ? <span className="scene-tag">{t('scenes.program')}</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
