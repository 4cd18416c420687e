import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OBSWebSocket from 'obs-websocket-js/json';
import type { Browser, Locator, Page } from 'playwright-core';
import { startRealObs, type RealObs } from '../../electron/core/obs/testing/real-obs.js';
import { startCoreProcess, type CoreProcess } from '../../electron/core/testing/core-process.js';
import { startObsSim, type ObsSim } from '../../native/sim/obs-sim.js';
import { launchChromium, SHOTS_DIR } from './browser.js';

/** `npm run console` as a field controller starts it (it builds what is stale, then runs the core). */
const NPM = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];

/** A port nothing listens on: the desk runs without OBS and says so. */
export const DEAD_OBS_URL = 'ws://127.0.0.1:9';

/**
 * Which OBS the desk talks to:
 * - `real`: OBS 29 under Xvfb, with a second obs-websocket client (`observer`) to check what OBS does;
 * - `sim`: the obs-websocket simulator from `native/sim`;
 * - `dead`: nothing listening (the desk runs without OBS);
 * - `demo`: `--demo`, the desk's own rehearsal peers (simulated OBS, deck, scale, audience).
 */
export type ObsPeer =
  | { kind: 'real'; scenes: readonly string[]; readyTimeoutMs?: number }
  | { kind: 'sim'; scenes?: readonly string[]; password?: string }
  | { kind: 'dead' }
  | { kind: 'demo' };

export interface PrepareContext {
  /** The desk's data dir (scratch, removed at stop). */
  dir: string;
  /** The second client of a real OBS, connected before the desk starts. */
  observer: OBSWebSocket | undefined;
  /** Runs after the desk, the browser and the OBS peer have stopped, latest registered first. */
  onStop: (cleanup: () => unknown) => void;
}

export interface StartDeskOptions {
  obs: ObsPeer;
  /** Prefix of the scratch data dir, to tell runs apart in /tmp. */
  prefix?: string;
  /** Arguments added after the harness's own (`--data-dir`, `--port 0`, the OBS ones). */
  args?: string[];
  /** Set-up that must exist before the core starts (files in the data dir, serial pairs, OBS inputs). */
  prepare?: (context: PrepareContext) => Promise<void>;
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  locale?: string;
  acceptDownloads?: boolean;
}

export interface E2eDesk {
  core: CoreProcess;
  dir: string;
  browser: Browser;
  /** Set for `real`. */
  realObs: RealObs | undefined;
  /** Set for `real`: a second obs-websocket client to check what OBS really does. */
  observer: OBSWebSocket | undefined;
  /** Set for `sim`. */
  obsSim: ObsSim | undefined;
  /** The REST client with the console token (`core.api`). */
  api: CoreProcess['api'];
  /** A console page at `path` with the control token (the console strips it from the address). */
  console: (path?: string, options?: PageOptions) => Promise<Page>;
  /** An overlay page (an OBS Browser Source) at `path` with the overlay token, 1920×1080 by default. */
  overlay: (path: string, options?: PageOptions) => Promise<Page>;
  /** The program scene as OBS reports it (real OBS or the simulator). */
  programScene: () => Promise<string>;
  stop: () => Promise<void>;
}

/** A step that hangs should fail as that step, with its locator, not as a test timeout. */
const STEP_TIMEOUT_MS = 15_000;

/**
 * One desk for one spec file: its OBS peer, the core as `npm run console` runs it (in its own process
 * group, stopped by pid), Chromium, and a scratch data dir, all torn down by `stop()`.
 */
