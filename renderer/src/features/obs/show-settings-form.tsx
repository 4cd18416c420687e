import type { ObsHealthThresholds, ObsSettings } from '../../contract.js';
import type { StringKey } from '../../lib/i18n.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';

const NO_SCENES: string[] = [];

type Threshold = { key: keyof ObsHealthThresholds; label: StringKey; scale?: number; step: number };

// Congestion is 0..1 in the contract and a percentage on screen.
const THRESHOLDS: Threshold[] = [
  { key: 'minFps', label: 'settings.minFps', step: 1 },
  { key: 'maxSkippedPct', label: 'settings.maxSkippedPct', step: 0.5 },
  { key: 'maxCongestion', label: 'settings.maxCongestion', scale: 100, step: 5 },
  { key: 'minBitrateKbps', label: 'settings.minBitrateKbps', step: 100 },
  { key: 'minDiskSpaceMb', label: 'settings.minDiskSpaceMb', step: 256 },
  { key: 'clearAfterSeconds', label: 'settings.clearAfterSeconds', step: 1 },
];

/** A number input that shows an emptied field as empty (NaN) instead of snapping back to 0. */
export function NumberInput({ value, scale = 1, step, name, onChange }: { value: number; scale?: number; step: number; name: string; onChange(v: number): void }) {
  return (
    <input
      className="input mono"
      type="number"
      name={name}
      min={0}
      step={step}
      value={Number.isFinite(value) ? String(Math.round(value * scale * 1000) / 1000) : ''}
      onChange={(e) => onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value) / scale)}
    />
  );
}

/** Safe scene and health-alert thresholds. */
export function ShowSettingsForm({ draft, onChange }: { draft: ObsSettings; onChange(next: ObsSettings): void }) {
  const t = useT();
  const scenes = useDeskStore((s) => s.state?.obs.scenes ?? NO_SCENES);
  // A saved safe scene that OBS no longer has stays selectable, so saving does not silently drop it.
  const options = draft.safeScene && !scenes.includes(draft.safeScene) ? [draft.safeScene, ...scenes] : scenes;
  return (
    <div className="settings-form" data-testid="obs-show-settings">
      <label className="field">
        <span>{t('settings.safeScene')}</span>
        <select className="input" name="safeScene" value={draft.safeScene ?? ''} onChange={(e) => onChange({ ...draft, safeScene: e.target.value || null })}>
          <option value="">{t('settings.safeAuto')}</option>
          {options.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <h4 className="settings-sub">{t('settings.thresholds')}</h4>
      <div className="threshold-grid">
        {THRESHOLDS.map((th) => (
          <label key={th.key} className="field">
            <span>{t(th.label)}</span>
            <NumberInput name={th.key} value={draft.health[th.key]} scale={th.scale} step={th.step} onChange={(v) => onChange({ ...draft, health: { ...draft.health, [th.key]: v } })} />
          </label>
        ))}
      </div>
    </div>
  );
}
