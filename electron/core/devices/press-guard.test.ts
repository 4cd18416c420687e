import { describe, expect, it } from 'vitest';
import type { KeyBinding } from '../contract/index.js';
import { DEFAULT_GUARDS, planPress } from './press-guard.js';

const scene: KeyBinding = { kind: 'action', action: { type: 'obs.scene', scene: 'Host' } };
const next: KeyBinding = { kind: 'action', action: { type: 'product.next' } };
const stop: KeyBinding = { kind: 'action', action: { type: 'obs.stream.stop' } };

describe('press guards', () => {
  it('ignores a repeat inside the window unless the action allows repeats', () => {
    expect(planPress(scene, DEFAULT_GUARDS, 1000, 1000 + DEFAULT_GUARDS.repeatWindowMs - 1)).toEqual({ kind: 'ignore', outcome: 'repeat-ignored' });
    expect(planPress(scene, DEFAULT_GUARDS, 1000, 1000 + DEFAULT_GUARDS.repeatWindowMs)).toEqual({ kind: 'now', outcome: 'fired' });
    expect(planPress(next, DEFAULT_GUARDS, 1000, 1001)).toEqual({ kind: 'now', outcome: 'fired' });
    expect(planPress({ ...scene, allowRepeat: true }, DEFAULT_GUARDS, 1000, 1001)).toEqual({ kind: 'now', outcome: 'fired' });
    expect(planPress({ ...next, allowRepeat: false }, DEFAULT_GUARDS, 1000, 1001).kind).toBe('ignore');
  });

  it('needs a long press for dangerous actions always, and for others when configured', () => {
    expect(planPress(stop, DEFAULT_GUARDS, undefined, 0)).toEqual({ kind: 'hold', ms: 800 });
    expect(planPress({ ...stop, longPress: false }, DEFAULT_GUARDS, undefined, 0).kind).toBe('hold');
    expect(planPress({ ...scene, longPress: true }, { ...DEFAULT_GUARDS, longPressMs: 1500 }, undefined, 0)).toEqual({ kind: 'hold', ms: 1500 });
    expect(planPress(scene, { ...DEFAULT_GUARDS, longPressActions: ['obs.scene'] }, undefined, 0).kind).toBe('hold');
  });

  it('never fires unbound or display-only keys, and turns pages at once', () => {
    expect(planPress(null, DEFAULT_GUARDS, undefined, 0)).toEqual({ kind: 'ignore', outcome: 'unbound' });
    expect(planPress({ kind: 'show', what: 'kpi.online' }, DEFAULT_GUARDS, undefined, 0).kind).toBe('ignore');
    expect(planPress({ kind: 'page', to: 'next' }, DEFAULT_GUARDS, 0, 1)).toEqual({ kind: 'now', outcome: 'page' });
  });
});
