import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS, BRIDGE_GLOBAL } from '../core/contract/bridge.js';

/**
 * Runs preload.cts the way Electron runs a sandboxed preload: as CommonJS with a `require` that
 * knows only what the sandbox offers, here a fake `electron`. (vi.mock cannot stand in for it:
 * it replaces ES imports, and the preload is CommonJS that calls `require`.)
 */
function loadPreload() {
  const source = readFileSync(new URL('./preload.cts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: 'preload.cts',
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });

  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
    send: vi.fn(),
    sendSync: vi.fn(),
    on: vi.fn(),
  };
  const exposed = new Map<string, unknown>();
  const electron = {
    contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
    ipcRenderer,
  };
  const required: string[] = [];
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`module not found in the preload sandbox: ${id}`);
  };
  const module = { exports: {} };
  const context = createContext({ require: sandboxRequire, module, exports: module.exports, process: { platform: 'linux' } });
  runInContext(outputText, context, { filename: 'preload.cjs' });
  return { exposed, electron, ipcRenderer, required, context };
}

describe('preload', () => {
  it('requires nothing but electron, which is all a sandboxed preload can load', () => {
    expect(loadPreload().required).toEqual(['electron']);
  });

  it('exposes exactly one global, window.livedesk', () => {
    const { exposed, electron } = loadPreload();
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
  });

  it('exposes only the named functions and the platform', () => {
    const api = loadPreload().exposed.get('livedesk') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['getConnection', 'openExternal', 'platform', 'saveReportPdf']);
    expect(typeof api.getConnection).toBe('function');
    expect(typeof api.openExternal).toBe('function');
    expect(api.platform).toBe('linux');
  });

  it('never leaks ipcRenderer or any of its methods', () => {
    const { exposed, ipcRenderer, context } = loadPreload();
    const api = exposed.get('livedesk') as Record<string, unknown>;
    const leaks = new Set<unknown>([ipcRenderer, ...Object.values(ipcRenderer)]);
    for (const value of Object.values(api)) {
      expect(leaks.has(value)).toBe(false);
      if (typeof value === 'function') expect(Object.keys(value)).toEqual([]);
    }
    expect(Object.keys(api)).not.toContain('ipcRenderer');
    expect(Object.keys(context)).not.toContain('ipcRenderer');
  });

  it('each function forwards only its own arguments, on its own channel', async () => {
    const { exposed, ipcRenderer } = loadPreload();
    const api = exposed.get('livedesk') as {
      getConnection: (...args: unknown[]) => Promise<unknown>;
      openExternal: (...args: unknown[]) => Promise<unknown>;
      saveReportPdf: (...args: unknown[]) => Promise<unknown>;
    };
    await api.getConnection('sneaky');
    await api.openExternal('https://example.com/', 'livedesk:other-channel');
    await api.saveReportPdf(['s1'], '/tmp/evil.pdf');
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [BRIDGE_CHANNELS.getConnection],
      [BRIDGE_CHANNELS.openExternal, 'https://example.com/'],
      [BRIDGE_CHANNELS.saveReportPdf, ['s1']],
    ]);
    expect(ipcRenderer.send).not.toHaveBeenCalled();
    expect(ipcRenderer.sendSync).not.toHaveBeenCalled();
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });
});
