import { EventEmitter, once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backoffDelay, CoreSupervisor, type CoreExit, type SupervisorLogger, type SupervisorOptions } from './supervisor.js';

// A stand-in for out/electron/core/main.js. FAKE_MODE picks the behaviour; FAKE_COUNTER counts its
// runs across restarts. It echoes its secrets the way a careless core might, to test redaction, and
// installs its signal handlers before it reports ready, as the real core must.
const FAKE_CORE = String.raw`
const fs = require('node:fs');
const counter = process.env.FAKE_COUNTER;
const n = (fs.existsSync(counter) ? Number(fs.readFileSync(counter, 'utf8')) : 0) + 1;
fs.writeFileSync(counter, String(n));
const mode = process.env.FAKE_MODE;
const ready = () => console.log('DESK_READY ' + JSON.stringify({ url: 'http://127.0.0.1:7420', token: 'tok-' + n + '-secret', overlayToken: 'ovl-' + n + '-secret' }));
const stayUp = () => {
  process.on('SIGTERM', () => { console.error('stopping on SIGTERM'); process.exit(0); });
  setInterval(() => {}, 1000);
};
console.error('config: ' + process.argv.slice(2).join(' '));
if (mode === 'fatal' || (mode === 'fatal-then-ready' && n === 1)) {
  console.error('port 7420 is already in use');
  process.exit(2);
} else if (mode === 'crash-after-ready' && n <= 2) {
  ready();
  setImmediate(() => process.exit(1));
} else if (mode === 'ignore-term') {
  process.on('SIGTERM', () => console.error('ignoring SIGTERM'));
  setInterval(() => {}, 1000);
  ready();
} else if (mode === 'silent') {
  setInterval(() => {}, 1000);
} else if (mode === 'bad-ready') {
  stayUp();
  console.log('DESK_READY {"url":1,"token":"leaky-token-abc"}');
  ready();
  console.log('overlay: http://127.0.0.1:7420/overlay/card?token=ovl-' + n + '-secret');
} else {
  stayUp();
  console.log('starting the fake core');
  ready();
  console.log('overlay: http://127.0.0.1:7420/overlay/card?token=ovl-' + n + '-secret');
}
`;

let dir: string;
let script: string;
let runs = 0;
const live: CoreSupervisor[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'livedesk-supervisor-'));
  script = path.join(dir, 'fake-core.cjs');
  writeFileSync(script, FAKE_CORE);
});

afterEach(async () => {
  await Promise.all(live.splice(0).map((s) => s.stop()));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

type Logged = { level: keyof SupervisorLogger; message: string };

function supervise(mode: string, overrides: Partial<SupervisorOptions> = {}) {
  const counter = path.join(dir, `runs-${++runs}`);
  const logs: Logged[] = [];
  const logged = new EventEmitter();
  const log = (level: Logged['level']) => (message: string) => {
    logs.push({ level, message });
    logged.emit('log');
  };
  const logger: SupervisorLogger = { info: log('info'), warn: log('warn'), error: log('error') };
  const waitForLog = (match: (message: string) => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!logs.some((l) => match(l.message))) return;
        logged.off('log', check);
        resolve();
      };
      logged.on('log', check);
      check();
    });
  const supervisor = new CoreSupervisor({
    nodePath: process.execPath,
    script,
    args: ['--port', '0', '--token', 'cli-token-123', '--obs-password=hunter22'],
    env: { FAKE_MODE: mode, FAKE_COUNTER: counter },
    logger,
    backoff: { initialMs: 20, factor: 2, maxMs: 1_000 },
    stopTimeoutMs: 300,
    ...overrides,
  });
  live.push(supervisor);
  const runCount = () => Number(readFileSync(counter, 'utf8'));
  return { supervisor, logs, runCount, waitForLog };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('backoffDelay', () => {
  it('grows exponentially from the initial delay up to the cap', () => {
    const options = { initialMs: 500, factor: 2, maxMs: 4_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, options))).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000]);
  });
});

