import { describe, expect, it } from 'vitest';
import type { DeskState } from '../contract.js';
import { acceptsState, MAX_NOTICES, pushNotice, virtualSurface, type Notice } from './desk-reducers.js';

const state = (rev: number, surfaces: DeskState['surfaces'] = []): DeskState => ({
  rev,
  demo: false,
  session: null,
  obs: {
    status: 'disconnected',
    url: 'ws://127.0.0.1:4455',
    reason: null,
    since: 0,
    retryAt: null,
    obsVersion: null,
    scenes: [],
    programScene: null,
    streaming: false,
    recording: false,
  },
  product: null,
  kpi: { online: null, peakOnline: null, gmvFen: 0, orders: 0, buyers: 0, updatedAt: null },
  surfaces,
  alerts: [],
  recent: [],
});

describe('desk reducers', () => {
  it('keeps the newest revision but takes anything right after a reconnect', () => {
    expect(acceptsState(null, state(5), false)).toBe(true);
    expect(acceptsState(state(5), state(6), false)).toBe(true);
    expect(acceptsState(state(5), state(4), false)).toBe(false);
    expect(acceptsState(state(500), state(0), true)).toBe(true);
  });

  it('stacks notices newest first, bounded, without repeating the newest', () => {
    const n = (id: number, message = `m${id}`): Notice => ({ id, ts: id, action: 'obs.scene', code: 'conflict', message });
    let list: Notice[] = [];
    for (let i = 1; i <= 6; i++) list = pushNotice(list, n(i));
    expect(list.map((x) => x.id)).toEqual([6, 5, 4, 3]);
    expect(list).toHaveLength(MAX_NOTICES);
    list = pushNotice(list, n(7, 'm6'));
    expect(list.map((x) => x.id)).toEqual([7, 5, 4, 3]);
  });

  it('finds the virtual deck', () => {
    const deck = { id: 'virtual-1', kind: 'virtual' as const, name: 'Deck', columns: 5, rows: 3, connected: true, keys: [] };
    const real = { ...deck, id: 'sd-1', kind: 'streamdeck' as const };
    expect(virtualSurface(state(1, [real, deck]))?.id).toBe('virtual-1');
    expect(virtualSurface(state(1, [real]))).toBeNull();
    expect(virtualSurface(null)).toBeNull();
  });
});
