import { describe, expect, it } from 'vitest';
import type { DeskState, WsServerMessage } from '../contract.js';
import { PushedState } from './pushed-state.js';

const base = { rev: 3, demo: false, kpi: { orders: 1 }, alerts: [], scale: { grams: 5 } } as unknown as DeskState;

describe('PushedState', () => {
  it('applies patches on the whole state, keeps untouched keys by identity, drops unset keys', () => {
    const pushed = new PushedState();
    pushed.receive({ type: 'state', state: base });
    const out = pushed.receive({ type: 'patch', from: 3, rev: 5, set: { kpi: { orders: 2 } as DeskState['kpi'] }, unset: ['scale'] } as WsServerMessage & { type: 'patch' });
    expect(out).not.toBe('resync');
    const state = (out as { state: DeskState }).state;
    expect(state.rev).toBe(5);
    expect(state.kpi.orders).toBe(2);
    expect(state.alerts).toBe(base.alerts);
    expect('scale' in state).toBe(false);
  });

  it('asks for a resync on a gap or a patch before any whole state', () => {
    const pushed = new PushedState();
    expect(pushed.receive({ type: 'patch', from: 0, rev: 1, set: {} })).toBe('resync');
    pushed.receive({ type: 'state', state: base });
    expect(pushed.receive({ type: 'patch', from: 4, rev: 6, set: {} })).toBe('resync');
    // After a gap nothing applies until the whole state comes again.
    expect(pushed.receive({ type: 'patch', from: 3, rev: 6, set: {} })).toBe('resync');
    expect(pushed.receive({ type: 'state', state: { ...base, rev: 9 } })).toMatchObject({ type: 'state' });
  });
});
