import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { OBSWebSocketError } from 'obs-websocket-js/json';
import { STUDIO_SCENES } from '../../../../native/sim/obs-sim-model.js';
import { scenesInObsOrder } from '../obs-mirror.js';
import { ObsSocket, RequestTimeout } from '../obs-socket.js';
import { findInPath, findXvfb, freePort, groupMembers, removeStaleXLock, signalGroup, waitGroupGone } from './obs-processes.js';
import type { XDisplay } from './obs-processes.js';

export interface RealObsOptions {
  /** obs-websocket password; random when omitted, '' turns authentication off. */
  password?: string;
  /** Scenes to create, in OBS's order; the first becomes the program scene. Default: a studio set. */
  scenes?: readonly string[];
  /** How long to wait for obs-websocket to accept a connection; default 40 s. */
  readyTimeoutMs?: number;
}

export interface RealObs {
  url: string;
  port: number;
  password: string;
  /** Process-group id (xvfb-run, Xvfb and obs all belong to it). */
  pid: number;
  /** Scratch HOME holding OBS's config and scene collection. */
  home: string;
  /**
   * Signals the whole group (default SIGTERM) and waits until every process in it has exited.
   * SIGSTOP and SIGCONT only freeze and thaw it (a hung OBS whose sockets stay open), without waiting.
   */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts OBS again with the same port and HOME (it loads the scene collection it saved). */
  restart(): Promise<void>;
  /** Stops OBS (SIGTERM, then SIGKILL) and deletes the scratch HOME. */
  stop(): Promise<void>;
}

// --multi: without it, an OBS started while another one runs on the machine (another test, another
// engineer's run) stops at a modal "OBS is already running" dialog and never opens its WebSocket.
const OBS_ARGS = ['obs', '--multi', '--minimize-to-tray', '--disable-shutdown-check', '--disable-updater'];
const TAIL_CHARS = 4000;

interface Running {
  child: ChildProcess;
  pgid: number;
  output: { text: string };
  exit: Promise<number | null>;
  x: XDisplay | null;
}

