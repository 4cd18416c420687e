import { describe, expect, it } from 'vitest';
import { alertRuleSchema, kpiSettingsSchema, type AlertRuleInput } from '../contract/index.js';
import { KpiAlertEngine, nextLevel } from './kpi-alerts.js';

const rule = (input: Partial<AlertRuleInput> & Pick<AlertRuleInput, 'kpi' | 'condition'>) => alertRuleSchema.parse({ id: 'r', ...input });

/** A fake clock: every evaluation says what time it is. */
function run(engine: KpiAlertEngine, steps: [seconds: number, value: number][], kpi: 'online' | 'gmvFen' = 'online') {
  return steps.map(([s, value]) => {
    engine.evaluate({ [kpi]: value }, s * 1000);
    return engine.levelOf('r');
  });
}

describe('KPI alerts', () => {
  it('raises yellow then red on an absolute threshold and clears only past the hysteresis band', () => {
    const engine = new KpiAlertEngine();
    engine.setRules([rule({ kpi: 'online', condition: 'below', yellow: 500, red: 200, hysteresis: 0.1 })]);
    // 600 ok; 480 yellow; 520 still yellow (needs > 550); 190 red; 215 still red (needs > 220); 300 yellow; 560 clear
    expect(run(engine, [[0, 600], [1, 480], [2, 520], [3, 190], [4, 215], [5, 300], [6, 560]])).toEqual([
      null, 'yellow', 'yellow', 'red', 'red', 'yellow', null,
    ]);
  });

  it('"online drops 20% in 2 minutes": compares with the highest value of the window', () => {
    const engine = new KpiAlertEngine();
    engine.setRules([rule({ kpi: 'online', condition: 'drop', yellow: 0.1, red: 0.2, windowSec: 120, hysteresis: 0, holdSec: 0 })]);
    const levels = run(engine, [
      [0, 1000],
      [30, 950], // -5%
      [60, 890], // -11% → yellow
      [90, 790], // -21% → red
      [119, 800], // still -20% of the 1000 at t=0
      [121, 800], // the 1000 left the window: the max is 950 → -15.8% → yellow
      [160, 800], // the window now starts at the 890 → 800 (-10.1%): yellow
      [215, 800], // only 800s left: 0% → clear
    ]);
    expect(levels).toEqual([null, null, 'yellow', 'red', 'red', 'yellow', 'yellow', null]);
  });

  it('does not flap on a value wobbling on the line', () => {
    const engine = new KpiAlertEngine();
    engine.setRules([rule({ kpi: 'gmvFen', condition: 'above', yellow: 100_000, hysteresis: 0.05 })]);
    const levels = run(engine, [[0, 99_000], [1, 100_000], [2, 99_000], [3, 100_500], [4, 96_000], [5, 94_000]], 'gmvFen');
    expect(levels).toEqual([null, 'yellow', 'yellow', 'yellow', 'yellow', null]);
  });

  it('reports transitions once, skips KPIs without a value, and clears alerts of rules that were removed', () => {
    const engine = new KpiAlertEngine();
    const r = rule({ kpi: 'online', condition: 'below', red: 10 });
    engine.setRules([r]);
    expect(engine.evaluate({ online: null }, 0)).toEqual([]);
    expect(engine.evaluate({ online: 5 }, 1000).map((t) => [t.from, t.to])).toEqual([[null, 'red']]);
    expect(engine.evaluate({ online: 4 }, 2000)).toEqual([]);
    expect(engine.setRules([]).map((t) => [t.rule.id, t.from, t.to])).toEqual([['r', 'red', null]]);
  });

  it('rise compares with the lowest value of the window', () => {
    const engine = new KpiAlertEngine();
    engine.setRules([rule({ kpi: 'online', condition: 'rise', red: 0.5, windowSec: 60, hysteresis: 0, holdSec: 0 })]);
    expect(run(engine, [[0, 100], [10, 140], [20, 151], [90, 151]])).toEqual([null, null, 'red', null]);
  });

  it('validates rules: a level is needed, red beyond yellow, unique ids', () => {
    expect(alertRuleSchema.safeParse({ id: 'x', kpi: 'online', condition: 'above' }).success).toBe(false);
    expect(alertRuleSchema.safeParse({ id: 'x', kpi: 'online', condition: 'below', yellow: 100, red: 200 }).success).toBe(false);
    expect(alertRuleSchema.safeParse({ id: 'x', kpi: 'online', condition: 'above', yellow: 100, red: 200 }).success).toBe(true);
    const dup = { id: 'x', kpi: 'online', condition: 'above', red: 1 };
    expect(kpiSettingsSchema.safeParse({ alerts: [dup, dup] }).success).toBe(false);
  });

  it('nextLevel steps down from red to yellow before clearing', () => {
    const r = rule({ kpi: 'online', condition: 'above', yellow: 10, red: 20, hysteresis: 0 });
    expect(nextLevel(r, 15, 'red')).toBe('yellow');
    expect(nextLevel(r, 9, 'red')).toBeNull();
  });

  it('does not flap on a rate of change: one alert for 6 minutes of a wobbling audience, with how long it held', () => {
    const engine = new KpiAlertEngine();
    engine.setRules([rule({ kpi: 'online', condition: 'drop', yellow: 0.2, windowSec: 60 })]);
    const raised: { at: number; since: number }[] = [];
    // Rehearsal-like: online 1000 for 15 s, 700 for 15 s, again and again, evaluated every second.
    for (let s = 0; s < 360; s++) {
      const online = Math.floor(s / 15) % 2 === 0 ? 1000 : 700;
      for (const t of engine.evaluate({ online }, s * 1000)) if (t.to && !t.from) raised.push({ at: s * 1000, since: t.since });
    }
    expect(raised).toHaveLength(1);
    // Raised once the drop had held its 10 s, and the alert knows since when.
    expect(raised[0]).toEqual({ at: 25_000, since: 15_000 });
    // It clears only after 30 s clear.
    for (let s = 360; s < 389; s++) engine.evaluate({ online: 1000 }, s * 1000);
    expect(engine.levelOf('r')).toBe('yellow');
    for (let s = 389; s < 400; s++) engine.evaluate({ online: 1000 }, s * 1000);
    expect(engine.levelOf('r')).toBeNull();
  });
});
