import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreProcess, type CoreProcess } from '../testing/core-process.js';
import { UPGRADE_HEADERS, UPGRADE_PATHS, upgradeRequest } from '../testing/proof-inputs.js';
import { rawRequest, statusOf } from '../testing/raw-http.js';

/**
 * WebSocket upgrades as a web page or a broken client can send them (issue 13): odd request targets,
 * missing or hostile handshake headers, with and without the token. The core runs as its own process,
 * so an exception that escapes the upgrade handler shows as an exit, not as a test error.
 */
let core: CoreProcess;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'livedesk-upgrade-'));
  core = await startCoreProcess(['--data-dir', dir, '--port', '0', '--obs-url', 'ws://127.0.0.1:9']);
});
afterAll(async () => {
  await core?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const withToken = (path: string, token: string) => `${path}${path.includes('?') ? '&' : '?'}token=${token}`;

describe('malformed WebSocket upgrades', () => {
  it('each gets an HTTP answer and the core keeps serving', async () => {
    const host = new URL(core.url).host;
    let tried = 0;
    const statuses = new Map<number | null, number>();
    const unanswered: string[] = [];
    for (const path of UPGRADE_PATHS) {
      for (const target of [path, withToken(path, core.token)]) {
        for (const { name, headers } of UPGRADE_HEADERS) {
          const answer = await rawRequest(core.url, upgradeRequest(target, headers, host)).catch((error: Error) => {
            throw new Error(`GET ${target.slice(0, 80)} (${name}) found no core: ${error.message}; its stderr: ${core.stderr().slice(-600)}`);
          });
          tried++;
          const status = statusOf(answer);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const alive = core.child.exitCode === null && core.child.signalCode === null;
          if (!alive) throw new Error(`the core died on GET ${target.slice(0, 80)} (${name}): ${core.stderr().slice(-400)}`);
          if (status === null) unanswered.push(`${target.slice(0, 60)} (${name})`);
        }
      }
    }
    expect(unanswered).toEqual([]);
    process.stderr.write(`upgrade proof: ${tried} upgrade requests, answers ${JSON.stringify(Object.fromEntries(statuses))}\n`);
    expect((await core.api('GET', '/health')).status).toBe(200);
  });

  it('still upgrades a well-formed request with the token', async () => {
    const host = new URL(core.url).host;
    expect(statusOf(await rawRequest(core.url, upgradeRequest(withToken('/ws', core.token), {}, host)))).toBe(101);
  });
});
