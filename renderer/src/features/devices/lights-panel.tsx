import { useState } from 'react';
import { Panel } from '../../components/panel.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { CueEditor } from './cue-editor.js';
import { useDevicesStore } from './devices-store.js';

const DMX_KINDS = new Set(['dmx-enttec', 'dmx-open', 'sacn', 'artnet']);

/** Named light cues with a fire button each, and the blackout that always exists. */
export function LightsPanel({ disabled }: { disabled: boolean }) {
  const t = useT();
  const cues = useDevicesStore((s) => s.cues);
  const hasLights = useDeskStore((s) => (s.state?.serial ?? []).some((d) => DMX_KINDS.has(d.kind)));
  const run = useDeskStore((s) => s.run);
  const [editing, setEditing] = useState(false);
  if (!hasLights && cues.length === 0) return null;
  return (
    <Panel
      title={t('lights.title')}
      className="lights-panel"
      testId="lights"
      aside={
        <>
          <button type="button" className="btn btn-small btn-ghost btn-edit-cues" disabled={disabled} onClick={() => setEditing(true)}>
            {t('lights.edit')}
          </button>
          <button type="button" className="btn btn-small btn-danger btn-blackout" disabled={disabled} onClick={() => void run({ type: 'light.cue', cue: 'blackout' })}>
            {t('lights.blackout')}
          </button>
        </>
      }
    >
      {cues.length === 0 ? <p className="empty">{t('lights.none')}</p> : null}
      <ul className="cue-list">
        {cues.map((cue) => (
          <li key={cue.name} className="cue-row" data-cue={cue.name}>
            <span className="cue-name">{cue.name}</span>
            <span className="cue-detail dim">
              {[t('lights.fade', { ms: cue.fadeMs }), cue.product ? t('lights.withProduct', { sku: cue.product }) : null, cue.scene ? t('lights.withScene', { scene: cue.scene }) : null].filter(Boolean).join(' · ')}
            </span>
            <button type="button" className="btn btn-small btn-fire" disabled={disabled} onClick={() => void run({ type: 'light.cue', cue: cue.name })}>
              {t('lights.fire')}
            </button>
          </li>
        ))}
      </ul>
      <CueEditor open={editing} onClose={() => setEditing(false)} />
    </Panel>
  );
}
