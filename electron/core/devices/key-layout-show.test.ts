import { describe, expect, it } from 'vitest';
import type { DeskState, FlashSale, PlanRun, Product } from '../contract/index.js';
import { lookFor } from './key-layout.js';

const tea = { sku: 'TEA-01', name: '龙井', priceFen: 12_800, flashPriceFen: 9_900 } as Product;
const products = new Map([[tea.sku, tea]]);
const base = { obs: { status: 'connected', programScene: null }, product: null, session: null, flashSale: null, plan: null } as unknown as DeskState;
const sale = { sku: 'TEA-01', name: '龙井', stock: 5, sold: 2, endsAt: Date.now() + 65_000 } as FlashSale;

describe('show keys', () => {
  it('show the flash price, then what is left while the sale runs', () => {
    expect(lookFor({ type: 'flashsale.start', sku: 'TEA-01', seconds: 60 }, base, products)).toMatchObject({ detail: '¥99', active: false, disabled: false });
    expect(lookFor({ type: 'flashsale.start', sku: 'TEA-01', seconds: 60 }, { ...base, flashSale: sale }, products)).toMatchObject({ detail: '1:05 剩 3', active: true });
    expect(lookFor({ type: 'flashsale.stop' }, base, products).disabled).toBe(true);
  });

  it('count down to the opening during a 预热, not to the end', () => {
    const warm = { ...sale, sold: 0, startedAt: Date.now() + 30_000, endsAt: Date.now() + 90_000 } as FlashSale;
    expect(lookFor({ type: 'flashsale.start', sku: 'TEA-01', seconds: 60 }, { ...base, flashSale: warm }, products)).toMatchObject({ detail: '预热 0:30', active: true });
  });

  it('follow the plan: next names the next segment, resume lights up off plan', () => {
    const plan = { index: 1, next: { kind: 'product', sku: 'CUP-02', minutes: 5 }, offPlan: { sku: 'GIFT', since: 0 } } as PlanRun;
    expect(lookFor({ type: 'product.next' }, { ...base, plan }, products)).toMatchObject({ detail: 'CUP-02', disabled: false });
    expect(lookFor({ type: 'plan.resume' }, { ...base, plan }, products)).toMatchObject({ active: true, detail: 'GIFT' });
    expect(lookFor({ type: 'plan.resume' }, base, products).disabled).toBe(true);
  });
});
