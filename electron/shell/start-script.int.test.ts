import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm start` (scripts/start.mjs) in a scratch copy of the app: the real script and the compiled
 * shell, a fake core at out/electron/core/main.js and, for the Electron branch, a fake `electron`
 * package whose "binary" reports how it was launched.
 */

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const FAKE_CORE = `
const mode = process.env.FAKE_CORE_MODE ?? 'ready';
if (mode === 'fatal') {
  console.error('port 7420 is already in use');
  process.exit(2);
}
process.on('SIGTERM', () => { console.log('fake core stopping'); process.exit(0); });
process.on('SIGINT', () => {}); // the terminal's Ctrl+C reaches the whole group; stop on SIGTERM only
setInterval(() => {}, 1000);
console.log('fake core pid ' + process.pid + ' args ' + JSON.stringify(process.argv.slice(2)));
console.log('DESK_READY ' + JSON.stringify({ url: 'http://127.0.0.1:7999', token: 'tok en', overlayToken: 'ovl' }));
`;

const FAKE_ELECTRON = `#!${process.execPath}
console.log('FAKE_ELECTRON ' + JSON.stringify({ cwd: process.cwd(), args: process.argv.slice(2) }));
process.exit(3);
`;

let scratch: string;
const children: ChildProcess[] = [];

function makeApp(withElectron: boolean): string {
  const app = mkdtempSync(path.join(scratch, 'app-'));
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'livedesk-scratch', type: 'module', private: true }));
  mkdirSync(path.join(app, 'scripts'));
  cpSync(path.join(repo, 'scripts', 'start.mjs'), path.join(app, 'scripts', 'start.mjs'));
  writeFileSync(path.join(app, 'scripts', 'ensure-build.mjs'), '');
  cpSync(path.join(repo, 'out', 'electron', 'shell'), path.join(app, 'out', 'electron', 'shell'), { recursive: true });
  cpSync(path.join(repo, 'out', 'electron', 'core', 'contract'), path.join(app, 'out', 'electron', 'core', 'contract'), { recursive: true });
  writeFileSync(path.join(app, 'out', 'electron', 'core', 'main.js'), FAKE_CORE);
  mkdirSync(path.join(app, 'node_modules'));
  symlinkSync(path.join(repo, 'node_modules', 'zod'), path.join(app, 'node_modules', 'zod'));
  if (withElectron) {
    const pkg = path.join(app, 'node_modules', 'electron');
    mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
    writeFileSync(path.join(pkg, 'index.js'), "module.exports = require('path').join(__dirname, 'dist', 'electron');");
    writeFileSync(path.join(pkg, 'dist', 'electron'), FAKE_ELECTRON);
    chmodSync(path.join(pkg, 'dist', 'electron'), 0o755);
  }
  return app;
}

function start(app: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [path.join(app, 'scripts', 'start.mjs'), ...args], {
    cwd: app,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: string[] = [];
  const waiters: { match: RegExp; resolve(line: string): void }[] = [];
  const onLine = (line: string) => {
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.match.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const waitFor = (match: RegExp) =>
    new Promise<string>((resolve) => {
      const seen = lines.find((l) => match.test(l));
      if (seen !== undefined) resolve(seen);
      else waiters.push({ match, resolve });
    });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, lines, waitFor, exited };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

beforeAll(() => {
  // The script runs the compiled shell; build just that project (a no-op when it is up to date).
  const tsc = spawnSync(process.execPath, [path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'electron/shell'], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (tsc.status !== 0) throw new Error(`tsc -b electron/shell failed:\n${tsc.stdout}${tsc.stderr}`);
  scratch = mkdtempSync(path.join(tmpdir(), 'livedesk-start-'));
});

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  }
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('npm start without an Electron runtime', () => {
  it('says so in one line, serves the console and prints its URLs', async () => {
    const run = start(makeApp(false), ['--port', '0', '--demo']);
    await run.waitFor(/^Overlay for OBS Browser Source/);
    const notice = run.lines.filter((l) => l.startsWith('Electron runtime not installed here'));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatch(/^Electron runtime not installed here \(.+\); serving the console in your browser instead\.$/);
    expect(run.lines).toContain('LiveDesk console: http://127.0.0.1:7999/?token=tok%20en');
    expect(run.lines).toContain('Overlay for OBS Browser Source (1920×1080): http://127.0.0.1:7999/overlay/card?token=ovl');
    expect(run.lines.some((l) => l.includes('args ["--port","0","--demo"]'))).toBe(true);

    const pidLine = await run.waitFor(/fake core pid \d+/);
    const corePid = Number(/pid (\d+)/.exec(pidLine)?.[1]);
    run.child.kill('SIGINT');
    const [code] = await run.exited;
    expect(code).toBe(0);
    expect(run.lines.some((l) => l.includes('fake core stopping'))).toBe(true);
    expect(isAlive(corePid)).toBe(false);
  });

  it('exits non-zero with the core’s reason when the core cannot start', async () => {
    const run = start(makeApp(false), [], { FAKE_CORE_MODE: 'fatal' });
    const [code] = await run.exited;
    expect(code).toBe(1);
    expect(run.lines).toContain('LiveDesk could not start: port 7420 is already in use');
  });
});

describe('npm start with an Electron runtime', () => {
  it('launches electron . with the CLI flags and exits with its code', async () => {
    const app = makeApp(true);
    const run = start(app, ['--demo', '--port', '0']);
    const [code] = await run.exited;
    expect(code).toBe(3);
    const line = run.lines.find((l) => l.startsWith('FAKE_ELECTRON '));
    expect(line).toBeDefined();
    expect(JSON.parse(line!.slice('FAKE_ELECTRON '.length))).toEqual({ cwd: app, args: ['.', '--demo', '--port', '0'] });
    expect(run.lines.some((l) => l.startsWith('Electron runtime not installed'))).toBe(false);
  });
});
