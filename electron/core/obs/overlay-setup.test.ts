import { afterEach, describe, expect, it } from 'vitest';
import { startObsSim } from '../../../native/sim/obs-sim.js';
import type { ObsSim } from '../../../native/sim/obs-sim.js';
import { createObsLink } from './obs-link.js';
import { setUpOverlay } from './overlay-setup.js';
import { waitForObsState } from './testing/wait-for-state.js';
import type { ObsLink } from './types.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function connect(options: { withoutBrowserSource?: boolean } = {}): Promise<{ sim: ObsSim; link: ObsLink }> {
  const sim = await startObsSim(options);
  cleanups.push(() => sim.close({ abrupt: true }));
  const link = createObsLink({ url: sim.url });
  cleanups.push(() => link.close());
  link.start();
  await waitForObsState(link, (s) => s.status === 'connected');
  return { sim, link };
}

const setup = { scene: '主播近景 Host close-up', url: 'http://127.0.0.1:7420/overlay/?token=t', name: 'LiveDesk overlay', width: 1080, height: 1920 };

describe('one-click overlay setup', () => {
  it('creates the Browser Source in the scene, and repoints it (adding it to another scene) the next time', async () => {
    const { sim, link } = await connect();
    expect(await setUpOverlay(link, setup)).toEqual({ scene: setup.scene, name: setup.name, created: true });
    expect(sim.inputSettings(setup.name)).toEqual({ url: setup.url, width: 1080, height: 1920 });
    const again = await setUpOverlay(link, { ...setup, scene: '暂离 BRB', url: 'http://127.0.0.1:7421/overlay/?token=u' });
    expect(again.created).toBe(false);
    expect(sim.inputSettings(setup.name)).toMatchObject({ url: 'http://127.0.0.1:7421/overlay/?token=u' });
    // The scene is mirrored now (setup asked for its items); the new item arrives by event.
    await waitForObsState(link, (s) => s.sceneItems?.['暂离 BRB']?.some((i) => i.source === setup.name) === true, 2000, 'overlay in BRB');
  });

  it('says to use the native card on a build without Browser Source', async () => {
    const { link } = await connect({ withoutBrowserSource: true });
    await expect(setUpOverlay(link, setup)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/no Browser Source.*native product card/) });
  });
});
