import { describe, expect, it } from 'vitest';
import type { DeskState, Product } from '../contract/index.js';
import { flashSaleEnd, kpiLook, lookFor } from './key-layout.js';

const state = (over: Partial<DeskState> = {}): DeskState => ({
  rev: 1,
  demo: false,
  session: null,
  obs: { status: 'connected', url: 'ws://x', reason: null, since: 0, retryAt: null, obsVersion: '29', scenes: ['Host', 'Product'], programScene: 'Host', streaming: false, recording: false },
  product: null,
  kpi: { online: 15200, peakOnline: 15200, gmvFen: 1288800, orders: 12, buyers: 10, updatedAt: 1 },
  surfaces: [],
  alerts: [],
  recent: [],
  ...over,
});
const tea: Product = { sku: 'TEA', name: '龙井', priceFen: 12800, currency: 'CNY', scene: null, image: '/pics/tea.png', notes: null, createdAt: 0, updatedAt: 0 } as Product;
const products = new Map([[tea.sku, tea]]);

describe('key looks', () => {
  it('tell the truth about OBS: program scene lit, everything OBS greyed while it is down', () => {
    expect(lookFor({ type: 'obs.scene', scene: 'Host' }, state(), products)).toMatchObject({ active: true, detail: 'PGM' });
    const down = state({ obs: { ...state().obs, status: 'disconnected' } });
    expect(lookFor({ type: 'obs.scene', scene: 'Host' }, down, products)).toMatchObject({ active: false, disabled: true, detail: 'OBS ✕' });
    expect(lookFor({ type: 'obs.stream.start' }, down, products)).toMatchObject({ disabled: true, detail: 'OBS ✕' });
  });

  it('shows a product with its price and picture, and as live while explained', () => {
    expect(lookFor({ type: 'product.explain', sku: 'TEA' }, state(), products)).toEqual({ label: '龙井', detail: '¥128', tone: 'product', active: false, disabled: false, image: '/pics/tea.png' });
    const live = state({ product: { sku: 'TEA', name: '龙井', priceFen: 12800, image: null, since: 0, gmvFen: 0, orders: 0 } });
    expect(lookFor({ type: 'product.explain', sku: 'TEA' }, live, products)).toMatchObject({ active: true, detail: '讲解中 ¥128' });
  });

  it('counts a flash sale down and shows KPIs compactly', () => {
    const endsAt = Date.now() + 65_000;
    const sale = { ...state(), flashSale: { sku: 'TEA', name: '龙井', stock: null, sold: 4, endsAt } } as DeskState;
    expect(flashSaleEnd(sale)).toBe(endsAt);
    expect(lookFor({ type: 'flashsale.start', sku: 'TEA', seconds: 60 }, sale, products)).toMatchObject({ label: '秒杀 龙井', detail: '1:05 已抢 4', active: true });
    expect(kpiLook('online', state({ session: { id: 's', title: 't', currency: 'CNY', startedAt: 0, endedAt: null, status: 'live', rehearsal: false } }))).toMatchObject({ detail: '1.5万', disabled: false });
    expect(kpiLook('gmv', state())).toMatchObject({ detail: '¥12888', disabled: true });
  });
});
