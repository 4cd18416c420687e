import { describe, expect, it } from 'vitest';
import { describeEvent, summarizeAction } from './describe-event.js';
import { translator } from './i18n.js';

const t = translator('en');
const ev = (kind: string, data: Record<string, unknown>) => ({ id: 1, ts: 0, kind, data });

describe('describeEvent', () => {
  it('describes hardware presses with surface, key, binding and what the guards did', () => {
    expect(describeEvent(ev('press', { surface: 'streamdeck:AB12', kind: 'streamdeck', key: 4, page: 0, outcome: 'too-short', action: 'session.end' }), t)).toEqual({
      label: 'Key',
      detail: 'streamdeck:AB12 #5 End session · released too soon',
      tone: 'warn',
    });
  });

  it('describes the kinds the core logs', () => {
    expect(describeEvent(ev('explain.start', { sku: 'A1', name: '羊绒围巾', priceFen: 19900 }), t)).toEqual({
      label: 'Explain',
      detail: '羊绒围巾  ¥199.00',
      tone: 'product',
    });
    expect(describeEvent(ev('obs.scene', { scene: 'Close-up', from: 'Wide' }), t).detail).toBe('Wide → Close-up');
    expect(describeEvent(ev('ingest.order', { sku: 'A1', qty: 2, amount: 39800 }), t).detail).toBe('A1 ×2  ¥398.00');
    expect(describeEvent(ev('explain.end', { sku: 'A1', seconds: 75 }), t).detail).toBe('A1  01:15');
    expect(describeEvent(ev('session.end', { gmvFen: 100, orders: 3 }), t).detail).toBe('GMV ¥1.00 · 3 orders');
    expect(describeEvent(ev('obs.status', { status: 'disconnected', reason: 'ECONNREFUSED' }), t)).toMatchObject({
      detail: 'disconnected — ECONNREFUSED',
      tone: 'warn',
    });
    expect(describeEvent(ev('action.refused', { action: { type: 'session.end' }, refused: 'needs confirmation' }), t)).toMatchObject({
      label: 'Refused',
      tone: 'error',
    });
  });

  it('says coded alerts and refusals in the reader\'s language, old sentence-only lines as stored', () => {
    const zh = translator('zh');
    const alert = ev('alert', { id: 'session-interrupted', level: 'warn', code: 'session.interrupted', params: { title: '春季专场' }, text: 'Session "春季专场" was cut off' });
    expect(describeEvent(alert, zh).detail).toBe('直播被中断：场次“春季专场”意外终止（崩溃或断电），请恢复或关闭。');
    const refused = ev('action.refused', { action: { type: 'flashsale.stop' }, refused: 'no flash sale is running', text: { code: 'flash.notRunning', params: {} } });
    expect(describeEvent(refused, zh).detail).toBe('停止秒杀: 当前没有进行中的秒杀。');
    expect(describeEvent(ev('alert', { id: 'x', level: 'error', text: '推流中断 stream down' }), zh).detail).toBe('推流中断 stream down');
  });

  it('names actions and their origin in the reader\'s language, never by raw id', () => {
    expect(summarizeAction({ type: 'obs.scene', scene: 'Wide' }, t)).toBe('Switch scene · Wide');
    expect(summarizeAction({ type: 'product.clear' }, t)).toBe('Clear product');
    expect(summarizeAction({ type: 'some.future' }, t)).toBe('some.future');
    expect(describeEvent(ev('action', { action: { type: 'product.explain', sku: 'A1' }, origin: { surface: 'deck' } }), t).detail).toBe('Explain · A1  via a deck key');
    const zh = translator('zh');
    expect(describeEvent(ev('action', { action: { type: 'flashsale.start', sku: 'TEA-02' }, origin: { surface: 'ui' } }), zh).detail).toBe('开始秒杀 · TEA-02  来自 中控台');
    expect(describeEvent(ev('press', { surface: 'deck-1', key: 0, outcome: 'page', action: 'page:next' }), zh).detail).toBe('deck-1 #1 按键板翻页 · 翻页');
  });

  it('falls back to the raw kind and a compact data line', () => {
    expect(describeEvent(ev('device.connect', { id: 'deck-1', port: 3, nested: { x: 1 } }), t)).toEqual({
      label: 'device.connect',
      detail: 'id=deck-1 port=3',
      tone: 'info',
    });
  });
});

describe('describeEvent for the show', () => {
  it('translates preset markers and reads plan, pacing and flash-sale events', () => {
    expect(describeEvent(ev('mark', { label: 'clip this' }), t)).toMatchObject({ label: 'Marker', detail: 'Clip this' });
    expect(describeEvent(ev('mark', { label: '主播口误' }), t).detail).toBe('主播口误');
    expect(describeEvent(ev('plan.segment', { index: 1, kind: 'product', sku: 'TEA-01' }), t).detail).toBe('2. Explain · TEA-01');
    expect(describeEvent(ev('pacing.reminder', { kind: 'closing' }), t).detail).toBe('Start the closing phase');
    expect(describeEvent(ev('flashsale.end', { sku: 'TEA-01', reason: 'sold-out', sold: 3, gmvFen: 29_700 }), t).detail).toBe('TEA-01 · sold out · 3 · ¥297.00');
  });
});
