import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';

/** Studio mode on/off, the Transition button (preview → program) and the transition OBS will use. */
export function StudioBar({ disabled }: { disabled: boolean }) {
  const t = useT();
  const run = useDeskStore((s) => s.run);
  const up = useDeskStore((s) => s.state?.obs.status === 'connected');
  const studio = useDeskStore((s) => s.state?.obs.studioMode === true);
  const preview = useDeskStore((s) => s.state?.obs.previewScene ?? null);
  const transition = useDeskStore((s) => s.state?.obs.transition ?? null);
  const off = disabled || !up;
  return (
    <div className={`studio-bar ${studio ? 'is-studio' : ''}`} data-testid="obs-studio" data-studio={studio}>
      <label className="switch" title={studio ? t('obs.studioOn') : undefined}>
        <input
          type="checkbox"
          role="switch"
          data-testid="obs-studio-toggle"
          checked={studio}
          disabled={off}
          onChange={(e) => void run({ type: 'obs.studio', enabled: e.target.checked })}
        />
        <span className="switch-track" aria-hidden />
        <span>{t('obs.studio')}</span>
      </label>
      <div className="studio-take">
        {transition ? <span className="transition-name" title={transition}>{t('obs.transitionVia', { name: transition })}</span> : null}
        <button
          type="button"
          className="btn btn-small btn-transition"
          data-testid="obs-transition"
          disabled={off || !studio || !preview}
          title={preview ? `${preview} → ${t('scenes.program')}` : undefined}
          onClick={() => void run({ type: 'obs.transition' })}
        >
          {t('obs.transition')}
        </button>
      </div>
    </div>
  );
}
