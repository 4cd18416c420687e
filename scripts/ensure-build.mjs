#!/usr/bin/env node
// Builds out/ only when a source is newer than its output, so `npm run console` starts in about a
// second after the first build instead of re-running tsc and vite every time.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildConsole } from './build-console.mjs';

const root = new URL('..', import.meta.url).pathname;
const SKIP = new Set(['node_modules', 'out', '.git', 'e2e']);

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);
const configs = ['package.json', 'tsconfig.base.json', 'package-lock.json'].map((f) => mtime(join(root, f)));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
const npx = (args) => run(process.execPath, [join(root, 'node_modules', '.bin', args[0]), ...args.slice(1)]);

const coreOut = join(root, 'out/electron/core/main.js');
if (Math.max(newest(join(root, 'electron')), newest(join(root, 'native')), ...configs) > mtime(coreOut)) {
  process.stderr.write('livedesk: compiling the core (tsc --build)…\n');
  npx(['tsc', '--build']);
}
const rendererOut = join(root, 'out/renderer/index.html');
if (Math.max(newest(join(root, 'renderer')), newest(join(root, 'electron/core/contract')), ...configs) > mtime(rendererOut)) {
  process.stderr.write('livedesk: building the console (vite)…\n');
  buildConsole(root);
}
