import { describe, expect, it } from 'vitest';
import type { Action, DeskState, DmxCue } from '../../contract/index.js';
import { CueFollower } from './cue-follower.js';

const state = (sku: string | null, scene: string | null) => ({ product: sku ? { sku } : null, obs: { status: 'connected', programScene: scene } }) as unknown as DeskState;

describe('cues that follow products and scenes', () => {
  it('fires a product cue when its 讲解 starts and a scene cue on a cut, never on the first state', () => {
    const cues: DmxCue[] = [{ name: 'tea', channels: { '1': 255 }, fadeMs: 500, product: 'TEA-1' }, { name: 'closing', channels: {}, fadeMs: 0, scene: 'BRB' }];
    const fired: Action[] = [];
    const follower = new CueFollower(() => cues, async (a) => fired.push(a), () => undefined);
    follower.onState(state('TEA-1', 'Host'));
    expect(fired).toEqual([]);
    follower.onState(state(null, 'Host'));
    follower.onState(state('TEA-1', 'Host'));
    follower.onState(state('TEA-1', 'Host'));
    follower.onState(state('TEA-1', 'BRB'));
    expect(fired).toEqual([{ type: 'light.cue', cue: 'tea' }, { type: 'light.cue', cue: 'closing' }]);
  });
});
