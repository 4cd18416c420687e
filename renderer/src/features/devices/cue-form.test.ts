import { describe, expect, it } from 'vitest';
import { dmxCueListSchema } from '../../contract.js';
import { cueToDraft, draftsToCues, parseChannels } from './cue-form.js';

describe('cue form', () => {
  it('reads channel lists and refuses impossible ones', () => {
    expect(parseChannels('1=255, 2=128\n512=9')).toEqual({ '1': 255, '2': 128, '512': 9 });
    expect(parseChannels('')).toEqual({});
    expect(parseChannels('0=1')).toBeNull();
    expect(parseChannels('513=1')).toBeNull();
    expect(parseChannels('1=256')).toBeNull();
    expect(parseChannels('1:255')).toBeNull();
  });

  it('round-trips cues the core accepts, and numbers the bad ones', () => {
    const cues = dmxCueListSchema.parse([{ name: '产品特写', channels: { '10': 40, '1': 255 }, fadeMs: 800, product: 'TEA-1', device: 'dmx1' }]);
    const draft = cueToDraft(cues[0] as (typeof cues)[0]);
    expect(draft.channels).toBe('1=255, 10=40');
    expect(draftsToCues([draft])).toEqual({ cues });
    expect(draftsToCues([draft, { name: '', channels: 'x', fade: '0', product: '', scene: '' }])).toEqual({
      errors: [
        { key: 'cue.errName', n: 2 },
        { key: 'cue.errChannels', n: 2 },
      ],
    });
  });
});
