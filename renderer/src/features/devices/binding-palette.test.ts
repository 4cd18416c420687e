import { describe, expect, it } from 'vitest';
import type { Action, Product } from '../../contract.js';
import { translator } from '../../lib/i18n.js';
import { ACTION_TYPES, describeBinding, NOT_ON_KEYS, paletteItems } from './binding-palette.js';

const product = { sku: 'TEA-01', name: '明前龙井', priceFen: 12_800, flashPriceFen: 9_900 } as Product;
const sources = { scenes: ['开场'], products: [product], cues: ['暖光'] };

describe('bindings palette', () => {
  it('offers every action a key can take, derived from the action list (the show actions were missing)', () => {
    const offered = new Set(paletteItems(sources, translator('zh')).flatMap((i) => (i.binding.kind === 'action' ? [i.binding.action.type] : [])));
    // Each action type is either on the palette or set aside on purpose: a new action cannot be forgotten.
    expect(ACTION_TYPES.filter((type) => !offered.has(type) && !NOT_ON_KEYS.has(type))).toEqual([]);
    for (const type of ['flashsale.current', 'flashsale.start', 'flashsale.stop', 'obs.safe', 'obs.revert', 'plan.resume', 'session.mark', 'light.cue', 'scale.tare'] as const) expect(offered).toContain(type);
  });

  it('offers the light cues, blackout included, the mark presets and the display keys', () => {
    const items = paletteItems(sources, translator('zh'));
    const actions = items.flatMap((i) => (i.binding.kind === 'action' ? [i.binding.action] : [])) as Action[];
    expect(actions.filter((a) => a.type === 'light.cue').map((a) => (a.type === 'light.cue' ? a.cue : ''))).toEqual(['暖光', 'blackout']);
    expect(actions.filter((a) => a.type === 'session.mark')).toHaveLength(4);
    expect(items.filter((i) => i.binding.kind === 'show').map((i) => i.label)).toEqual(['在线人数', 'GMV', '订单数', 'OBS 状态']);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('names chips and key cells in one language, the console\'s', () => {
    const zh = translator('zh');
    const en = translator('en');
    expect(describeBinding({ kind: 'page', to: 'next' }, [], zh)).toBe('下一页');
    expect(describeBinding({ kind: 'page', to: 'next' }, [], en)).toBe('Next page');
    expect(describeBinding({ kind: 'action', action: { type: 'session.mark', label: '★' } }, [], zh)).toBe('标记 ★');
    expect(describeBinding({ kind: 'action', action: { type: 'obs.safe' } }, [], en)).toBe('Safe scene');
    expect(describeBinding({ kind: 'action', action: { type: 'flashsale.start', sku: 'TEA-01', seconds: 60 } }, [product], zh)).toBe('开始秒杀 · 明前龙井');
    const labels = paletteItems(sources, zh).filter((i) => i.group === 'actions').map((i) => i.label);
    expect(labels.filter((l) => /[A-Za-z]{3,}/.test(l) && !/GMV|OBS|blackout|HID/.test(l))).toEqual([]);
  });
});
