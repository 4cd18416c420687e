import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { DESK_READY_PREFIX, deskReadySchema, type DeskReady, type DeskState, type WsServerMessage } from '../contract/index.js';

/** The compiled core, as `npm run console` runs it. Tests build first (npm test does). */
export const CORE_MAIN = fileURLToPath(new URL('../../../out/electron/core/main.js', import.meta.url));

export interface CoreProcess extends DeskReady {
  child: ChildProcess;
  /** Everything the core wrote on stderr so far. */
  stderr: () => string;
  api: (method: string, path: string, body?: unknown, token?: string | null) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests assert on response shapes
  /** Opens /ws and resolves with the first pushed state matching `predicate`. */
  waitForState: (predicate: (state: DeskState) => boolean, timeoutMs?: number) => Promise<DeskState>;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export interface CoreExit {
  code: number | null;
  stderr: string;
  stdout: string;
}

/** Runs the core to completion when it is expected to fail at start-up. */
export async function runCoreExpectingExit(args: string[], timeoutMs = 10_000): Promise<CoreExit> {
  const child = spawn(process.execPath, [CORE_MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, stderr, stdout };
}

/** Starts the core as its own process and resolves once it printed DESK_READY. */
export async function startCoreProcess(args: string[], options: { command?: string[]; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CoreProcess> {
  const command = options.command ?? [process.execPath, CORE_MAIN];
  // Its own process group, so `npm run console` (npm → sh → node) stops as a whole by its pid.
  const child = spawn(command[0] as string, [...command.slice(1), ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: options.env ?? process.env });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>;

  const ready = await new Promise<DeskReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`core did not print DESK_READY within ${options.timeoutMs ?? 30_000} ms; stderr: ${stderr}`)), options.timeoutMs ?? 30_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith(DESK_READY_PREFIX)) return;
      clearTimeout(timer);
      resolve(deskReadySchema.parse(JSON.parse(line.slice(DESK_READY_PREFIX.length))));
    });
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`core exited (${code}) before DESK_READY: ${stderr.trim()}`));
    });
  });

  const api: CoreProcess['api'] = async (method, path, body, token = ready.token) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${ready.url}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  const waitForState: CoreProcess['waitForState'] = (predicate, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(`${ready.url.replace(/^http/, 'ws')}/ws?token=${ready.token}`);
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`no state matching the condition within ${timeoutMs} ms`));
      }, timeoutMs);
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as WsServerMessage;
        if (message.type !== 'state' || !predicate(message.state)) return;
        clearTimeout(timer);
        ws.close();
        resolve(message.state);
      });
      ws.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });

  const stop: CoreProcess['stop'] = async (signal = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const group = -(child.pid as number);
    process.kill(group, signal);
    const kill = setTimeout(() => process.kill(group, 'SIGKILL'), 5_000);
    const [code] = await exited;
    clearTimeout(kill);
    return code;
  };

  return { ...ready, child, stderr: () => stderr, api, waitForState, stop };
}
