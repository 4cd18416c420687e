import type { PlanItem, PlanRun } from '../../contract.js';
import { formatClock } from '../../lib/format.js';
import type { Translate } from '../../lib/i18n.js';
import { useNow } from '../../lib/use-now.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { useProductsStore } from '../../stores/products-store.js';
import { PlanJump } from './plan-jump.js';

function useSegmentLabel(): (item: PlanItem | null) => string {
  const t = useT();
  const products = useProductsStore((s) => s.products);
  return (item) => {
    if (!item) return t('run.end');
    const kind = t(`kind.${item.kind}`);
    if (item.kind === 'product') return `${kind} · ${products.find((p) => p.sku === item.sku)?.name ?? item.sku ?? ''}`;
    if (item.kind === 'interaction' && item.beat) return `${kind} · ${t(`beat.${item.beat}`)}`;
    return item.title ? `${kind} · ${item.title}` : kind;
  };
}

const reminderText = (t: Translate, kind: PlanRun['reminders'][number]['kind']) => t(`reminder.${kind}`);

/** Where the show stands against its plan: this segment's time vs planned, what's next, detours and pacing. */
export function PlanRunPanel({ disabled }: { disabled: boolean }) {
  const t = useT();
  const plan = useDeskStore((s) => s.state?.plan ?? null);
  const run = useDeskStore((s) => s.run);
  const label = useSegmentLabel();
  const now = useNow();
  const products = useProductsStore((s) => s.products);

  if (!plan) {
    return (
      <section className="run run-idle" data-testid="plan-run">
        <span className="now-label">{t('run.title')}</span>
        <p className="empty">{t('run.none')}</p>
      </section>
    );
  }
  const spent = now - plan.segmentStartedAt;
  const share = plan.plannedMs > 0 ? spent / plan.plannedMs : 0;
  const over = spent > plan.plannedMs;
  const showSpent = now - plan.startedAt;
  // What the host says now: the segment's own notes, then the product's script notes and selling points.
  const product = plan.current?.kind === 'product' ? products.find((p) => p.sku === plan.current?.sku) : undefined;
  const notes = [plan.current?.notes, product?.notes].filter(Boolean).join('\n');
  return (
    <section className={`run ${plan.current?.highConversion ? 'run-hc' : ''}`} data-testid="plan-run" data-index={plan.index} data-off-plan={plan.offPlan ? 'true' : 'false'}>
      <div className="run-head">
        <span className="now-label">{t('run.title')}</span>
        <span className="dim">{plan.name}</span>
        <span className="run-segment-num mono">{t('run.segment', { i: plan.index + 1, n: plan.count })}</span>
        <span className="dim mono run-show-clock">{t('run.showClock', { spent: formatClock(showSpent), planned: formatClock(plan.totalPlannedMs) })}</span>
      </div>
      <div className="run-current">
        <div className="run-current-name" data-testid="plan-current">
          {label(plan.current)}
          {plan.current?.highConversion ? <span className="badge badge-hc">{t('plans.hc')}</span> : null}
        </div>
        <div className={`run-clock mono ${over ? 'run-over' : ''}`}>
          {formatClock(spent)} <span className="dim">/ {formatClock(plan.plannedMs)}</span>
          {over ? <span className="run-over-tag"> +{formatClock(spent - plan.plannedMs)} {t('run.over')}</span> : null}
        </div>
      </div>
      <div className="run-bar" aria-hidden>
        <div className={`run-bar-fill ${over ? 'run-bar-over' : ''}`} style={{ width: `${Math.min(100, share * 100)}%` }} />
      </div>
      {notes ? <p className="run-notes">{notes}</p> : null}
      {product?.sellingPoints.length ? (
        <div className="tag-list run-points">
          {product.sellingPoints.map((point) => (
            <span key={point} className="tag">
              {point}
            </span>
          ))}
        </div>
      ) : null}
      {plan.offPlan ? (
        <div className="run-off" role="status">
          {t('run.offPlan', { sku: plan.offPlan.sku })}
          <button className="btn btn-small btn-primary" type="button" disabled={disabled} onClick={() => void run({ type: 'plan.resume' })}>
            {t('run.resume')}
          </button>
        </div>
      ) : null}
      {plan.reminders.length ? (
        <ul className="run-reminders" data-testid="pacing-reminders">
          {plan.reminders.map((r) => (
            <li key={r.kind} className={`reminder reminder-${r.kind}`} data-kind={r.kind}>
              {reminderText(t, r.kind)}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="run-foot">
        <button className="btn btn-small" type="button" disabled={disabled || plan.index === 0} onClick={() => void run({ type: 'product.prev' })}>
          ← {t('run.prev')}
        </button>
        <span className="run-next">
          <span className="dim">{t('run.next')}:</span> {label(plan.next)}
        </span>
        <button className="btn btn-small btn-primary run-advance" type="button" disabled={disabled || !plan.next} onClick={() => void run({ type: 'product.next' })}>
          {t('run.advance')} →
        </button>
      </div>
      <PlanJump plan={plan} label={label} disabled={disabled} />
    </section>
  );
}
