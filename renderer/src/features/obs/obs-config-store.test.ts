import { describe, expect, it } from 'vitest';
import { obsProfileIdSchema } from '../../contract.js';
import { profileIdFor } from './obs-config-store.js';

describe('OBS profile ids from names', () => {
  it('slugs Latin names and numbers the rest, never reusing an id', () => {
    expect(profileIdFor('Studio B', [])).toBe('studio-b');
    expect(profileIdFor('备用机 Backup', [])).toBe('backup');
    expect(profileIdFor('Studio B', ['studio-b'])).toBe('studio-b-1');
    expect(profileIdFor('主机', [])).toBe('obs-1');
    expect(profileIdFor('主机', ['obs-1', 'obs-2'])).toBe('obs-3');
    expect(profileIdFor('  ', [])).toBe('obs-1');
  });

  it('always gives an id the core accepts', () => {
    for (const name of ['Studio B', '备用机 Backup', '主机', 'Ünïcödé Studio', 'x'.repeat(100), '-- A --']) {
      expect(obsProfileIdSchema.safeParse(profileIdFor(name, [])).success, name).toBe(true);
    }
  });
});
