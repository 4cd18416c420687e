import { describe, expect, it } from 'vitest';
import { bindingsSchema, generatedLayout, type Layout } from '../../contract.js';
import { dialBinding, dialCount, setDial } from './dial-form.js';

describe('dial bindings in the editor', () => {
  it('binds each turn of a dial, clears it, and saves only what was bound', () => {
    const seed: Layout = generatedLayout(8, 4, ['A', 'B'], ['TEA-01']);
    const next = { kind: 'action', action: { type: 'product.next' } } as const;
    const prev = { kind: 'action', action: { type: 'product.prev' } } as const;
    const one = setDial(seed, 0, 0, 'right', next);
    const both = setDial(one, 0, 0, 'left', prev);
    expect(seed.pages[0]?.dials).toBeUndefined();
    expect(dialBinding(both.pages[0], 0, 'right')).toEqual(next);
    expect(dialBinding(both.pages[0], 0, 'left')).toEqual(prev);
    expect(both.pages[0]?.keys).toEqual(seed.pages[0]?.keys);
    // What the editor saves is a document the core accepts, dials included.
    const saved = bindingsSchema.parse({ layouts: { default: both } });
    expect(saved.layouts.default?.pages[0]?.dials).toEqual({ '0': { left: prev, right: next } });

    const cleared = setDial(setDial(both, 0, 0, 'left', null), 0, 0, 'right', null);
    expect(cleared.pages[0]).not.toHaveProperty('dials');
    expect(setDial(both, 5, 0, 'left', prev)).toBe(both);
  });

  it('offers the dials the deck has', () => {
    expect(dialCount('plus', 'streamdeck:P1')).toBe(4);
    expect(dialCount('original-mk2', 'streamdeck:A')).toBe(0);
    expect(dialCount('studio', 'streamdeck:S1')).toBe(2);
    // The default layout serves every deck, the virtual deck mirroring an MK.2 included.
    expect(dialCount(undefined, 'default')).toBe(4);
    expect(dialCount('original-mk2', 'default')).toBe(4);
  });
});
