import { describe, expect, it } from 'vitest';
import { draftToPlanInput, moveItem, planToDraft, starterDraft, totalMinutes } from './plan-draft.js';

describe('plan draft', () => {
  it('starts with opening, products, a beat and closing', () => {
    const d = starterDraft('新脚本', ['A', 'B']);
    expect(d.items.map((i) => i.kind)).toEqual(['opening', 'product', 'product', 'interaction', 'closing']);
    expect(totalMinutes(d.items)).toBe(5 + 8 + 8 + 3 + 5);
  });

  it('turns pacing into minutes and a share, blank meaning off, and drops skus off product segments', () => {
    const d = { name: ' x ', items: [{ kind: 'opening' as const, minutes: 2, sku: 'A' }], interactionEveryMin: '', closingAtPct: '80' };
    expect(draftToPlanInput(d)).toEqual({ name: 'x', items: [{ kind: 'opening', minutes: 2, sku: null }], pacing: { interactionEveryMin: null, closingAtShare: 0.8 } });
    const plan = { id: 'p', name: 'x', items: [], pacing: { interactionEveryMin: 12, closingAtShare: 0.85 }, createdAt: 0, updatedAt: 0 };
    expect(planToDraft(plan)).toMatchObject({ interactionEveryMin: '12', closingAtPct: '85' });
  });

  it('moves segments and ignores moves past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
