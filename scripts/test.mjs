#!/usr/bin/env node
// `npm test`: every test LiveDesk has, in the order that fails fastest. Installs the system test peers
// (OBS, Xvfb, Chromium, socat, CJK fonts) where it can, builds, then runs the unit, integration (real
// OBS, real serial pseudo-terminals) and end-to-end (Chromium against `npm run console`) layers.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);

function step(title, cmd, args) {
  process.stderr.write(`\n▶ ${title}\n`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`\n✖ ${title} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status || 1);
  }
}

step('system test peers', 'bash', [join(root, 'scripts/install-test-peers.sh')]);
step('typecheck (tsc --build)', process.execPath, [bin('tsc'), '--build']);
step('lint (eslint, zero warnings)', process.execPath, [bin('eslint'), '--max-warnings', '0', '.']);
step('build the console', process.execPath, [join(root, 'scripts/ensure-build.mjs')]);
step('tests: unit, integration, e2e', process.execPath, [bin('vitest'), 'run', ...extra]);