function requireBinaries(): void {
  const missing = ['obs', 'xvfb-run'].filter((b) => findInPath(b) === null);
  if (missing.length) {
    throw new Error(`Real-OBS tests need ${missing.map((b) => `\`${b}\``).join(' and ')} on PATH. Run scripts/install-test-peers.sh (on Debian: apt-get install obs-studio xvfb).`);
  }
}

function writeConfig(home: string, port: number, password: string): void {
  const dir = join(home, '.config', 'obs-studio');
  mkdirSync(dir, { recursive: true });
  // obs-websocket 5.1 (OBS 29) reads its settings from global.ini; FirstRun skips the wizard.
  const ini = ['[General]', 'FirstRun=true', '', '[OBSWebSocket]', 'ServerEnabled=true', `ServerPort=${port}`, `AuthRequired=${password ? 'true' : 'false'}`, `ServerPassword=${password}`, 'AlertsEnabled=false', 'FirstLoad=false', ''];
  writeFileSync(join(dir, 'global.ini'), ini.join('\n'));
}

function spawnObs(home: string): Running {
  // TMPDIR keeps xvfb-run's Xauthority folder inside the scratch HOME: a killed xvfb-run cannot remove it.
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, TMPDIR: home, XDG_CONFIG_HOME: join(home, '.config'), QT_QPA_PLATFORM: 'xcb' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x720x24', ...OBS_ARGS], { cwd: home, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { text: '' };
  const keep = (chunk: Buffer) => {
    output.text = (output.text + chunk.toString()).slice(-TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exit = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null)));
    child.once('error', (error) => {
      keep(Buffer.from(`\nspawn failed: ${error.message}\n`));
      resolve(-1);
    });
  });
  if (child.pid === undefined) throw new Error('could not start xvfb-run');
  return { child, pgid: child.pid, output, exit, x: null };
}

/** Polls with short connection attempts until obs-websocket identifies us. */
async function waitReady(running: Running, url: string, password: string, timeoutMs: number): Promise<ObsSocket> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void running.exit.then(() => (exited = true));
  let last = 'no attempt yet';
  while (Date.now() < deadline) {
    if (exited) throw new Error(`OBS exited before obs-websocket was ready (${url}).\n--- OBS output (tail) ---\n${running.output.text}`);
    const socket = new ObsSocket();
    let timer: NodeJS.Timeout | undefined;
    try {
      const connecting = socket.connect(url, password || undefined, { rpcVersion: 1, eventSubscriptions: 0 });
      connecting.catch(() => undefined);
      await Promise.race([connecting, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new RequestTimeout('Hello/Identify', 2000)), 2000)))]);
      return socket;
    } catch (error) {
      await socket.shutdown();
      if (error instanceof OBSWebSocketError && error.code === 4009) throw new Error(`OBS refused the test password: ${error.message}`);
      last = error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(timer);
    }
    await delay(200);
  }
  throw new Error(`OBS did not accept an obs-websocket connection on ${url} within ${(timeoutMs / 1000).toFixed(1)} s (last attempt: ${last}).\n--- OBS output (tail) ---\n${running.output.text}`);
}

/** Makes the scene list exactly `scenes` (OBS starts with one called "Scene") and shows the first. */
async function setUpScenes(obs: ObsSocket, scenes: readonly string[]): Promise<void> {
  const first = scenes[0];
  if (first === undefined) return;
  const existing = scenesInObsOrder((await obs.call('GetSceneList')).scenes);
  for (const name of scenes) if (!existing.includes(name)) await obs.call('CreateScene', { sceneName: name });
  for (const name of existing) if (!scenes.includes(name)) await obs.call('RemoveScene', { sceneName: name });
  await obs.call('SetCurrentProgramScene', { sceneName: first });
}

/**
 * Starts a real OBS Studio (29.x) under Xvfb with obs-websocket on a free loopback port and a scratch
 * HOME, for integration tests. Everything runs in one process group that `kill`/`stop` signal and wait
 * for; nothing is ever killed by name.
 */
export async function startRealObs(options: RealObsOptions = {}): Promise<RealObs> {
  requireBinaries();
  const password = options.password ?? randomBytes(12).toString('hex');
  const readyTimeoutMs = options.readyTimeoutMs ?? 40_000;
  const port = await freePort();
  const url = `ws://127.0.0.1:${port}`;
  const home = mkdtempSync(join(tmpdir(), 'livedesk-obs-'));
  writeConfig(home, port, password);

  let running: Running | null = null;
  // Should the test runner die without stop(), do not leave OBS and Xvfb behind.
  const onExit = () => {
    if (running) signalGroup(running.pgid, 'SIGKILL');
  };
  process.once('exit', onExit);

  const terminate = async (r: Running, signal: NodeJS.Signals): Promise<void> => {
    r.x ??= findXvfb(r.pgid);
    signalGroup(r.pgid, signal);
    // A frozen (SIGSTOP) group only acts on SIGTERM once it runs again.
    if (signal !== 'SIGKILL') signalGroup(r.pgid, 'SIGCONT');
    if (!(await waitGroupGone(r.pgid, signal === 'SIGKILL' ? 10_000 : 8_000))) {
      signalGroup(r.pgid, 'SIGKILL');
      if (!(await waitGroupGone(r.pgid, 10_000))) {
        throw new Error(`OBS process group ${r.pgid} still running: ${groupMembers(r.pgid).map((m) => `${m.pid} ${m.comm}`).join(', ')}`);
      }
    }
    await r.exit;
    if (r.x) removeStaleXLock(r.x);
  };

  const launch = async (): Promise<void> => {
    // xvfb-run -a can lose a race for a display number with another xvfb-run: try again then.
    for (let attempt = 1; ; attempt++) {
      const r = spawnObs(home);
      running = r;
      try {
        const admin = await waitReady(r, url, password, readyTimeoutMs);
        r.x = findXvfb(r.pgid);
        return admin.disconnect();
      } catch (error) {
        await terminate(r, 'SIGKILL');
        running = null;
        if (attempt >= 3 || !/Xvfb failed to start|server already active/i.test(r.output.text)) throw error;
      }
    }
  };

  const stopRunning = async (signal: NodeJS.Signals): Promise<void> => {
    const r = running;
    if (!r) return;
    await terminate(r, signal);
    running = null;
  };

  try {
    await launch();
    const admin = new ObsSocket();
    await admin.connect(url, password || undefined, { rpcVersion: 1, eventSubscriptions: 0 });
    try {
      await setUpScenes(admin, options.scenes ?? STUDIO_SCENES);
    } finally {
      await admin.disconnect();
    }
  } catch (error) {
    await stopRunning('SIGKILL');
    rmSync(home, { recursive: true, force: true });
    process.removeListener('exit', onExit);
    throw error;
  }

  return {
    url,
    port,
    password,
    get pid() {
      return running?.pgid ?? -1;
    },
    home,
    async kill(signal = 'SIGTERM') {
      if (signal === 'SIGSTOP' || signal === 'SIGCONT') {
        if (running) signalGroup(running.pgid, signal);
        return;
      }
      await stopRunning(signal);
    },
    async restart() {
      await stopRunning('SIGTERM');
      await launch();
    },
    async stop() {
      try {
        await stopRunning('SIGTERM');
      } finally {
        rmSync(home, { recursive: true, force: true });
        process.removeListener('exit', onExit);
      }
    },
  };
}
