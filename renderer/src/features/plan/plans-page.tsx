import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { Panel } from '../../components/panel.js';
import { setLeaveGuard } from '../../lib/router.js';
import type { Plan } from '../../contract.js';
import { NO_SCENES } from '../../stores/desk-reducers.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { usePlansStore } from '../../stores/plans-store.js';
import { useT } from '../../stores/prefs-store.js';
import { useProductsStore } from '../../stores/products-store.js';
import { draftToPlanInput, moveItem, newItem, planToDraft, starterDraft, totalMinutes, type PlanDraft } from './plan-draft.js';
import { SegmentRow } from './segment-row.js';

/** Show plans (直播脚本): pick one on the left, edit its segments and pacing on the right. */
export function PlansPage() {
  const t = useT();
  const plans = usePlansStore((s) => s.plans);
  const products = useProductsStore((s) => s.products);
  const [selected, setSelected] = useState<string | null>(null);
  // Unsaved edits are asked about before anything leaves the editor: another plan, a new one, another page.
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const leave = (then: () => void) => {
    if (dirty) setPending(() => then);
    else then();
  };

  useEffect(() => {
    void usePlansStore.getState().load();
    void useProductsStore.getState().load();
  }, []);
  useEffect(() => {
    if (!dirty) return;
    const unload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', unload);
    const unguard = setLeaveGuard((proceed) => {
      setPending(() => proceed);
      return true;
    });
    return () => {
      window.removeEventListener('beforeunload', unload);
      unguard();
    };
  }, [dirty]);
  const plan = plans.find((p) => p.id === selected) ?? null;
  const select = (id: string | null) => {
    setDirty(false);
    setSelected(id);
  };

  const create = async () => {
    const draft = starterDraft(t('plans.newName'), products.map((p) => p.sku));
    const created = await usePlansStore.getState().create(draftToPlanInput(draft));
    setSelected(created.id);
  };

  return (
    <main className="page plans-page" data-testid="plans-page">
      <Panel
        title={t('plans.title')}
        className="plans-list-panel"
        aside={
          <button className="btn btn-small btn-primary" type="button" data-testid="plan-new" onClick={() => leave(() => void create().then(() => setDirty(false)))}>
            {t('plans.new')}
          </button>
        }
      >
        <ul className="plans-list">
          {plans.map((p) => (
            <li key={p.id}>
              <button className={`plan-pick ${p.id === selected ? 'plan-picked' : ''}`} type="button" data-plan={p.id} onClick={() => p.id !== selected && leave(() => select(p.id))}>
                <span className="plan-pick-name">{p.name}</span>
                <span className="dim mono">
                  {p.items.length} · {totalMinutes(p.items)}′
                </span>
              </button>
            </li>
          ))}
        </ul>
        {!plans.length ? <p className="empty">{t('plans.empty')}</p> : null}
      </Panel>
      {plan ? <PlanEditor key={plan.id} plan={plan} onSelect={select} onDirty={setDirty} /> : <p className="empty plans-pick">{t('plans.pick')}</p>}
      <ConfirmDialog
        open={pending !== null}
        danger
        title={t('plans.unsavedTitle')}
        confirmLabel={t('plans.discard')}
        cancelLabel={t('plans.keepEditing')}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          const then = pending;
          setPending(null);
          setDirty(false);
          then?.();
        }}
      >
        {t('plans.unsavedBody', { name: plan?.name ?? '' })}
      </ConfirmDialog>
    </main>
  );
}

function PlanEditor({ plan, onSelect, onDirty }: { plan: Plan; onSelect(id: string | null): void; onDirty(dirty: boolean): void }) {
  const t = useT();
  const products = useProductsStore((s) => s.products);
  const scenes = useDeskStore((s) => s.state?.obs.scenes ?? NO_SCENES);
  const [draft, setDraft] = useState<PlanDraft>(() => planToDraft(plan));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const store = usePlansStore.getState();
  const edit = (patch: Partial<PlanDraft>) => {
    setSaved(false);
    onDirty(true);
    setDraft({ ...draft, ...patch });
  };
  const guard = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  let offset = 0;
  const offsets = draft.items.map((i) => {
    const at = offset;
    offset += i.minutes;
    return Math.round(at * 10) / 10;
  });

  return (
    <section className="panel plan-editor" data-testid="plan-editor">
      <header className="plan-editor-head">
        <input className="input plan-name" aria-label={t('plans.name')} value={draft.name} maxLength={200} onChange={(e) => edit({ name: e.target.value })} />
        <span className="count" data-testid="plan-total">
          {t('plans.total', { min: totalMinutes(draft.items) })}
        </span>
        <button className="btn btn-small" type="button" onClick={() => void guard(async () => onSelect((await store.duplicate(plan.id)).id))}>
          {t('plans.duplicate')}
        </button>
        <button className="btn btn-small btn-ghost" type="button" data-testid="plan-delete" onClick={() => setDeleting(true)}>
          {t('plans.delete')}
        </button>
        <button
          className="btn btn-primary plan-save"
          type="button"
          onClick={() => void guard(async () => (await store.save(plan.id, draftToPlanInput(draft)), setSaved(true), onDirty(false)))}
        >
          {saved ? t('plans.saved') : t('plans.save')}
        </button>
      </header>
      <div className="plan-pacing">
        <span className="plan-pacing-title">{t('plans.pacing')}</span>
        <label>
          {t('plans.interactionEvery')}
          <input className="input mono" inputMode="decimal" name="interactionEveryMin" value={draft.interactionEveryMin} onChange={(e) => edit({ interactionEveryMin: e.target.value })} />
        </label>
        <label>
          {t('plans.closingAt')}
          <input className="input mono" inputMode="numeric" name="closingAtPct" value={draft.closingAtPct} onChange={(e) => edit({ closingAtPct: e.target.value })} />
        </label>
      </div>
      {error ? (
        <p className="form-errors" role="alert">
          {error}
        </p>
      ) : null}
      <ol className="segments">
        {draft.items.map((item, i) => (
          <SegmentRow
            key={i}
            item={item}
            index={i}
            count={draft.items.length}
            offsetMin={offsets[i] ?? 0}
            products={products}
            scenes={scenes}
            onChange={(next) => edit({ items: draft.items.map((x, j) => (j === i ? next : x)) })}
            onMove={(to) => edit({ items: moveItem(draft.items, i, to) })}
            onRemove={() => edit({ items: draft.items.filter((_, j) => j !== i) })}
          />
        ))}
      </ol>
      <ConfirmDialog
        open={deleting}
        danger
        title={t('plans.deleteTitle', { name: plan.name })}
        confirmLabel={t('plans.delete')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setDeleting(false)}
        onConfirm={() => {
          setDeleting(false);
          void guard(async () => (await store.remove(plan.id), onSelect(null)));
        }}
      >
        {t('plans.deleteBody')}
      </ConfirmDialog>
      <div className="plan-add">
        {(['opening', 'product', 'interaction', 'closing'] as const).map((k) => (
          <button key={k} className="btn btn-small" type="button" data-add={k} onClick={() => edit({ items: [...draft.items, newItem(k, products[0]?.sku ?? null)] })}>
            + {t(`kind.${k}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
