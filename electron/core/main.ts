#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { DESK_READY_PREFIX, type DeskReady } from './contract/index.js';
import { isLoopback, parseCoreArgs, UsageError } from './cli.js';
import { defaultDataDir, loadSecrets, prepareDataDir } from './data-dir.js';
import { Desk } from './engine/desk.js';
import { startServer, type RunningServer } from './server/server.js';
import { realControlBackends } from './devices/controls/backends.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The desk's heap may grow half again past what the last full collection kept, not V8's default up
 * to 4×: at 10k events a second and more the core holds ~20 MB of live objects but allocates fast, and
 * the default let the heap float to 100 MB of mostly garbage (DESIGN §7: ≤ 200 MB after a 2M-event
 * show). V8 reads the flag each time it sets the next limit, so setting it here at start is enough.
 */
setFlagsFromString('--heap-growing-percent=50');

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(here, '../../../package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Prints one line and exits non-zero: the supervisor and the user both read this line. */
function fatal(message: string, code = 1): never {
  process.stderr.write(`livedesk: ${message.replace(/\s+/g, ' ')}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseCoreArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) fatal(error.message, 2);
    throw error;
  }
  const dataDir = resolve(args.dataDir ?? defaultDataDir());
  let desk: Desk;
  let server: RunningServer;
  let secrets;
  // Rehearsal's simulated hardware loads only in --demo: a real desk starts without it.
  const controls = args.demo ? (await import('./devices/controls/demo-backends.js')).demoControlBackends() : realControlBackends();
  try {
    prepareDataDir(dataDir);
    secrets = loadSecrets(dataDir);
    desk = new Desk({
      dbFile: join(dataDir, 'livedesk.sqlite'),
      obsUrl: args.obsUrl,
      obsPassword: args.obsPassword ?? secrets.obsPassword,
      demo: args.demo,
      version: version(),
      controls,
    });
  } catch (error) {
    fatal((error as Error).message);
  }
  const token = args.token ?? secrets.token;
  try {
    await desk.start();
    server = await startServer({ desk, host: args.host, port: args.port, token, overlayToken: secrets.overlayToken, staticDir: join(here, '../../renderer') });
  } catch (error) {
    await desk.close().catch(() => undefined);
    fatal((error as Error).message);
  }
  if (!isLoopback(args.host)) process.stderr.write(`livedesk: warning: listening on ${args.host}, reachable from the network; keep the token secret\n`);
  // A review folder: bundles dropped next to the database open as sessions (DESIGN §4).
  for (const r of desk.review.importFolder(dataDir)) {
    process.stderr.write(`livedesk: bundle ${r.file}: ${r.ok ? r.message : `not opened — ${r.message}`}\n`);
  }
  for (const session of desk.interrupted) {
    process.stderr.write(`livedesk: session "${session.title}" (${session.id}) was cut off and is marked interrupted\n`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`livedesk: ${signal}, stopping\n`);
    await server.close();
    await desk.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const ready: DeskReady = { url: server.url, token, overlayToken: secrets.overlayToken };
  process.stdout.write(`${DESK_READY_PREFIX}${JSON.stringify(ready)}\n`);
}

main().catch((error: unknown) => fatal(`unexpected start-up failure: ${(error as Error)?.stack ?? String(error)}`));
