import { afterEach, describe, expect, it } from 'vitest';
import { startRealObs } from './real-obs.js';

describe('startRealObs', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('tells how to install OBS and Xvfb when they are missing', async () => {
    process.env.PATH = '/nonexistent';
    await expect(startRealObs()).rejects.toThrow(/`obs` and `xvfb-run` on PATH\. Run scripts\/install-test-peers\.sh/);
  });
});
