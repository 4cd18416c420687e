import { describe, expect, it } from 'vitest';
import type { DeskState, Product } from '../contract/index.js';
import { defaultBindings, defaultLayout, kpiLook, lookFor, showsFlashCountdown, statusLook } from './key-layout.js';
import type { Action } from '../contract/index.js';

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

describe('default key layout for the live show (issue 17)', () => {
  const scenes = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];
  const catalog = [
    { sku: 'TEA-01', name: '龙井', priceFen: 12_800, flashPriceFen: 9_900, cue: 'warm' },
    { sku: 'CUP-02', name: '茶杯', priceFen: 3_900, cue: 'warm' },
    { sku: 'BAG-03', name: '茶包', priceFen: 1_900, cue: 'cool' },
  ] as Product[];

  it('keeps page 1 for scenes and products and turns to a show page with 秒杀, safety, plan, marker and light keys', () => {
    const layout = defaultLayout(15, 5, scenes, catalog);
    const [main, show] = layout.pages;
    expect(layout.pages).toHaveLength(2);
    expect(main?.keys['0']).toEqual({ kind: 'action', action: { type: 'obs.scene', scene: 'S1' } });
    expect(main?.keys['4']).toEqual({ kind: 'page', to: 'next' });
    expect(main?.keys['5']).toEqual({ kind: 'action', action: { type: 'product.explain', sku: 'TEA-01' } });
    const actions = Object.entries(show?.keys ?? {}).sort(([a], [b]) => Number(a) - Number(b)).map(([, b]) => (b.kind === 'action' ? b.action : b));
    expect(actions).toEqual([
      { type: 'flashsale.current' },
      { type: 'flashsale.stop' },
      { type: 'obs.safe' },
      { type: 'obs.revert' },
      { type: 'plan.resume' },
      { type: 'session.mark', label: '★' },
      { type: 'light.cue', cue: 'warm' },
      { type: 'light.cue', cue: 'cool' },
      { type: 'light.cue', cue: 'blackout' },
      { kind: 'page', to: 'next' },
    ]);
    expect(show?.keys['14']).toEqual({ kind: 'page', to: 'next' });
    // A Mini (6 keys) still reaches 秒杀, 安全画面, 撤销切换, 回到脚本 and the marker.
    expect(Object.values(defaultLayout(6, 3, scenes, catalog).pages[1]?.keys ?? {}).map((b) => (b.kind === 'action' ? b.action.type : b.kind))).toEqual(['flashsale.current', 'flashsale.stop', 'obs.safe', 'obs.revert', 'plan.resume', 'page']);
  });

  it('shows the card product on the 秒杀 key, and counts down on it while that sale runs', () => {
    const products = new Map(catalog.map((p) => [p.sku, p]));
    const live = { obs: { status: 'connected', programScene: 'S1' }, session: { id: 's', title: 't' }, product: { sku: 'TEA-01', name: '龙井' }, flashSale: null, plan: null } as unknown as DeskState;
    expect(lookFor({ type: 'flashsale.current' }, live, products)).toMatchObject({ label: '秒杀 龙井', detail: '¥99', disabled: false, active: false });
    expect(lookFor({ type: 'flashsale.current' }, { ...live, product: null }, products).disabled).toBe(true);
    expect(lookFor({ type: 'flashsale.current' }, { ...live, product: { sku: 'CUP-02' } } as DeskState, products)).toMatchObject({ label: '秒杀 茶杯', detail: '?', disabled: true });
    const running = { ...live, flashSale: { sku: 'TEA-01', name: '龙井', stock: 10, sold: 4, endsAt: Date.now() + 30_000 } } as DeskState;
    expect(lookFor({ type: 'flashsale.current' }, running, products)).toMatchObject({ active: true, detail: '0:30 剩 6' });
    const page = defaultLayout(15, 5, scenes, catalog).pages[1];
    expect(showsFlashCountdown(running, [page])).toBe(true);
    expect(showsFlashCountdown({ ...running, product: null }, [page])).toBe(false);
  });

  it('counts the card product\'s sale down to its opening during 预热, on the 秒杀 key too', () => {
    const products = new Map(catalog.map((p) => [p.sku, p]));
    const warm = { obs: { status: 'connected' }, session: { id: 's' }, product: { sku: 'TEA-01' }, flashSale: { sku: 'TEA-01', name: '龙井', stock: 10, sold: 0, startedAt: Date.now() + 20_000, endsAt: Date.now() + 80_000 }, plan: null } as unknown as DeskState;
    expect(lookFor({ type: 'flashsale.current' }, warm, products)).toMatchObject({ active: true, detail: '预热 0:20' });
    expect(lookFor({ type: 'flashsale.start', sku: 'TEA-01', seconds: 60 }, warm, products)).toMatchObject({ active: true, detail: '预热 0:20' });
  });

  it('labels every key in one language, Chinese (it read 标记 Mark, 结束 End, 安全画面 Safe)', () => {
    const products = new Map(catalog.map((p) => [p.sku, p]));
    const state = {
      obs: { status: 'connected', programScene: '开场', previewScene: null, previousProgramScene: '近景', streaming: true, recording: true, studioMode: true, sceneItems: { 开场: [{ source: '标志', enabled: false }] } },
      session: { id: 's', title: '春季' },
      kpi: { online: 1200, gmvFen: 100, orders: 3 },
      product: { sku: 'TEA-01' },
      flashSale: null,
      plan: { index: 0, next: { kind: 'product', sku: 'TEA-01' }, offPlan: { sku: 'CUP-02' } },
      scale: null,
    } as unknown as DeskState;
    const actions: Action[] = [
      { type: 'obs.preview', scene: '近景' }, { type: 'session.mark', label: '★' }, { type: 'scale.tare' }, { type: 'product.clear' },
      { type: 'flashsale.start', sku: 'TEA-01', seconds: 60 }, { type: 'flashsale.current' }, { type: 'flashsale.stop' }, { type: 'product.next' }, { type: 'product.prev' },
      { type: 'plan.resume' }, { type: 'session.start', title: '春季' }, { type: 'session.end' }, { type: 'light.cue', cue: '暖光' },
      { type: 'obs.safe' }, { type: 'obs.revert' }, { type: 'obs.transition' }, { type: 'obs.studio', enabled: true }, { type: 'obs.source.toggle', scene: '开场', source: '标志' },
      { type: 'obs.stream.start' }, { type: 'obs.stream.stop' }, { type: 'obs.record.start' }, { type: 'obs.record.stop' },
    ];
    const looks = [...actions.map((a) => lookFor(a, state, products)), ...['online', 'gmv', 'orders', 'obs'].map((m) => kpiLook(m, state)), statusLook(state), statusLook({ ...state, session: null })];
    // PGM/PVW, OBS and GMV are the studio's own abbreviations; anything else in Latin letters is English.
    const english = looks.flatMap((l) => [l.label, l.detail ?? '']).filter((text) => /[A-Za-z]{2,}/.test(text.replace(/PGM|PVW|OBS|GMV|TEA-01|CUP-02/g, '')));
    expect(english).toEqual([]);
  });
});
