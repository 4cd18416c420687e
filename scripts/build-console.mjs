// The console's vite build, shared by ensure-build and the test that holds it to a production build.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Builds the console (`extraArgs` go to `vite build`, e.g. another `--outDir`). Always for production:
 * run from inside vitest (a test that starts the shell runs ensure-build), vite inherited vitest's
 * environment and built React's development JSX, and the bench and `npm run console` then served a
 * console three times slower.
 */
export function buildConsole(root, extraArgs = []) {
  const vite = join(root, 'node_modules', '.bin', 'vite');
  execFileSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn', ...extraArgs], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
