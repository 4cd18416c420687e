import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs development script, without types
import { buildConsole } from '../../scripts/build-console.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'livedesk-console-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the console build', () => {
  it('is a production build even when a test runs it (vitest sets NODE_ENV=test)', () => {
    expect(process.env.NODE_ENV).toBe('test');
    (buildConsole as (root: string, args: string[]) => void)(root, ['--outDir', out, '--emptyOutDir']);
    const scripts = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    // React's development JSX calls jsxDEV for every element; a production build has none.
    for (const file of scripts) expect(readFileSync(join(out, 'assets', file), 'utf8').includes('jsxDEV'), file).toBe(false);
  }, 120_000);
});
