import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The real Electron app, driven by Playwright (DESIGN §6): the console window comes up on the
 * core, with the settings of DESIGN §8 in force. Needs Electron's binary and a build (`out/`);
 * where the binary was never downloaded the test is skipped and says why.
 */

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(path.join(repo, 'package.json'))('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null; // the package throws when its binary was not downloaded
  }
}

const binary = electronBinary();
const built = existsSync(path.join(repo, 'out', 'electron', 'shell', 'main.js')) && existsSync(path.join(repo, 'out', 'electron', 'core', 'main.js'));
const hasElectron = binary !== null && built;
const why = binary === null
  ? ' [skipped: Electron runtime not installed here, node_modules/electron has no binary]'
  : !built
    ? ' [skipped: no build in out/, run npm run build]'
    : '';

describe('the Electron shell', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;
  let closed = false;

  beforeAll(async () => {
    if (!hasElectron) return;
    dataDir = mkdtempSync(path.join(tmpdir(), 'livedesk-electron-'));
    app = await _electron.launch({
      executablePath: binary!,
      args: [repo, '--demo', '--port', '0', '--data-dir', dataDir],
      cwd: repo,
    });
    page = await app.firstWindow();
    await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  afterAll(async () => {
    if (!hasElectron) return;
    if (app && !closed) await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(!hasElectron)(`opens the console on the core, isolated from Node${why}`, async () => {
    expect(app.windows()).toHaveLength(1);
    // window-policy.test.ts checks each webPreferences value; here their effect on the page.
    expect(await page.evaluate('typeof require')).toBe('undefined');
    expect(await page.evaluate('typeof process')).toBe('undefined');
    expect(await page.evaluate('typeof module')).toBe('undefined');
    expect(await page.evaluate("typeof window.livedesk.getConnection === 'function' && !('ipcRenderer' in window.livedesk)")).toBe(true);
  });

  it.skipIf(!hasElectron)(`exposes only the named bridge functions${why}`, async () => {
    expect(await page.evaluate('Object.keys(window.livedesk).sort()')).toEqual(['getConnection', 'openExternal', 'platform']);
    const connection = (await page.evaluate('window.livedesk.getConnection()')) as { url: string; token: string };
    expect(new URL(page.url()).origin).toBe(new URL(connection.url).origin);
    expect(connection.token.length).toBeGreaterThan(0);
    expect(await page.evaluate("window.livedesk.openExternal('file:///etc/passwd')")).toBe(false);
  });

  it.skipIf(!hasElectron)(`denies new windows and serves the console under the shell's CSP${why}`, async () => {
    expect(await page.evaluate("window.open('https://example.com/') === null")).toBe(true);
    expect(app.windows()).toHaveLength(1);
    const csp = (await page.evaluate('fetch(location.href).then((r) => r.headers.get("content-security-policy"))')) as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it.skipIf(!hasElectron)(`stops the core when the app quits${why}`, async () => {
    const { url } = (await page.evaluate('window.livedesk.getConnection()')) as { url: string };
    await app.close();
    closed = true;
    await expect(fetch(`${url}/api/v1/health`)).rejects.toThrow();
  });
});