export async function startDesk(options: StartDeskOptions): Promise<E2eDesk> {
  const dir = mkdtempSync(join(tmpdir(), `${options.prefix ?? 'livedesk-e2e'}-`));
  const cleanups: (() => unknown)[] = [];
  let realObs: RealObs | undefined;
  let observer: OBSWebSocket | undefined;
  let obsSim: ObsSim | undefined;
  let core: CoreProcess | undefined;
  let browser: Browser | undefined;

  const stop = async () => {
    await browser?.close();
    await observer?.disconnect();
    await core?.stop();
    await realObs?.stop();
    await obsSim?.close();
    for (const cleanup of cleanups.reverse()) await cleanup();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const obsArgs: string[] = [];
    const peer = options.obs;
    if (peer.kind === 'real') {
      realObs = await startRealObs({ scenes: peer.scenes, ...(peer.readyTimeoutMs ? { readyTimeoutMs: peer.readyTimeoutMs } : {}) });
      observer = new OBSWebSocket();
      await observer.connect(realObs.url, realObs.password);
      obsArgs.push('--obs-url', realObs.url, '--obs-password', realObs.password);
    } else if (peer.kind === 'sim') {
      obsSim = await startObsSim({ ...(peer.password ? { password: peer.password } : {}), ...(peer.scenes ? { scenes: peer.scenes } : {}) });
      obsArgs.push('--obs-url', obsSim.url, ...(peer.password ? ['--obs-password', peer.password] : []));
    } else if (peer.kind === 'dead') {
      obsArgs.push('--obs-url', DEAD_OBS_URL);
    } else {
      obsArgs.push('--demo');
    }
    await options.prepare?.({ dir, observer, onStop: (cleanup) => cleanups.push(cleanup) });
    core = await startCoreProcess(['--data-dir', dir, '--port', '0', ...obsArgs, ...(options.args ?? [])], {
      command: [...NPM, 'run', '--silent', 'console', '--'],
      timeoutMs: 120_000,
    });
    browser = await launchChromium();
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }

  const started = core;
  const chromium = browser;
  const open = async (url: string, options: PageOptions | undefined, defaults: Required<Pick<PageOptions, 'viewport'>> & PageOptions) => {
    const page = await chromium.newPage({ ...defaults, ...options });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await page.goto(url);
    return page;
  };
  const withToken = (path: string, token: string) => `${started.url}${path}${path.includes('?') ? '&' : '?'}token=${token}`;

  return {
    core: started,
    dir,
    browser: chromium,
    realObs,
    observer,
    obsSim,
    api: started.api,
    console: (path = '/', options) => open(withToken(path, started.token), options, { viewport: { width: 1600, height: 900 }, locale: 'zh-CN' }),
    overlay: (path, options) => open(withToken(path, started.overlayToken), options, { viewport: { width: 1920, height: 1080 } }),
    programScene: async () => {
      if (observer) return (await observer.call('GetCurrentProgramScene')).currentProgramSceneName;
      if (obsSim) return obsSim.programScene();
      return (await started.api('GET', '/state')).body.obs.programScene as string;
    },
    stop,
  };
}

/** Where a screenshot named `name` goes (SHOTS_DIR), for people to look at. */
export const shotPath = (name: string) => join(SHOTS_DIR, name);

/** Saves a screenshot of a page or one element under SHOTS_DIR and returns its path. */
export async function shot(target: Page | Locator, name: string, options: { fullPage?: boolean; omitBackground?: boolean } = {}): Promise<string> {
  const path = shotPath(name);
  if ('goto' in target) await target.screenshot({ path, ...options });
  else await target.screenshot({ path, ...(options.omitBackground ? { omitBackground: true } : {}) });
  return path;
}

/** Waits until the entrance animations under `target` have finished; looping ones (pulses) are skipped. */
export async function settleAnimations(target: Page | Locator): Promise<void> {
  const finite = () =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished),
    ).then(() => undefined);
  if ('goto' in target) await target.evaluate(finite);
  else
    await target.evaluate((el) =>
      Promise.all(
        el
          .getAnimations({ subtree: true })
          .filter((a: Animation) => a.effect?.getTiming().iterations !== Infinity)
          .map((a: Animation) => a.finished),
      ).then(() => undefined),
    );
}
