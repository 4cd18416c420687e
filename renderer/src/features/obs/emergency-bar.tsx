import { useEffect } from 'react';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { useObsConfigStore } from './obs-config-store.js';

/** Scene names that mean "we are away", as the core reads them (electron/core/obs/obs-actions.ts). */
const SAFE_NAME = /\bBRB\b|暂离|standby|稍后回来|马上回来/i;

/**
 * The two emergency buttons, always on screen: cut to the safe scene, or undo the last scene change.
 * No confirmation on purpose: they are what the operator hits when something is already wrong.
 */
export function EmergencyBar({ disabled }: { disabled: boolean }) {
  const t = useT();
  const run = useDeskStore((s) => s.run);
  const up = useDeskStore((s) => s.state?.obs.status === 'connected');
  const scenes = useDeskStore((s) => s.state?.obs.scenes);
  const program = useDeskStore((s) => s.state?.obs.programScene ?? null);
  const previous = useDeskStore((s) => s.state?.obs.previousProgramScene ?? null);
  const configured = useObsConfigStore((s) => s.settings?.safeScene ?? null);
  const safe = configured ?? scenes?.find((s) => SAFE_NAME.test(s)) ?? null;
  const off = disabled || !up;
  // The safe scene and the health thresholds come from the OBS settings; this bar is always mounted.
  useEffect(() => {
    void useObsConfigStore.getState().load();
  }, []);
  return (
    <div className="emergency" data-testid="obs-emergency">
      <button
        type="button"
        className={`btn-emergency btn-safe ${safe !== null && safe === program ? 'is-on' : ''}`}
        data-testid="obs-safe"
        title={t('obs.safeTitle')}
        disabled={off}
        onClick={() => void run({ type: 'obs.safe' })}
      >
        <span className="emergency-label">{t('obs.safe')}</span>
        <span className="emergency-sub">{safe ? t('obs.safeTo', { scene: safe }) : t('obs.safeNone')}</span>
      </button>
      <button
        type="button"
        className="btn-emergency btn-revert"
        data-testid="obs-revert"
        title={t('obs.revertTitle')}
        disabled={off || !previous}
        onClick={() => void run({ type: 'obs.revert' })}
      >
        <span className="emergency-label">{t('obs.revert')}</span>
        <span className="emergency-sub">{previous ? t('obs.revertTo', { scene: previous }) : t('obs.revertNone')}</span>
      </button>
    </div>
  );
}
