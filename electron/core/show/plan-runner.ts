import { coded, DeskError, type Plan, type PlanItem, type PlanRun, type Reminder } from '../contract/index.js';
import type { Clock } from './clock.js';
import { nextPacingChange, pacingReminders, type PacingInput } from './pacing.js';

export interface PlanRunnerDeps {
  clock: Clock;
  log: (kind: string, data: Record<string, unknown>) => void;
  publish: (plan: PlanRun | null) => void;
}

const minutesMs = (item: PlanItem | undefined) => Math.round((item?.minutes ?? 0) * 60_000);

/**
 * Runs a show plan: which segment is on, since when, against how many planned minutes, what is next,
 * whether the host left the plan to explain something else, and the pacing reminders. It only keeps
 * the position; the show director does what a segment means (scene, card, light).
 */
export class PlanRunner {
  private plan: Plan | null = null;
  private run: PlanRun | null = null;
  private lastInteractionAt = 0;
  private cancelCheck: (() => void) | null = null;

  constructor(private readonly deps: PlanRunnerDeps) {}

  get state(): PlanRun | null {
    return this.run;
  }

  get current(): PlanItem | null {
    return this.run?.current ?? null;
  }

  begin(plan: Plan): PlanItem | null {
    const at = this.deps.clock.now();
    this.plan = plan;
    this.lastInteractionAt = at;
    const totalPlannedMs = plan.items.reduce((sum, i) => sum + minutesMs(i), 0);
    this.run = {
      planId: plan.id,
      name: plan.name,
      startedAt: at,
      index: 0,
      count: plan.items.length,
      current: null,
      segmentStartedAt: at,
      plannedMs: 0,
      next: null,
      totalPlannedMs,
      plannedOffsetMs: 0,
      offPlan: null,
      reminders: [],
    };
    this.deps.log('plan.start', { planId: plan.id, name: plan.name, segments: plan.items.length, plannedMinutes: totalPlannedMs / 60_000 });
    return plan.items.length ? this.goto(0) : (this.refresh(), null);
  }

  /** Moves to segment `index` and returns it; the caller enters it (scene, card, light). */
  goto(index: number): PlanItem {
    const { plan, run } = this.require();
    const item = plan.items[index];
    if (!item) throw new DeskError('bad_request', coded('plan.badIndex', { count: plan.items.length }, `index: the plan has segments 0–${plan.items.length - 1}`), { field: 'index' });
    const at = this.deps.clock.now();
    if (item.kind === 'interaction') this.lastInteractionAt = at;
    this.run = {
      ...run,
      index,
      current: item,
      segmentStartedAt: at,
      plannedMs: minutesMs(item),
      next: plan.items[index + 1] ?? null,
      plannedOffsetMs: plan.items.slice(0, index).reduce((sum, i) => sum + minutesMs(i), 0),
      offPlan: null,
    };
    this.deps.log('plan.segment', {
      index,
      kind: item.kind,
      sku: item.sku ?? null,
      title: item.title ?? null,
      plannedMinutes: item.minutes,
      highConversion: item.highConversion ?? false,
    });
    this.refresh();
    return item;
  }

  step(direction: 1 | -1): PlanItem {
    return this.goto(this.target(direction));
  }

  /** The index one step away, or a conflict at either end of the plan. */
  target(direction: 1 | -1): number {
    const { run } = this.require();
    const index = run.index + direction;
    if (index < 0) throw new DeskError('conflict', coded('plan.atFirst', {}, 'already at the first segment of the plan'));
    if (index >= run.count) throw new DeskError('conflict', coded('plan.atLast', {}, 'already at the last segment of the plan'));
    return index;
  }

  /** The segment at `index` without moving there. */
  peek(index: number): PlanItem | null {
    return this.plan?.items[index] ?? null;
  }

  /** Stops the pacing clock without logging (the desk is closing). */
  dispose(): void {
    this.cancelCheck?.();
    this.cancelCheck = null;
  }

  /** Back to the plan after a detour: the current segment is entered again, its clock keeps running. */
  resume(): PlanItem {
    const { run } = this.require();
    if (!run.current) throw new DeskError('conflict', coded('plan.empty', {}, 'the plan has no segments'));
    if (run.offPlan) this.deps.log('plan.resume', { index: run.index, sku: run.current.sku ?? null, awaySeconds: Math.round((this.deps.clock.now() - run.offPlan.since) / 1000) });
    this.run = { ...run, offPlan: null };
    this.refresh();
    return run.current;
  }

  /** Called whenever a product is explained: a product other than the segment's is a detour from the plan. */
  noteExplain(sku: string): void {
    const run = this.run;
    if (!run) return;
    const onPlan = run.current?.kind === 'product' && run.current.sku === sku;
    if (onPlan) {
      if (run.offPlan) this.resume();
      return;
    }
    if (run.offPlan?.sku === sku) return;
    const at = this.deps.clock.now();
    this.deps.log('plan.leave', { index: run.index, sku });
    this.run = { ...run, offPlan: { sku, since: at } };
    this.refresh();
  }

  end(): void {
    if (!this.run) return;
    this.deps.log('plan.end', { planId: this.run.planId, index: this.run.index, count: this.run.count, seconds: Math.round((this.deps.clock.now() - this.run.startedAt) / 1000) });
    this.cancelCheck?.();
    this.cancelCheck = null;
    this.plan = null;
    this.run = null;
    this.deps.publish(null);
  }

  private pacingInput(run: PlanRun, plan: Plan): PacingInput {
    return {
      rules: plan.pacing,
      now: this.deps.clock.now(),
      showStartedAt: run.startedAt,
      totalPlannedMs: run.totalPlannedMs,
      lastInteractionAt: this.lastInteractionAt,
      currentKind: run.current?.kind ?? null,
      segmentStartedAt: run.segmentStartedAt,
      plannedMs: run.plannedMs,
    };
  }

  /** Re-evaluates the reminders, publishes, and sets the clock for the next time they can change. */
  private refresh(): void {
    const { plan, run } = this.require();
    const input = this.pacingInput(run, plan);
    const reminders = pacingReminders(input);
    const before = new Set(run.reminders.map((r) => r.kind));
    for (const r of reminders) if (!before.has(r.kind)) this.deps.log('pacing.reminder', { kind: r.kind, index: run.index });
    this.run = { ...run, reminders: reminders satisfies Reminder[] };
    this.deps.publish(this.run);
    this.cancelCheck?.();
    const next = nextPacingChange(input);
    this.cancelCheck = next === null ? null : this.deps.clock.after(next - input.now, () => this.refresh());
  }

  private require(): { plan: Plan; run: PlanRun } {
    if (!this.plan || !this.run) throw new DeskError('conflict', coded('plan.notRunning', {}, 'no show plan is running: start the session with a plan (session.start {planId})'));
    return { plan: this.plan, run: this.run };
  }
}
