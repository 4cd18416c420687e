import { Panel } from '../../components/panel.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { StudioBar } from '../obs/studio-bar.js';

/**
 * The scene list. Outside studio mode a click puts a scene on program; in studio mode a click puts it
 * in preview and a double-click (or the Transition button) takes it to program, as in OBS itself.
 */
export function ScenesPanel({ disabled }: { disabled: boolean }) {
  const t = useT();
  const obs = useDeskStore((s) => s.state?.obs ?? null);
  const run = useDeskStore((s) => s.run);
  const up = obs?.status === 'connected';
  const scenes = obs?.scenes ?? [];
  const studio = obs?.studioMode === true;
  const previewScene = studio ? (obs?.previewScene ?? null) : null;
  return (
    <Panel title={t('scenes.title')} className="scenes-panel" aside={scenes.length ? <span className="count">{scenes.length}</span> : null} testId="scenes">
      {!up || scenes.length === 0 ? (
        <p className="empty">{t('scenes.empty')}</p>
      ) : (
        <ul className="scene-list">
          {scenes.map((scene) => {
            const program = scene === obs?.programScene;
            const preview = scene === previewScene;
            return (
              <li key={scene}>
                <button
                  type="button"
                  className={`scene-btn ${program ? 'scene-program' : ''} ${preview ? 'scene-preview' : ''}`}
                  aria-pressed={program}
                  data-scene={scene}
                  data-preview={preview}
                  title={studio ? t('obs.studioOn') : undefined}
                  disabled={disabled}
                  onClick={() => {
                    if (studio) {
                      if (!preview) void run({ type: 'obs.preview', scene });
                    } else if (!program) void run({ type: 'obs.scene', scene });
                  }}
                  onDoubleClick={() => studio && !program && void run({ type: 'obs.scene', scene })}
                >
                  <span className="scene-name">{scene}</span>
                  {program ? <span className="scene-tag">{t('scenes.program')}</span> : null}
                  {preview ? <span className="scene-tag scene-tag-preview">{t('obs.preview')}</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <StudioBar disabled={disabled} />
    </Panel>
  );
}
