// `npm start`: builds what is stale, then opens the desk in Electron. Where Electron's runtime is
// not installed it serves the console in the browser instead, running and supervising the core
// itself exactly as the shell would (DESIGN §1). CLI flags pass through to the core (DESIGN §3.1).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function ensureBuild() {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-build.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The Electron binary, or why there is none. The `electron` package exports its binary's path. */
function findElectron() {
  let binary;
  try {
    binary = createRequire(path.join(root, 'package.json'))('electron');
  } catch (error) {
    const missing = error && error.code === 'MODULE_NOT_FOUND';
    return { reason: missing ? 'the electron package is not installed' : 'node_modules/electron has no binary, it was not downloaded' };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return { reason: `${path.relative(root, String(binary))} is missing` };
  }
  return { binary };
}

function launchElectron(binary) {
  const env = { ...process.env };
  // Set in some shells and CI images; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.', ...args], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.pid !== undefined) {
        try {
          process.kill(child.pid, signal);
        } catch {
          // already gone
        }
      }
    });
  }
  child.on('error', (error) => {
    console.error(`cannot launch Electron: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function serveInBrowser(reason) {
  console.log(`Electron runtime not installed here (${reason}); serving the console in your browser instead.`);
  const shellDir = path.join(root, 'out', 'electron', 'shell');
  const { CoreSupervisor, consoleLogger } = await import(pathToFileURL(path.join(shellDir, 'supervisor.js')).href);
  const { resolveCoreRuntime } = await import(pathToFileURL(path.join(shellDir, 'core-runtime.js')).href);
  const runtime = resolveCoreRuntime({ packaged: false, appPath: root, env: process.env, plainNodeExecPath: process.execPath });
  const supervisor = new CoreSupervisor({ ...runtime, args, cwd: root, logger: consoleLogger });

  supervisor.on('ready', ({ url, token, overlayToken }) => {
    const consoleUrl = new URL(`/?token=${encodeURIComponent(token)}`, url).href;
    const overlayUrl = new URL(`/overlay/card?token=${encodeURIComponent(overlayToken)}`, url).href;
    console.log(`LiveDesk console: ${consoleUrl}`);
    console.log(`Overlay for OBS Browser Source (1920×1080): ${overlayUrl}`);
    console.log('Press Ctrl+C to stop.');
  });
  supervisor.on('fatal', (message) => {
    console.error(`LiveDesk could not start: ${message}`);
    process.exit(1);
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void supervisor.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  supervisor.start();
}

ensureBuild();
const electron = findElectron();
if (electron.binary) launchElectron(electron.binary);
else await serveInBrowser(electron.reason);
