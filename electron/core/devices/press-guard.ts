import { DANGEROUS_ACTIONS, type GuardSettings, type KeyBinding } from '../contract/index.js';

export type PressOutcome = 'fired' | 'held' | 'repeat-ignored' | 'too-short' | 'unbound' | 'page';

/** What to do with a key going down, decided before anything fires. */
export type PressPlan = { kind: 'now'; outcome: 'fired' | 'page' } | { kind: 'hold'; ms: number } | { kind: 'ignore'; outcome: 'repeat-ignored' | 'unbound' };

export const DEFAULT_GUARDS: GuardSettings = { longPressMs: 800, repeatWindowMs: 300, longPressActions: [], repeatActions: ['product.next', 'product.prev'] };

/** Whether a binding must be held: dangerous actions always, others when configured. */
export function needsLongPress(binding: KeyBinding, guards: GuardSettings): boolean {
  if (binding.kind !== 'action') return false;
  return DANGEROUS_ACTIONS.has(binding.action.type) || binding.longPress === true || guards.longPressActions.includes(binding.action.type);
}

/**
 * The safety rules for hardware presses (DESIGN §1 guards): a second press of the same key inside
 * the repeat window is a bounce or a double tap unless the action allows repeats; dangerous or
 * configured actions fire only after a long press. Pure, so every rule is tested without hardware.
 */
export function planPress(binding: KeyBinding | null, guards: GuardSettings, lastFiredAt: number | undefined, at: number): PressPlan {
  if (!binding || binding.kind === 'show') return { kind: 'ignore', outcome: 'unbound' };
  if (binding.kind === 'page') return { kind: 'now', outcome: 'page' };
  const repeats = binding.allowRepeat ?? guards.repeatActions.includes(binding.action.type);
  if (!repeats && lastFiredAt !== undefined && at - lastFiredAt < guards.repeatWindowMs) return { kind: 'ignore', outcome: 'repeat-ignored' };
  if (needsLongPress(binding, guards)) return { kind: 'hold', ms: guards.longPressMs };
  return { kind: 'now', outcome: 'fired' };
}
