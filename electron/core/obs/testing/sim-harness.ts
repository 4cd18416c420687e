import { OBSWebSocket } from 'obs-websocket-js/json';
import { afterEach } from 'vitest';
import { startObsSim } from '../../../../native/sim/obs-sim.js';
import type { ObsSim } from '../../../../native/sim/obs-sim.js';
import { createObsLink } from '../obs-link.js';
import type { ObsLink, ObsLinkOptions } from '../types.js';
import { waitForObsState } from './wait-for-state.js';

export interface SimHarness {
  /** Runs after the test, newest first, with the harness's own simulators, links and clients. */
  cleanups: (() => Promise<unknown> | void)[];
  sim(opts?: Parameters<typeof startObsSim>[0]): Promise<ObsSim>;
  /** A started link with fast backoff, so reconnect tests take milliseconds. */
  link(options: Partial<ObsLinkOptions> & { url: string }): ObsLink;
  /** A second obs-websocket client, standing in for OBS's own UI or another tool. */
  otherClient(sim: ObsSim): Promise<OBSWebSocket>;
  connected(link: ObsLink, timeoutMs?: number): ReturnType<typeof waitForObsState>;
}

/**
 * ObsLink tests against the simulated OBS. Call once at the top of a test file: it registers an
 * `afterEach` that closes everything the test opened, so no socket outlives its test.
 */
export function useSimHarness(defaults: { password: string; scenes?: string[] }): SimHarness {
  const cleanups: SimHarness['cleanups'] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return {
    cleanups,
    async sim(opts = {}) {
      const s = await startObsSim({ password: defaults.password, ...(defaults.scenes && { scenes: defaults.scenes }), ...opts });
      cleanups.push(() => s.close({ abrupt: true }));
      return s;
    },
    link(options) {
      const l = createObsLink({ password: defaults.password, minDelayMs: 20, maxDelayMs: 200, ...options });
      cleanups.push(() => l.close());
      l.start();
      return l;
    },
    async otherClient(s) {
      const obs = new OBSWebSocket();
      await obs.connect(s.url, defaults.password);
      cleanups.push(() => obs.disconnect());
      return obs;
    },
    connected: (l, timeoutMs = 5000) => waitForObsState(l, (s) => s.status === 'connected', timeoutMs, 'connected'),
  };
}
