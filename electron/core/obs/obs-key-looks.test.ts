import { describe, expect, it } from 'vitest';
import type { DeskState } from '../contract/index.js';
import { obsKeyLook } from './obs-key-looks.js';

const obs: DeskState['obs'] = {
  status: 'connected', url: 'ws://x', reason: null, since: 0, retryAt: null, obsVersion: '29.0.2', scenes: ['Host', 'BRB'], programScene: 'Host', streaming: true, recording: false,
  studioMode: true, previewScene: 'BRB', previousProgramScene: 'BRB', sceneItems: { Host: [{ id: 1, source: 'Logo', kind: 'image_source', enabled: false }] },
};
const state = (o: Partial<DeskState['obs']> = {}) => ({ obs: { ...obs, ...o } }) as DeskState;

describe('deck keys for OBS actions', () => {
  it('shows the emergency pair in red with where revert goes, and off while OBS is down', () => {
    expect(obsKeyLook({ type: 'obs.safe' }, state())).toMatchObject({ label: '安全画面', tone: 'danger', disabled: false });
    expect(obsKeyLook({ type: 'obs.revert' }, state())).toMatchObject({ detail: '← BRB', disabled: false });
    expect(obsKeyLook({ type: 'obs.revert' }, state({ previousProgramScene: null }))).toMatchObject({ disabled: true });
    expect(obsKeyLook({ type: 'obs.safe' }, state({ status: 'disconnected' }))).toMatchObject({ detail: 'OBS ✕', disabled: true });
  });

  it('lights outputs, studio mode, preview and sources from the mirror', () => {
    expect(obsKeyLook({ type: 'obs.stream.stop' }, state())).toMatchObject({ detail: '直播中', active: true, tone: 'danger' });
    expect(obsKeyLook({ type: 'obs.record.start' }, state())).toMatchObject({ detail: null, active: false });
    expect(obsKeyLook({ type: 'obs.preview', scene: 'BRB' }, state())).toMatchObject({ active: true, disabled: false });
    expect(obsKeyLook({ type: 'obs.transition' }, state({ studioMode: false }))).toMatchObject({ disabled: true });
    expect(obsKeyLook({ type: 'obs.source.toggle', scene: 'Host', source: 'Logo' }, state())).toMatchObject({ detail: '隐藏', active: false });
    expect(obsKeyLook({ type: 'product.clear' }, state())).toBeNull();
  });
});
