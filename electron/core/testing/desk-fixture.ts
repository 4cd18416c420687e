import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeskState } from '../contract/index.js';
import { Desk, type DeskOptions } from '../engine/desk.js';
import { startServer, type RunningServer } from '../server/server.js';
import { startObsSim, type ObsSim } from '../../../native/sim/obs-sim.js';

export interface DeskFixture {
  desk: Desk;
  server: RunningServer;
  sim: ObsSim;
  dir: string;
  token: string;
  overlayToken: string;
  api: (method: string, path: string, body?: unknown, token?: string | null) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests assert on response shapes
  /** Resolves with the first published state that satisfies `predicate` (state-change events, no sleeps). */
  waitForState: (predicate: (state: DeskState) => boolean, timeoutMs?: number) => Promise<DeskState>;
  close: () => Promise<void>;
}

export const TEST_TOKEN = 'test-control-token-0123456789';
export const TEST_OVERLAY_TOKEN = 'test-overlay-token-0123456789';

/** A whole desk in-process: real SQLite in a scratch dir, the OBS simulator, the HTTP/WS server. */
export async function startDeskFixture(options: { scenes?: string[]; now?: () => number; controls?: DeskOptions['controls'] } = {}): Promise<DeskFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'livedesk-test-'));
  const sim = await startObsSim({ password: 'sim-password', scenes: options.scenes ?? ['Opening', 'Host', 'Product A', 'Product B', 'BRB'] });
  const desk = new Desk({ dbFile: join(dir, 'desk.sqlite'), obsUrl: sim.url, obsPassword: sim.password, demo: false, version: 'test', now: options.now, controls: options.controls });
  await desk.start();
  const server = await startServer({ desk, host: '127.0.0.1', port: 0, token: TEST_TOKEN, overlayToken: TEST_OVERLAY_TOKEN, staticDir: join(dir, 'no-renderer') });

  const waitForState = (predicate: (state: DeskState) => boolean, timeoutMs = 5_000) =>
    new Promise<DeskState>((resolve, reject) => {
      if (predicate(desk.hub.state)) return resolve(desk.hub.state);
      const timer = setTimeout(() => {
        off();
        reject(new Error(`state did not reach the expected condition within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = desk.hub.subscribe((state) => {
        if (!predicate(state)) return;
        clearTimeout(timer);
        off();
        resolve(state);
      });
    });

  const api: DeskFixture['api'] = async (method, path, body, token = TEST_TOKEN) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${server.url}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  await waitForState((s) => s.obs.status === 'connected');
  return {
    desk,
    server,
    sim,
    dir,
    token: TEST_TOKEN,
    overlayToken: TEST_OVERLAY_TOKEN,
    api,
    waitForState,
    close: async () => {
      await server.close();
      await desk.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
