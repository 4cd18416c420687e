import { useEffect } from 'react';
import type { PlanItem, PlanRun } from '../../contract.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { usePlansStore } from '../../stores/plans-store.js';
import { useT } from '../../stores/prefs-store.js';

/**
 * Every segment of the running plan, each a click away (`plan.goto`): the host skips ahead or goes back
 * without stepping through the ones between.
 */
export function PlanJump({ plan, label, disabled }: { plan: PlanRun; label: (item: PlanItem) => string; disabled: boolean }) {
  const t = useT();
  const run = useDeskStore((s) => s.run);
  const items = usePlansStore((s) => s.plans.find((p) => p.id === plan.planId)?.items ?? null);
  useEffect(() => {
    if (!items) void usePlansStore.getState().load();
  }, [items]);
  if (!items) return null;
  return (
    <details className="run-jump" data-testid="plan-jump">
      <summary>{t('run.jump', { n: items.length })}</summary>
      <ol>
        {items.map((item, i) => (
          <li key={i} className={i === plan.index ? 'run-jump-current' : ''} data-segment={i}>
            <span className="mono dim">{i + 1}</span>
            <span className="run-jump-name">{label(item)}</span>
            <span className="mono dim">{item.minutes}′</span>
            <button type="button" className="btn btn-small" disabled={disabled || i === plan.index} onClick={() => void run({ type: 'plan.goto', index: i })}>
              {t('run.goto')}
            </button>
          </li>
        ))}
      </ol>
    </details>
  );
}
