import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The window policy is unit-tested in window-policy.test.ts; this checks the shell actually applies
 * it everywhere (no Electron binary here to run the app), so a window or IPC path added later cannot
 * bypass it unnoticed.
 */
const dir = new URL('./', import.meta.url);
const sources = readdirSync(dir)
  .filter((f) => /\.(c?ts)$/.test(f) && !/\.test\.ts$/.test(f))
  .map((f) => ({ file: f, text: readFileSync(new URL(f, dir), 'utf8') }));

describe('the shell applies its security policy everywhere (DESIGN §8)', () => {
  it('creates every window with windowWebPreferences', () => {
    const windows = sources.flatMap(({ file, text }) => [...text.matchAll(/new BrowserWindow\(\{([\s\S]*?)\n\s*\}\);/g)].map((m) => ({ file, options: m[1] as string })));
    expect(windows.length).toBeGreaterThan(0);
    for (const w of windows) expect({ file: w.file, uses: /webPreferences: windowWebPreferences\(/.test(w.options) }).toEqual({ file: w.file, uses: true });
  });

  it('hardens every web contents, applies the session policy and registers only checked IPC handlers', () => {
    const main = sources.find((s) => s.file === 'main.ts')?.text ?? '';
    expect(main).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => hardenWebContents\(/);
    expect(main).toMatch(/applySessionPolicy\(session\.defaultSession/);
    const handlers = sources.flatMap(({ file, text }) => [...text.matchAll(/ipcMain\.(handle|on|once)\(/g)].map((m) => `${file}:${m[1]}`));
    expect(handlers.every((h) => h.startsWith('ipc.ts:handle'))).toBe(true);
    const ipc = sources.find((s) => s.file === 'ipc.ts')?.text ?? '';
    const blocks = ipc.split('ipcMain.handle(').slice(1);
    for (const block of blocks) expect(block.slice(0, 200)).toMatch(/assertTrusted\(event, origin\(\)\);\s*(const \[\w+\] = )?parseArgs\(/);
  });

  it('never hands ipcRenderer or Node to the page', () => {
    const preload = sources.find((s) => s.file === 'preload.cts')?.text ?? '';
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
    for (const { file, text } of sources) expect({ file, nodeIntegration: /nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false/.test(text) }).toEqual({ file, nodeIntegration: false });
  });
});
