import { describe, expect, it } from 'vitest';
import { buildLanes, laneOf } from './lanes.js';

const m = (ts: number, kind: string, data: Record<string, unknown> = {}) => ({ ts, kind, data });

describe('review lanes', () => {
  it('sorts event kinds into lanes by name, including kinds other features add later', () => {
    expect(laneOf('flashsale.start', {})).toBe('flashsale');
    expect(laneOf('mark', {})).toBe('marker');
    expect(laneOf('marker', {})).toBe('marker');
    expect(laneOf('alert', {})).toBe('alert');
    expect(laneOf('obs.status', { status: 'reconnecting' })).toBe('problem');
    expect(laneOf('obs.status', { status: 'connected' })).toBe('other');
    expect(laneOf('device.disconnect', {})).toBe('problem');
    expect(laneOf('obs.scene', { scene: 'Host' })).toBe('other');
  });

  it('ends a flash sale at its stop, its planned length, the next sale or the show end, whichever is first', () => {
    const lanes = buildLanes(
      [
        m(1_000, 'flashsale.start', { sku: 'A', priceFen: 990, seconds: 60 }),
        m(31_000, 'flashsale.stop', { sku: 'A' }),
        m(40_000, 'flashsale.start', { sku: 'B', seconds: 60 }),
        m(70_000, 'flashsale.start', { sku: 'C' }),
        m(200_000, 'flashsale.start', { sku: 'D', seconds: 600 }),
      ],
      300_000,
    );
    expect(lanes.map((l) => [l.sku, l.ts, l.endTs])).toEqual([
      ['A', 1_000, 31_000],
      ['B', 40_000, 70_000],
      ['C', 70_000, 200_000],
      ['D', 200_000, 300_000],
    ]);
    expect(lanes[0]?.label).toBe('A ¥9.90');
  });

  it('turns OBS outages into problem spans until OBS is connected again, and keeps markers as points', () => {
    const lanes = buildLanes(
      [
        m(10, 'obs.status', { status: 'reconnecting', reason: 'dropped' }),
        m(20, 'obs.status', { status: 'disconnected' }),
        m(50, 'obs.status', { status: 'connected' }),
        m(60, 'mark', { label: '抽奖' }),
        m(70, 'obs.status', { status: 'disconnected' }),
      ],
      100,
    );
    expect(lanes).toEqual([
      { lane: 'problem', kind: 'obs.status', ts: 10, endTs: 50, label: 'OBS reconnecting', sku: null, data: { status: 'reconnecting', reason: 'dropped' } },
      { lane: 'marker', kind: 'mark', ts: 60, endTs: null, label: '抽奖', sku: null, data: { label: '抽奖' } },
      { lane: 'problem', kind: 'obs.status', ts: 70, endTs: 100, label: 'OBS disconnected', sku: null, data: { status: 'disconnected' } },
    ]);
  });

  it('draws an alert and its clearing as one span, a repeated raise included', () => {
    const lanes = buildLanes(
      [
        m(10, 'alert', { id: 'kpi:drop', level: 'warn', text: '在线人数 ↓20%' }),
        m(15, 'alert', { id: 'kpi:drop', level: 'error', text: '在线人数 ↓30%' }),
        m(20, 'alert', { id: 'obs', level: 'error', text: 'OBS' }),
        m(40, 'alert.clear', { id: 'kpi:drop', text: '在线人数 ✓' }),
        m(41, 'alert.clear', { id: 'kpi:drop', text: '在线人数 ✓' }),
      ],
      100,
    );
    expect(lanes.map((l) => [l.kind, l.ts, l.endTs, l.label])).toEqual([
      ['alert', 10, 40, '在线人数 ↓20%'],
      ['alert', 20, 100, 'OBS'], // never cleared: on until the show ended
    ]);
  });
});
