import { describe, expect, it } from 'vitest';
import type { ObsState } from '../contract/index.js';
import { backoffDelay, sameObsState, scenesInObsOrder } from './obs-mirror.js';

describe('scenesInObsOrder', () => {
  it("turns obs-websocket's bottom-up list into OBS's top-down order", () => {
    // As a real OBS 29.0.2 answered after creating A, B, C under its default "Scene".
    const fromObs = [
      { sceneIndex: 0, sceneName: 'C' },
      { sceneIndex: 1, sceneName: 'B' },
      { sceneIndex: 2, sceneName: 'A' },
      { sceneIndex: 3, sceneName: 'Scene' },
    ];
    expect(scenesInObsOrder(fromObs)).toEqual(['Scene', 'A', 'B', 'C']);
    expect(scenesInObsOrder([{ sceneName: 'x' }, { sceneName: 'y' }, { nope: 1 }])).toEqual(['y', 'x']);
  });
});

describe('backoffDelay', () => {
  it('doubles from the minimum to the maximum, with jitter in the upper half', () => {
    const low = [0, 1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, 250, 4000, () => 0));
    const high = [0, 1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, 250, 4000, () => 1));
    expect(low).toEqual([250, 250, 500, 1000, 2000, 2000, 2000]);
    expect(high).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
    expect(backoffDelay(1000, 250, 4000)).toBeLessThanOrEqual(4000);
  });
});

describe('sameObsState', () => {
  const base: ObsState = { status: 'connected', url: 'ws://x', reason: null, since: 1, retryAt: null, obsVersion: '29', scenes: ['a', 'b'], programScene: 'a', streaming: false, recording: false };
  it('compares scene lists by content', () => {
    expect(sameObsState(base, { ...base, scenes: ['a', 'b'] })).toBe(true);
    expect(sameObsState(base, { ...base, scenes: ['b', 'a'] })).toBe(false);
    expect(sameObsState(base, { ...base, streaming: true })).toBe(false);
  });
});
