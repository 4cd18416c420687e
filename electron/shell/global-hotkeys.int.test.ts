import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreConnection } from '../core/contract/bridge.js';
import { GlobalHotkeys, type ShortcutRegistry } from './global-hotkeys.js';

/**
 * The shell's global shortcuts against the real core process (no Electron binary needed): an
 * in-memory registry stands in for Electron's `globalShortcut`, the way the OS would call it back.
 */

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let core: ChildProcess;
let dir: string;
let connection: CoreConnection;

class MemoryRegistry implements ShortcutRegistry {
  readonly callbacks = new Map<string, () => void>();
  readonly taken = new Set<string>(['Alt+F4']);
  register(accelerator: string, callback: () => void): boolean {
    if (this.taken.has(accelerator)) return false;
    this.callbacks.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: string): void {
    this.callbacks.delete(accelerator);
  }
}

const api = async (method: string, route: string, body?: unknown) => {
  const res = await fetch(`${connection.url}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${connection.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await res.json()) as Record<string, unknown>;
};

beforeAll(async () => {
  const build = spawnSync(process.execPath, [path.join(repo, 'scripts', 'ensure-build.mjs')], { cwd: repo, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  dir = mkdtempSync(path.join(tmpdir(), 'livedesk-hotkeys-'));
  core = spawn(process.execPath, [path.join(repo, 'out', 'electron', 'core', 'main.js'), '--port', '0', '--data-dir', dir, '--obs-url', 'ws://127.0.0.1:9'], { stdio: ['ignore', 'pipe', 'inherit'] });
  connection = await new Promise<CoreConnection>((resolve, reject) => {
    core.once('exit', (code) => reject(new Error(`core exited ${code}`)));
    createInterface({ input: core.stdout! }).on('line', (line) => {
      if (line.startsWith('DESK_READY ')) resolve(JSON.parse(line.slice('DESK_READY '.length)) as CoreConnection);
    });
  });
});

afterAll(() => {
  if (core?.pid) process.kill(core.pid, 'SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('global hotkeys in the shell', () => {
  it('registers the bound global hotkeys, forwards presses to the core, and follows changes', async () => {
    const registry = new MemoryRegistry();
    const problems: string[] = [];
    const hotkeys = new GlobalHotkeys(registry, (m) => problems.push(m));
    await api('PUT', '/bindings', {
      hotkeys: [
        { accelerator: 'CommandOrControl+Shift+S', action: { type: 'session.start', title: '热键开场' } },
        { accelerator: 'Alt+F4', action: { type: 'product.next' } },
        { accelerator: 'F8', action: { type: 'product.clear' }, global: false },
      ],
    });
    hotkeys.follow(connection, 60_000);
    const first = await hotkeys.sync();
    expect(first).toEqual({ registered: ['CommandOrControl+Shift+S'], refused: ['Alt+F4'] });
    expect(problems).toEqual(['global shortcuts taken by another app: Alt+F4']);

    await hotkeys.fire('CommandOrControl+Shift+S');
    const state = (await api('GET', '/state')) as { session: { title: string } | null };
    expect(state.session?.title).toBe('热键开场');

    await api('PUT', '/bindings', { hotkeys: [] });
    expect(await hotkeys.sync()).toEqual({ registered: [], refused: [] });
    expect(registry.callbacks.size).toBe(0);
    hotkeys.stop();
  });
});
