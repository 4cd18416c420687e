import type { ObsState } from '../../contract.js';
import { useNow } from '../../lib/use-now.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { OBS_LABELS, obsDetail } from '../live/obs-status.js';
import { useObsConfigStore } from './obs-config-store.js';

/**
 * While OBS is not connected, the whole truth in the OBS column, not only in the top-bar pill: what
 * state the link is in, the full reason, when the next attempt runs, and the way to the settings.
 */
export function ObsConnectionCard() {
  const t = useT();
  const obs = useDeskStore((s) => s.state?.obs ?? null);
  const demo = useDeskStore((s) => s.state?.demo ?? false);
  const openDialog = useObsConfigStore((s) => s.openDialog);
  if (!obs || obs.status === 'connected') return null;
  return (
    <section className={`obs-card obs-card-${obs.status}`} data-testid="obs-connection" data-status={obs.status} role="status">
      <div className="obs-card-head">
        <span className="pill-dot" aria-hidden />
        <strong>{t(OBS_LABELS[obs.status])}</strong>
        {demo ? <span className="pill-sub">sim</span> : null}
      </div>
      <p className="obs-card-url mono">{obs.url}</p>
      <Reason obs={obs} />
      <button className="btn btn-small" type="button" onClick={openDialog}>
        {t('obs.settings')}
      </button>
    </section>
  );
}

/** The reason and the retry countdown; its own component so only it ticks, and only while shown. */
function Reason({ obs }: { obs: ObsState }) {
  const t = useT();
  const now = useNow(500);
  const detail = obsDetail(obs, now, t);
  return detail ? <p className="obs-card-reason">{detail}</p> : null;
}
