import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCoreProcess, type CoreProcess } from '../testing/core-process.js';
import { makeStrayBundles } from '../testing/stray-files.js';

/**
 * Start never depends on a stray file (issue 13): a dangling symlink named `*.ldbundle` used to stop
 * the desk from starting and a FIFO made start hang. Each is skipped with a log line.
 */
let core: CoreProcess | undefined;
const dir = mkdtempSync(join(tmpdir(), 'livedesk-stray-'));
afterAll(async () => {
  await core?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('stray files in the data dir', () => {
  it('are each skipped with a log line, and the desk starts and serves', async () => {
    const names = makeStrayBundles(dir);
    core = await startCoreProcess(['--data-dir', dir, '--port', '0', '--obs-url', 'ws://127.0.0.1:9'], { timeoutMs: 20_000 });
    for (const name of names) expect(core.stderr(), name).toContain(`bundle ${name}: not opened`);
    expect((await core.api('GET', '/health')).status).toBe(200);
    expect((await core.api('GET', '/sessions')).status).toBe(200);
  });
});
