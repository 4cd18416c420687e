import { useState } from 'react';
import type { NativeCardSettings, ObsSettings } from '../../contract.js';
import type { StringKey } from '../../lib/i18n.js';
import { getLink } from '../../lib/desk-link.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { runForResult, useObsConfigStore } from './obs-config-store.js';

const NO_SCENES: string[] = [];
type SourceKey = 'nameSource' | 'priceSource' | 'imageSource' | 'weightSource' | 'countdownSource';
const SOURCES: { key: SourceKey; label: StringKey; image?: boolean }[] = [
  { key: 'nameSource', label: 'settings.nameSource' },
  { key: 'priceSource', label: 'settings.priceSource' },
  { key: 'imageSource', label: 'settings.imageSource', image: true },
  { key: 'weightSource', label: 'settings.weightSource' },
  { key: 'countdownSource', label: 'settings.countdownSource' },
];
const UNITS: { value: NativeCardSettings['weightUnit']; label: string }[] = [
  { value: 'scale', label: '' },
  { value: 'g', label: 'g' },
  { value: 'kg', label: 'kg' },
  { value: 'jin', label: '斤' },
];

/** Names of the sources in the scenes the desk mirrors (program, preview, and any fetched). */
function useKnownSources(image: boolean): string[] {
  const items = useDeskStore((s) => s.state?.obs.sceneItems);
  const names = new Set<string>();
  for (const list of Object.values(items ?? {})) {
    for (const item of list) {
      const isImage = item.kind === 'image_source';
      const isText = item.kind?.startsWith('text_') ?? false;
      if (image ? isImage : isText || item.kind === null) names.add(item.source);
    }
  }
  return [...names].sort();
}

function SourceList({ image }: { image: boolean }) {
  const known = useKnownSources(image);
  return (
    <datalist id={`obs-known-${image ? 'image' : 'text'}-sources`}>
      {known.map((n) => (
        <option key={n} value={n} />
      ))}
    </datalist>
  );
}

function SourcePicker({ id, value, image, onChange }: { id: SourceKey; value: string | null; image?: boolean; onChange(v: string | null): void }) {
  return (
    <input
      className="input"
      name={id}
      list={`obs-known-${image ? 'image' : 'text'}-sources`}
      value={value ?? ''}
      placeholder="—"
      maxLength={256}
      onChange={(e) => onChange(e.target.value.trim() ? e.target.value : null)}
    />
  );
}

/** The native product card's sources, and the one-click Browser Source overlay. */
export function NativeCardForm({ draft, onChange }: { draft: ObsSettings; onChange(next: ObsSettings): void }) {
  const t = useT();
  const card = draft.nativeCard;
  const set = (patch: Partial<NativeCardSettings>) => onChange({ ...draft, nativeCard: { ...card, ...patch } });
  return (
    <div className="settings-form" data-testid="obs-card-settings">
      <h4 className="settings-sub">{t('settings.card')}</h4>
      <p className="settings-hint">{t('settings.cardHint')}</p>
      <label className="check">
        <input type="checkbox" name="cardEnabled" checked={card.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        {t('settings.cardEnabled')}
      </label>
      <div className="source-grid">
        {SOURCES.map((s) => (
          <label key={s.key} className="field">
            <span>{t(s.label)}</span>
            <SourcePicker id={s.key} value={card[s.key]} image={s.image} onChange={(v) => set({ [s.key]: v })} />
          </label>
        ))}
        <label className="field">
          <span>{t('settings.weightUnit')}</span>
          <select className="input" name="weightUnit" value={card.weightUnit} onChange={(e) => set({ weightUnit: e.target.value as NativeCardSettings['weightUnit'] })}>
            {UNITS.map((u) => (
              <option key={u.value} value={u.value}>
                {u.value === 'scale' ? t('settings.unitScale') : u.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('settings.pricePrefix')}</span>
          <input className="input" name="pricePrefix" value={card.pricePrefix} maxLength={32} onChange={(e) => set({ pricePrefix: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('settings.emptyText')}</span>
          <input className="input" name="emptyText" value={card.emptyText} maxLength={200} onChange={(e) => set({ emptyText: e.target.value })} />
        </label>
      </div>
      <p className="settings-hint">{t('settings.sourcesFrom')}</p>
      <SourceList image={false} />
      <SourceList image />
      <OverlaySetup />
    </div>
  );
}

function OverlaySetup() {
  const t = useT();
  const scenes = useDeskStore((s) => s.state?.obs.scenes ?? NO_SCENES);
  const program = useDeskStore((s) => s.state?.obs.programScene ?? null);
  const up = useDeskStore((s) => s.state?.obs.status === 'connected');
  const path = useObsConfigStore((s) => s.overlayPath);
  const [scene, setScene] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const chosen = scene || program || scenes[0] || '';
  const base = getLink()?.url ?? '';

  const setUp = async () => {
    if (!path || !chosen) return;
    setBusy(true);
    setResult(null);
    const outcome = await runForResult({ type: 'obs.overlay.setup', scene: chosen, url: `${base}${path}`, name: 'LiveDesk overlay', width: 1080, height: 1920 });
    setBusy(false);
    if (!outcome.ok) return setResult({ ok: false, text: outcome.message });
    const created = (outcome.value as { created?: boolean } | null)?.created === true;
    setResult({ ok: true, text: t('settings.overlayDone', { scene: chosen, state: t(created ? 'settings.overlayCreated' : 'settings.overlayUpdated') }) });
  };

  return (
    <section className="overlay-setup" data-testid="obs-overlay-setup">
      <h4 className="settings-sub">{t('settings.overlay')}</h4>
      <p className="settings-hint">{t('settings.overlayHint')}</p>
      <div className="overlay-row">
        <select className="input" aria-label={t('settings.overlayScene')} value={chosen} disabled={!up} onChange={(e) => setScene(e.target.value)}>
          {scenes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small btn-primary" data-testid="overlay-setup" disabled={!up || busy || !path || !chosen} onClick={() => void setUp()}>
          {t('settings.overlaySetup')}
        </button>
      </div>
      {path ? <p className="overlay-url mono">{`${base}/overlay/card?token=…`}</p> : null}
      {result ? (
        <p className={result.ok ? 'form-ok' : 'form-error'} role="status" data-testid="overlay-result">
          {result.text}
        </p>
      ) : null}
    </section>
  );
}
