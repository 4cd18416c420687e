import { describe, expect, it } from 'vitest';
import { describeEvent, summarizeAction } from './describe-event.js';
import { translator } from './i18n.js';

const t = translator('zh');
const ev = (kind: string, data: Record<string, unknown>) => ({ id: 1, ts: 0, kind, data });

describe('device events in the log', () => {
  it('reads weights, placements and link changes', () => {
    expect(describeEvent(ev('scale.reading', { device: 'scale1', grams: 1560000, value: 1560, unit: 'kg', net: false }), t)).toEqual({ label: '称重', detail: '1560 kg · scale1', tone: 'info' });
    expect(describeEvent(ev('scale.placed', { device: 'scale1', grams: 251.2 }), t)).toEqual({ label: '上秤', detail: '251.2 g · scale1', tone: 'product' });
    expect(summarizeAction({ type: 'light.cue', cue: '暖光' }, t)).toBe('灯光预设 · 暖光');
    expect(describeEvent(ev('device.status', { device: 'scale1', kind: 'scale', status: 'reconnecting', reason: 'unplugged' }), t)).toEqual({ label: '设备', detail: 'scale1 reconnecting — unplugged', tone: 'warn' });
  });
});
