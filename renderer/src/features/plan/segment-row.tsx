import type { PlanItem, PlanItemKind, Product } from '../../contract.js';
import { useT } from '../../stores/prefs-store.js';

const KINDS: PlanItemKind[] = ['opening', 'product', 'interaction', 'closing'];
const BEATS = ['lottery', 'fudai', 'qa', 'other'] as const;

type Props = {
  item: PlanItem;
  index: number;
  count: number;
  offsetMin: number;
  products: readonly Product[];
  scenes: readonly string[];
  onChange(item: PlanItem): void;
  onMove(to: number): void;
  onRemove(): void;
};

/** One segment of the run-of-show: what happens, for how long, on which scene and light, and what to say. */
export function SegmentRow({ item, index, count, offsetMin, products, scenes, onChange, onMove, onRemove }: Props) {
  const t = useT();
  const set = (patch: Partial<PlanItem>) => onChange({ ...item, ...patch });
  return (
    <li className={`segment segment-${item.kind} ${item.highConversion ? 'segment-hc' : ''}`} data-testid="plan-segment" data-index={index}>
      <div className="segment-order">
        <span className="segment-num mono">{index + 1}</span>
        <span className="segment-offset mono dim">{offsetMin}′</span>
      </div>
      <div className="segment-main">
        <div className="segment-line">
          <select className="input segment-kind" aria-label={t('plans.kind')} value={item.kind} onChange={(e) => set({ kind: e.target.value as PlanItemKind })}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
          {item.kind === 'product' ? (
            <select className="input segment-sku" aria-label={t('plans.product')} value={item.sku ?? ''} onChange={(e) => set({ sku: e.target.value || null })} aria-invalid={item.sku ? undefined : true}>
              <option value="">—</option>
              {products.map((p) => (
                <option key={p.sku} value={p.sku}>
                  {p.name} · {p.sku}
                </option>
              ))}
            </select>
          ) : item.kind === 'interaction' ? (
            <select className="input segment-beat" aria-label={t('plans.beat')} value={item.beat ?? 'other'} onChange={(e) => set({ beat: e.target.value as (typeof BEATS)[number] })}>
              {BEATS.map((b) => (
                <option key={b} value={b}>
                  {t(`beat.${b}`)}
                </option>
              ))}
            </select>
          ) : (
            <input className="input segment-title" placeholder={t('plans.segTitle')} aria-label={t('plans.segTitle')} value={item.title ?? ''} maxLength={200} onChange={(e) => set({ title: e.target.value || null })} />
          )}
          <label className="segment-minutes">
            <input
              className="input mono"
              type="number"
              min={0.5}
              step={0.5}
              value={item.minutes}
              aria-label={t('plans.minutes')}
              onChange={(e) => Number(e.target.value) > 0 && set({ minutes: Number(e.target.value) })}
            />
            <span className="dim">{t('plans.minutes')}</span>
          </label>
          <select className="input segment-scene" aria-label={t('field.scene')} value={item.scene ?? ''} onChange={(e) => set({ scene: e.target.value || null })}>
            <option value="">{item.kind === 'product' ? t('plans.productScene') : t('products.noScene')}</option>
            {scenes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
            {item.scene && !scenes.includes(item.scene) ? <option value={item.scene}>{item.scene}</option> : null}
          </select>
          <input className="input segment-cue" placeholder={t('field.cue')} aria-label={t('field.cue')} value={item.cue ?? ''} maxLength={64} onChange={(e) => set({ cue: e.target.value.trim() || null })} />
          <label className="segment-hc-toggle" title={t('plans.highConversion')}>
            <input type="checkbox" checked={item.highConversion ?? false} onChange={(e) => set({ highConversion: e.target.checked })} />
            {t('plans.hc')}
          </label>
        </div>
        <textarea className="input textarea segment-notes" rows={1} placeholder={t('field.notes')} aria-label={t('field.notes')} value={item.notes ?? ''} maxLength={4000} onChange={(e) => set({ notes: e.target.value || null })} />
      </div>
      <div className="segment-tools">
        <button className="btn btn-small btn-ghost" type="button" title={t('plans.up')} aria-label={t('plans.up')} disabled={index === 0} onClick={() => onMove(index - 1)}>
          ↑
        </button>
        <button className="btn btn-small btn-ghost" type="button" title={t('plans.down')} aria-label={t('plans.down')} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
          ↓
        </button>
        <button className="btn btn-small btn-ghost" type="button" title={t('plans.remove')} aria-label={t('plans.remove')} onClick={onRemove}>
          ✕
        </button>
      </div>
    </li>
  );
}
