import { describe, expect, it } from 'vitest';
import type { Plan, PlanRun } from '../contract/index.js';
import { PlanRunner } from './plan-runner.js';
import { pacingReminders } from './pacing.js';
import { ManualClock } from './testing/manual-clock.js';

const MIN = 60_000;
const plan: Plan = {
  id: 'p1',
  name: '周末茶会',
  createdAt: 0,
  updatedAt: 0,
  pacing: { interactionEveryMin: 15, closingAtShare: 0.8 },
  items: [
    { kind: 'opening', minutes: 5, scene: 'Opening' },
    { kind: 'product', sku: 'TEA-01', minutes: 10, highConversion: true },
    { kind: 'product', sku: 'CUP-02', minutes: 10 },
    { kind: 'interaction', beat: 'fudai', minutes: 5 },
    { kind: 'closing', minutes: 10 },
  ],
};

function setup() {
  const clock = new ManualClock();
  const logged: { kind: string; data: Record<string, unknown> }[] = [];
  let published: PlanRun | null = null;
  const runner = new PlanRunner({ clock, log: (kind, data) => logged.push({ kind, data }), publish: (p) => (published = p) });
  return { clock, logged, runner, state: () => published };
}

describe('plan progression', () => {
  it('starts at the first segment and steps through the plan with time spent vs planned', () => {
    const { clock, runner, state, logged } = setup();
    const t0 = clock.now();
    expect(runner.begin(plan)).toMatchObject({ kind: 'opening' });
    expect(state()).toMatchObject({ index: 0, count: 5, totalPlannedMs: 40 * MIN, plannedMs: 5 * MIN, next: { sku: 'TEA-01' }, segmentStartedAt: t0 });
    clock.advance(4 * MIN);
    expect(runner.step(1)).toMatchObject({ sku: 'TEA-01' });
    expect(state()).toMatchObject({ index: 1, plannedOffsetMs: 5 * MIN, segmentStartedAt: t0 + 4 * MIN, next: { sku: 'CUP-02' } });
    expect(runner.step(-1)).toMatchObject({ kind: 'opening' });
    expect(() => runner.step(-1)).toThrow(/first segment/);
    runner.goto(4);
    expect(() => runner.step(1)).toThrow(/last segment/);
    expect(() => runner.goto(9)).toThrow(/segments 0–4/);
    expect(logged.filter((l) => l.kind === 'plan.segment').map((l) => l.data.index)).toEqual([0, 1, 0, 4]);
  });

  it('leaves the plan for another product and comes back to the same segment', () => {
    const { clock, runner, state, logged } = setup();
    runner.begin(plan);
    runner.goto(1);
    runner.noteExplain('TEA-01');
    expect(state()?.offPlan).toBeNull();
    clock.advance(MIN);
    runner.noteExplain('GIFT-9');
    expect(state()).toMatchObject({ index: 1, offPlan: { sku: 'GIFT-9', since: clock.now() } });
    clock.advance(2 * MIN);
    expect(runner.resume()).toMatchObject({ sku: 'TEA-01' });
    expect(state()?.offPlan).toBeNull();
    expect(logged.find((l) => l.kind === 'plan.resume')?.data).toMatchObject({ index: 1, awaySeconds: 120 });
    // Explaining the segment's own product after a detour also counts as coming back.
    runner.noteExplain('GIFT-9');
    runner.noteExplain('TEA-01');
    expect(state()?.offPlan).toBeNull();
  });

  it('raises pacing reminders on the clock: overtime, interaction beat, closing phase', () => {
    const { clock, runner, state, logged } = setup();
    runner.begin(plan);
    clock.advance(5 * MIN - 1);
    expect(state()?.reminders).toEqual([]);
    clock.advance(1);
    expect(state()?.reminders.map((r) => r.kind)).toEqual(['overtime']);
    runner.goto(1);
    expect(state()?.reminders).toEqual([]);
    clock.advance(10 * MIN - 1);
    expect(state()?.reminders).toEqual([]);
    clock.advance(1);
    expect(state()?.reminders.map((r) => r.kind)).toEqual(['interaction', 'overtime']);
    runner.goto(3);
    expect(state()?.reminders).toEqual([]);
    runner.goto(2);
    // 17 min on: a beat was due 15 min after the fudai began; 32 min = 80 % of the 40-minute plan: closing.
    clock.advance(17 * MIN);
    expect(state()?.reminders.map((r) => r.kind).sort()).toEqual(['closing', 'interaction', 'overtime']);
    runner.goto(4);
    expect(state()?.reminders.map((r) => r.kind)).toEqual(['interaction']);
    expect(logged.filter((l) => l.kind === 'pacing.reminder').map((l) => l.data.kind)).toContain('closing');
    runner.end();
    expect(state()).toBeNull();
    expect(clock.pending).toBe(0);
  });
});

describe('pacing rules', () => {
  const base = { now: 0, showStartedAt: 0, totalPlannedMs: 60 * MIN, lastInteractionAt: 0, currentKind: 'product' as const, segmentStartedAt: 0, plannedMs: 0 };
  it('are off when not configured', () => {
    expect(pacingReminders({ ...base, now: 600 * MIN, rules: { interactionEveryMin: null, closingAtShare: null } })).toEqual([]);
  });
  it('date each reminder from the moment it became due', () => {
    expect(pacingReminders({ ...base, now: 50 * MIN, rules: { interactionEveryMin: 20, closingAtShare: 0.75 } })).toEqual([
      { kind: 'interaction', since: 20 * MIN },
      { kind: 'closing', since: 45 * MIN },
    ]);
  });
});
