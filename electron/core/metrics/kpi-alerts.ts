import type { AlertKpi, AlertRule } from '../contract/index.js';

export type AlertLevel = 'yellow' | 'red';

export interface AlertTransition {
  rule: AlertRule;
  from: AlertLevel | null;
  to: AlertLevel | null;
  /** The KPI's value now. */
  value: number;
  /** What was compared with the levels: the value, or the change over the window as a fraction. */
  measure: number;
  /** Since when (ms) the condition has held without a break; the alert shows how long. */
  since: number;
}

/** A rate-of-change rule's default hold: enters after 10 s of the condition, leaves after 30 s clear. */
const RATE_HOLD_SEC = 10;
const CLEAR_HOLD_FACTOR = 3;

export function holdSecOf(rule: AlertRule): number {
  return rule.holdSec ?? (rule.condition === 'drop' || rule.condition === 'rise' ? RATE_HOLD_SEC : 0);
}

export type KpiValues = Partial<Record<AlertKpi, number | null>>;

interface SecondSample {
  second: number;
  max: number;
  min: number;
}

/**
 * Evaluates threshold rules against the live KPIs. Pure apart from its own memory: the caller passes
 * the time, so tests drive it with a fake clock and the desk with `now()`.
 */
export class KpiAlertEngine {
  private rules: AlertRule[] = [];
  private readonly levels = new Map<string, AlertLevel>();
  private readonly history = new Map<AlertKpi, SecondSample[]>();
  /** Per rule: the level the measure asks for and since when it has asked without a break. */
  private readonly asked = new Map<string, { level: AlertLevel | null; since: number }>();
  /** Per rule: since when its condition (any level) has held without a break. */
  private readonly held = new Map<string, number>();

  /** Replaces the rules; returns a clearing transition for each raised alert whose rule is gone. */
  setRules(rules: readonly AlertRule[]): AlertTransition[] {
    const previous = this.rules;
    this.rules = rules.filter((r) => r.enabled);
    const kept = new Set(this.rules.map((r) => r.id));
    const cleared: AlertTransition[] = [];
    for (const [id, level] of this.levels) {
      if (kept.has(id)) continue;
      this.levels.delete(id);
      this.asked.delete(id);
      this.held.delete(id);
      const rule = previous.find((r) => r.id === id);
      if (rule) cleared.push({ rule, from: level, to: null, value: 0, measure: 0, since: 0 });
    }
    return cleared;
  }

  levelOf(ruleId: string): AlertLevel | null {
    return this.levels.get(ruleId) ?? null;
  }

  /** Forgets history and levels, e.g. when a new session starts. */
  reset(): void {
    this.levels.clear();
    this.history.clear();
    this.asked.clear();
    this.held.clear();
  }

  evaluate(values: KpiValues, now: number): AlertTransition[] {
    const second = Math.floor(now / 1000);
    const windows = new Map<AlertKpi, number>();
    for (const r of this.rules) if (r.condition === 'drop' || r.condition === 'rise') windows.set(r.kpi, Math.max(windows.get(r.kpi) ?? 0, r.windowSec));
    for (const [kpi, windowSec] of windows) {
      const value = values[kpi];
      if (value === null || value === undefined) continue;
      this.remember(kpi, value, second, windowSec);
    }

    const transitions: AlertTransition[] = [];
    for (const rule of this.rules) {
      const value = values[rule.kpi];
      if (value === null || value === undefined) continue;
      const measure = this.measure(rule, value, second);
      if (measure === null) continue;
      const from = this.levels.get(rule.id) ?? null;
      const wanted = nextLevel(rule, measure, from);
      const since = this.noteHeld(rule.id, wanted, now);
      const to = this.afterHold(rule, from, wanted, now);
      if (to === from) continue;
      if (to) this.levels.set(rule.id, to);
      else this.levels.delete(rule.id);
      transitions.push({ rule, from, to, value, measure, since });
    }
    return transitions;
  }

  /** Tracks since when the condition has held; returns that time (now when it does not hold). */
  private noteHeld(ruleId: string, wanted: AlertLevel | null, now: number): number {
    if (wanted === null) {
      this.held.delete(ruleId);
      return now;
    }
    const since = this.held.get(ruleId) ?? now;
    this.held.set(ruleId, since);
    return since;
  }

  /**
   * The level once the hold time is respected: a higher level only after the measure asked for it
   * `holdSec` without a break, a lower one (or none) only after it asked for that 3 × `holdSec`.
   */
  private afterHold(rule: AlertRule, from: AlertLevel | null, wanted: AlertLevel | null, now: number): AlertLevel | null {
    const holdMs = holdSecOf(rule) * 1000;
    const asked = this.asked.get(rule.id);
    const since = asked && asked.level === wanted ? asked.since : now;
    this.asked.set(rule.id, { level: wanted, since });
    if (wanted === from || holdMs === 0) return wanted;
    const rising = rank(wanted) > rank(from);
    return now - since >= (rising ? holdMs : holdMs * CLEAR_HOLD_FACTOR) ? wanted : from;
  }

  private remember(kpi: AlertKpi, value: number, second: number, windowSec: number): void {
    let samples = this.history.get(kpi);
    if (!samples) this.history.set(kpi, (samples = []));
    const last = samples[samples.length - 1];
    if (last && last.second === second) {
      last.max = Math.max(last.max, value);
      last.min = Math.min(last.min, value);
    } else samples.push({ second, max: value, min: value });
    let drop = 0;
    while (drop < samples.length && (samples[drop] as SecondSample).second <= second - windowSec) drop++;
    if (drop) samples.splice(0, drop);
  }

  private measure(rule: AlertRule, value: number, second: number): number | null {
    if (rule.condition === 'above' || rule.condition === 'below') return value;
    const samples = (this.history.get(rule.kpi) ?? []).filter((s) => s.second > second - rule.windowSec);
    if (!samples.length) return null;
    if (rule.condition === 'drop') {
      const ref = Math.max(...samples.map((s) => s.max));
      return ref > 0 ? Math.max(0, (ref - value) / ref) : 0;
    }
    const ref = Math.min(...samples.map((s) => s.min));
    return ref > 0 ? Math.max(0, (value - ref) / ref) : 0;
  }
}

const rank = (level: AlertLevel | null) => (level === 'red' ? 2 : level === 'yellow' ? 1 : 0);

/**
 * The level after `measure`, given the current one: a level is entered when the measure reaches it
 * and left only once the measure is back past it by the rule's hysteresis.
 */
export function nextLevel(rule: AlertRule, measure: number, current: AlertLevel | null): AlertLevel | null {
  const below = rule.condition === 'below';
  const reached = (level: number) => (below ? measure <= level : measure >= level);
  const clearOf = (level: number) => (below ? measure > level * (1 + rule.hysteresis) : measure < level * (1 - rule.hysteresis));
  if (rule.red !== undefined && (reached(rule.red) || (current === 'red' && !clearOf(rule.red)))) return 'red';
  if (rule.yellow !== undefined && (reached(rule.yellow) || (current !== null && !clearOf(rule.yellow)))) return 'yellow';
  // A red-only rule stepping down from red clears entirely.
  return null;
}
