import { describe, expect, it } from 'vitest';
import type { DeskState, Product } from '../contract/index.js';
import { defaultBindings, lookFor } from './key-layout.js';

const products = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({ sku: `P-${n}`, name: `P${n}`, priceFen: 100 }) as Product);

describe('default key layout with a scale', () => {
  it('gives the scale the key before marker and clear, and shows the live weight on it', () => {
    const plain = defaultBindings(15, 5, ['A'], products);
    const withScale = defaultBindings(15, 5, ['A'], products, { scale: true });
    expect(plain.find((b) => b.key === 12)?.action).toEqual({ type: 'product.explain', sku: 'P-8' });
    expect(withScale.find((b) => b.key === 12)?.action).toEqual({ type: 'scale.tare' });
    expect(withScale.filter((b) => b.action.type === 'product.explain')).toHaveLength(7);
    expect(withScale.slice(-2).map((b) => b.action.type)).toEqual(['session.mark', 'product.clear']);

    const state = { obs: { status: 'connected', programScene: 'A' }, scale: { device: 's', grams: 251.2, value: 251.2, unit: 'g', status: 'stable', net: false, placed: true, at: 1 } } as unknown as DeskState;
    expect(lookFor({ type: 'scale.tare' }, state, new Map())).toMatchObject({ detail: '251.2 g', active: true, disabled: false });
    const unstable = { ...state, scale: { ...state.scale, status: 'unstable' } } as DeskState;
    expect(lookFor({ type: 'scale.tare' }, unstable, new Map()).detail).toBe('251.2 g ~');
    expect(lookFor({ type: 'scale.tare' }, { ...state, scale: null }, new Map())).toMatchObject({ detail: '—', disabled: true });
  });
});
