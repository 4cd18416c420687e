import { Panel } from '../../components/panel.js';
import { formatWeight } from '../../lib/weight.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';

/** The live weight as the scale reports it, with tare and zero for the scale it comes from. */
export function ScalePanel({ disabled }: { disabled: boolean }) {
  const t = useT();
  const scale = useDeskStore((s) => s.state?.scale ?? null);
  const hasScale = useDeskStore((s) => (s.state?.serial ?? []).some((d) => d.kind === 'scale'));
  const device = useDeskStore((s) => s.state?.serial?.find((d) => d.id === s.state?.scale?.device) ?? null);
  const run = useDeskStore((s) => s.run);
  if (!hasScale && !scale) return null;
  const weight = scale && scale.status !== 'invalid' && scale.status !== 'overload' ? formatWeight(scale, t) : null;
  // A reading from a scale that has gone quiet or away is history, not the weight now.
  const live = device?.live.status === 'open';
  const status = scale ? scale.status : null;
  return (
    <Panel title={t('scale.title')} className="scale-panel" testId="scale-panel" aside={device ? <span className="count">{device.name}</span> : null}>
      {scale ? (
        <div className={`scale-readout ${live ? '' : 'is-stale'}`} data-testid="scale-weight" data-status={status ?? ''} data-grams={scale.grams ?? ''}>
          <span className="scale-amount">{weight ? weight.amount : '—'}</span>
          <span className="scale-unit">{weight?.unit ?? ''}</span>
          <span className={`scale-status scale-${scale.status}`}>{t(`scale.${scale.status}`)}</span>
          {scale.net ? <span className="scale-flag">{t('scale.net')}</span> : null}
          {scale.placed ? <span className="scale-flag scale-placed">{t('scale.placed')}</span> : null}
        </div>
      ) : (
        <p className="empty">{t('scale.none')}</p>
      )}
      <div className="scale-actions">
        <button type="button" className="btn btn-small" disabled={disabled || !scale} onClick={() => scale && void run({ type: 'scale.tare', device: scale.device })}>
          {t('scale.tare')}
        </button>
        <button type="button" className="btn btn-small" disabled={disabled || !scale} onClick={() => scale && void run({ type: 'scale.zero', device: scale.device })}>
          {t('scale.zero')}
        </button>
      </div>
    </Panel>
  );
}