describe('CoreSupervisor', () => {
  it('starts the core and resolves ready with the parsed DESK_READY line', async () => {
    const { supervisor } = supervise('ready');
    const spawned = once(supervisor, 'spawn');
    supervisor.start();
    const [pid] = (await spawned) as [number];
    const info = await supervisor.ready;
    expect(info).toEqual({ url: 'http://127.0.0.1:7420', token: 'tok-1-secret', overlayToken: 'ovl-1-secret' });
    expect(supervisor.state).toBe('ready');
    expect(supervisor.pid).toBe(pid);
    expect(supervisor.current).toEqual(info);
  });

  it('restarts a core that dies, with exponential backoff', async () => {
    const { supervisor, runCount } = supervise('crash-after-ready');
    const restarts: number[] = [];
    supervisor.on('restart', ({ delayMs }) => restarts.push(delayMs));
    const exits: CoreExit[] = [];
    supervisor.on('exit', (exit) => exits.push(exit));
    const readies: string[] = [];
    const third = new Promise<void>((resolve) => {
      supervisor.on('ready', (info) => {
        readies.push(info.token);
        if (readies.length === 3) resolve();
      });
    });
    supervisor.start();
    await third;
    expect(readies).toEqual(['tok-1-secret', 'tok-2-secret', 'tok-3-secret']);
    expect(restarts).toEqual([20, 40]);
    expect(exits.map((e) => ({ code: e.code, wasReady: e.wasReady, expected: e.expected }))).toEqual([
      { code: 1, wasReady: true, expected: false },
      { code: 1, wasReady: true, expected: false },
    ]);
    expect(runCount()).toBe(3);
    expect(supervisor.state).toBe('ready');
  });

  it('retries one failed start', async () => {
    const { supervisor, runCount } = supervise('fatal-then-ready');
    const info = await supervisor.start().ready;
    expect(info.token).toBe('tok-2-secret');
    expect(runCount()).toBe(2);
  });

  it('gives up with the core’s reason after two failed starts in a row, and does not restart', async () => {
    const { supervisor, runCount } = supervise('fatal');
    const fatal = once(supervisor, 'fatal');
    supervisor.start();
    const [reason] = (await fatal) as [string];
    expect(reason).toBe('port 7420 is already in use');
    await expect(supervisor.ready).rejects.toThrow('port 7420 is already in use');
    expect(supervisor.state).toBe('failed');
    expect(supervisor.pid).toBeNull();
    expect(runCount()).toBe(2);
  });

  it('reports a Node executable that cannot run as fatal', async () => {
    const { supervisor } = supervise('ready', { nodePath: path.join(dir, 'no-such-node') });
    const fatal = once(supervisor, 'fatal');
    supervisor.start();
    const [reason] = (await fatal) as [string];
    expect(reason).toMatch(/^cannot run .*no-such-node: .*ENOENT/);
    await expect(supervisor.ready).rejects.toThrow(/ENOENT/);
  });

  it('kills and restarts a core that never reports ready', async () => {
    const { supervisor } = supervise('silent', { readyTimeoutMs: 300 });
    const exit = once(supervisor, 'exit');
    const restart = once(supervisor, 'restart');
    supervisor.start();
    const [first] = (await exit) as [CoreExit];
    expect(first.signal).toBe('SIGKILL');
    expect(first.reason).toMatch(/did not report ready within 300 ms/);
    await restart;
  });

  it('stop() ends the core with SIGTERM, by pid', async () => {
    const { supervisor, logs } = supervise('ready');
    await supervisor.start().ready;
    const pid = supervisor.pid as number;
    const exit = once(supervisor, 'exit');
    await supervisor.stop();
    const [ended] = (await exit) as [CoreExit];
    expect(ended).toMatchObject({ pid, code: 0, signal: null, expected: true });
    expect(isAlive(pid)).toBe(false);
    expect(supervisor.state).toBe('stopped');
    expect(logs.some((l) => l.message === 'stopping on SIGTERM')).toBe(true);
  });

  it('stop() falls back to SIGKILL when the core ignores SIGTERM', async () => {
    const { supervisor } = supervise('ignore-term');
    await supervisor.start().ready;
    const pid = supervisor.pid as number;
    const exit = once(supervisor, 'exit');
    await supervisor.stop();
    const [ended] = (await exit) as [CoreExit];
    expect(ended).toMatchObject({ pid, signal: 'SIGKILL', expected: true });
    expect(isAlive(pid)).toBe(false);
  });

  it('stop() before the core is ready rejects ready and never restarts', async () => {
    const { supervisor } = supervise('silent');
    const spawned = once(supervisor, 'spawn');
    supervisor.start();
    await spawned;
    let restarted = false;
    supervisor.on('restart', () => (restarted = true));
    await supervisor.stop();
    await expect(supervisor.ready).rejects.toThrow(/stopped before it was ready/);
    expect(restarted).toBe(false);
    expect(supervisor.pid).toBeNull();
  });

  it('keeps tokens and passwords out of the logs', async () => {
    const { supervisor, logs, waitForLog } = supervise('bad-ready');
    await supervisor.start().ready;
    await waitForLog((message) => message.startsWith('overlay:'));
    await supervisor.stop();
    const text = logs.map((l) => l.message).join('\n');
    for (const secret of ['cli-token-123', 'hunter22', 'tok-1-secret', 'ovl-1-secret', 'leaky-token-abc']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('config: --port 0 --token [redacted] --obs-password=[redacted]');
    expect(text).toContain('overlay: http://127.0.0.1:7420/overlay/card?token=[redacted]');
    expect(text).toMatch(/ignored a malformed DESK_READY line/);
  });
});
