import { Panel } from '../../components/panel.js';
import { audienceMoodSchema, type AudienceSimSettings, type ScaleSimSettings } from '../../contract.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';

const AUTO_CHOICES = [0, 30, 60, 120] as const;
const WEIGHTS = [251.2, 503.6] as const;

/**
 * The rehearsal's simulated audience and scale under the controller's hand (issue 17): each on or off,
 * paused, retuned. The scale weighs only when asked, so a rehearsal runs only as the controller drives it.
 */
export function RehearsalPanel({ disabled }: { disabled: boolean }) {
  const t = useT();
  const sims = useDeskStore((s) => s.state?.rehearsal ?? null);
  if (!sims) return null;
  return (
    <Panel title={t('sims.title')} className="sims-panel" testId="rehearsal-sims">
      <AudienceRow settings={sims.audience} disabled={disabled} />
      <ScaleRow settings={sims.scale} disabled={disabled} />
    </Panel>
  );
}

/** One simulator's switch, its state in words, and its pause button. */
function SimHead(props: { name: 'audience' | 'scale'; label: string; enabled: boolean; paused: boolean; disabled: boolean; pauseDisabled: boolean; onEnabled(on: boolean): void; onPaused(paused: boolean): void }) {
  const t = useT();
  const { name, enabled, paused } = props;
  return (
    <div className="sims-head">
      {/* Switch and state wrap among themselves; the pause button stays at the end of the first line. */}
      <div className="sims-state">
        <label className="switch sims-switch">
          <input type="checkbox" role="switch" data-testid={`sims-${name}-on`} checked={enabled} disabled={props.disabled} onChange={(e) => props.onEnabled(e.target.checked)} />
          <span className="switch-track" aria-hidden />
          <span className="sims-label">{props.label}</span>
        </label>
        {enabled && paused ? <span className="badge badge-warn">{t('sims.paused')}</span> : null}
        {!enabled ? <span className="badge">{t('sims.off')}</span> : null}
      </div>
      <button type="button" className="btn btn-small sims-pause" data-testid={`sims-${name}-pause`} disabled={props.pauseDisabled} onClick={() => props.onPaused(!paused)}>
        {paused ? t('sims.resume') : t('sims.pause')}
      </button>
    </div>
  );
}

function AudienceRow({ settings, disabled }: { settings: AudienceSimSettings; disabled: boolean }) {
  const t = useT();
  const run = useDeskStore((s) => s.run);
  const set = (change: Partial<Pick<AudienceSimSettings, 'enabled' | 'paused' | 'mood'>> & { eventsPerSecond?: number }) => void run({ type: 'rehearsal.audience', ...change });
  const off = disabled || !settings.enabled;
  return (
    <div className="sims-row" data-testid="sims-audience" data-enabled={settings.enabled} data-paused={settings.paused} data-mood={settings.mood}>
      <SimHead
        name="audience"
        label={t('sims.audience')}
        enabled={settings.enabled}
        paused={settings.paused}
        disabled={disabled}
        pauseDisabled={off}
        onEnabled={(enabled) => set({ enabled })}
        onPaused={(paused) => set({ paused })}
      />
      <div className="sims-controls">
        <label className="sims-field">
          <span>{t('sims.mood')}</span>
          <select className="input input-small" data-testid="sims-audience-mood" value={settings.mood} disabled={off} onChange={(e) => set({ mood: audienceMoodSchema.parse(e.target.value) })}>
            {audienceMoodSchema.options.map((mood) => (
              <option key={mood} value={mood}>
                {t(`sims.mood.${mood}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="sims-field" title={t('sims.rateTitle')}>
          <span>{t('sims.rate')}</span>
          <input
            key={settings.eventsPerSecond ?? 0}
            className="input input-small sims-rate"
            data-testid="sims-audience-rate"
            type="number"
            min={0}
            max={10_000}
            step={100}
            defaultValue={settings.eventsPerSecond ?? 0}
            disabled={off}
            onBlur={(e) => {
              const value = Number(e.target.value);
              if (Number.isInteger(value) && value >= 0 && value <= 10_000 && value !== (settings.eventsPerSecond ?? 0)) set({ eventsPerSecond: value });
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.currentTarget.blur();
            }}
          />
        </label>
      </div>
    </div>
  );
}

function ScaleRow({ settings, disabled }: { settings: ScaleSimSettings; disabled: boolean }) {
  const t = useT();
  const run = useDeskStore((s) => s.run);
  const off = disabled || !settings.enabled;
  return (
    <div className="sims-row" data-testid="sims-scale" data-enabled={settings.enabled} data-paused={settings.paused} data-grams={settings.grams}>
      <SimHead
        name="scale"
        label={t('sims.scale')}
        enabled={settings.enabled}
        paused={settings.paused}
        disabled={disabled}
        pauseDisabled={off || settings.autoEverySec === 0}
        onEnabled={(enabled) => void run({ type: 'rehearsal.scale', enabled })}
        onPaused={(paused) => void run({ type: 'rehearsal.scale', paused })}
      />
      <div className="sims-controls">
        <label className="sims-field">
          <span>{t('sims.auto')}</span>
          <select className="input input-small" data-testid="sims-scale-auto" value={settings.autoEverySec} disabled={off} onChange={(e) => void run({ type: 'rehearsal.scale', autoEverySec: Number(e.target.value) })}>
            {[...new Set([...AUTO_CHOICES, settings.autoEverySec])].map((s) => (
              <option key={s} value={s}>
                {s === 0 ? t('sims.auto.never') : t('sims.auto.every', { s })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="sims-controls">
        <span className="sims-weight" data-testid="sims-scale-weight">
          {settings.grams > 0 ? t('sims.onScale', { g: settings.grams }) : t('sims.empty')}
        </span>
        {WEIGHTS.map((g) => (
          <button key={g} type="button" className="btn btn-small" data-testid={`sims-place-${g}`} disabled={off} onClick={() => void run({ type: 'rehearsal.scale.place', grams: g })}>
            {t('sims.place', { g })}
          </button>
        ))}
        <button type="button" className="btn btn-small" data-testid="sims-remove" disabled={off || settings.grams === 0} onClick={() => void run({ type: 'rehearsal.scale.place', grams: 0 })}>
          {t('sims.remove')}
        </button>
      </div>
      <p className="muted sims-hint">{t('sims.hint')}</p>
    </div>
  );
}
