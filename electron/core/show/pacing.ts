import type { PacingRules, PlanItemKind, Reminder } from '../contract/index.js';

export interface PacingInput {
  rules: PacingRules;
  now: number;
  showStartedAt: number;
  totalPlannedMs: number;
  /** When the last interaction beat began (the show start if none has). */
  lastInteractionAt: number;
  currentKind: PlanItemKind | null;
  segmentStartedAt: number;
  plannedMs: number;
}

/** The moments each reminder becomes due; a reminder is shown once its moment has passed. */
function dueTimes(p: PacingInput): { kind: Reminder['kind']; at: number }[] {
  const due: { kind: Reminder['kind']; at: number }[] = [];
  if (p.rules.interactionEveryMin !== null && p.currentKind !== 'interaction') {
    due.push({ kind: 'interaction', at: p.lastInteractionAt + Math.round(p.rules.interactionEveryMin * 60_000) });
  }
  if (p.rules.closingAtShare !== null && p.currentKind !== 'closing' && p.totalPlannedMs > 0) {
    due.push({ kind: 'closing', at: p.showStartedAt + Math.round(p.totalPlannedMs * p.rules.closingAtShare) });
  }
  if (p.currentKind !== null && p.plannedMs > 0) due.push({ kind: 'overtime', at: p.segmentStartedAt + p.plannedMs });
  return due;
}

/**
 * Pacing reminders for the desk: an interaction beat (抽奖/福袋/Q&A) when none began for N minutes, the
 * closing phase once a share of the planned show has passed, and a segment running over its plan.
 */
export function pacingReminders(p: PacingInput): Reminder[] {
  return dueTimes(p)
    .filter((d) => d.at <= p.now)
    .map((d) => ({ kind: d.kind, since: d.at }));
}

/** When the reminders can next change by time alone (null: only a plan move can change them). */
export function nextPacingChange(p: PacingInput): number | null {
  const future = dueTimes(p)
    .map((d) => d.at)
    .filter((at) => at > p.now);
  return future.length ? Math.min(...future) : null;
}
