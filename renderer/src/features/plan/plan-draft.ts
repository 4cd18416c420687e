import type { Plan, PlanInput, PlanItem, PlanItemKind } from '../../contract.js';

/** A plan as the editor holds it; pacing in the units people think in (minutes, per cent). */
export type PlanDraft = {
  name: string;
  items: PlanItem[];
  interactionEveryMin: string;
  closingAtPct: string;
};

export const newItem = (kind: PlanItemKind, sku: string | null = null): PlanItem => ({
  kind,
  minutes: kind === 'product' ? 8 : kind === 'interaction' ? 3 : 5,
  ...(kind === 'product' && sku ? { sku } : {}),
  ...(kind === 'interaction' ? { beat: 'lottery' as const } : {}),
});

/** A fresh plan starts as a show does: opening, the catalog's first products, a beat, closing. */
export function starterDraft(name: string, skus: readonly string[]): PlanDraft {
  const products = skus.slice(0, 3).map((sku) => newItem('product', sku));
  return { name, items: [newItem('opening'), ...products, newItem('interaction'), newItem('closing')], interactionEveryMin: '15', closingAtPct: '85' };
}

export function planToDraft(plan: Plan): PlanDraft {
  return {
    name: plan.name,
    items: plan.items,
    interactionEveryMin: plan.pacing.interactionEveryMin === null ? '' : String(plan.pacing.interactionEveryMin),
    closingAtPct: plan.pacing.closingAtShare === null ? '' : String(Math.round(plan.pacing.closingAtShare * 100)),
  };
}

export function draftToPlanInput(d: PlanDraft): PlanInput {
  const every = Number(d.interactionEveryMin);
  const pct = Number(d.closingAtPct);
  return {
    name: d.name.trim(),
    items: d.items.map((i) => (i.kind === 'product' ? i : { ...i, sku: null })),
    pacing: {
      interactionEveryMin: d.interactionEveryMin.trim() && every > 0 ? every : null,
      closingAtShare: d.closingAtPct.trim() && pct > 0 && pct < 100 ? pct / 100 : null,
    },
  };
}

export const totalMinutes = (items: readonly PlanItem[]) => Math.round(items.reduce((s, i) => s + i.minutes, 0) * 10) / 10;

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}
