// The console window's preload. It runs sandboxed, where `require` knows only a few built-ins and
// `electron`, so it imports nothing else at run time: the contract is used for types only, and the
// channel names are repeated here and checked against the contract by the compiler.
// `import x = require()` is the CommonJS import that verbatimModuleSyntax allows in a .cts file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');
import type { BRIDGE_CHANNELS, LiveDeskBridge } from '../core/contract/bridge.js';

const channels = {
  getConnection: 'livedesk:get-connection',
  openExternal: 'livedesk:open-external',
  saveReportPdf: 'livedesk:save-report-pdf',
} as const satisfies typeof BRIDGE_CHANNELS;

const { contextBridge, ipcRenderer } = electron;

// A fixed object of named functions: each one forwards exactly its own arguments, so the page can
// never choose a channel or reach ipcRenderer (Electron security checklist items 17 and 20).
const api = {
  platform: process.platform,
  getConnection: () => ipcRenderer.invoke(channels.getConnection),
  openExternal: (url: string) => ipcRenderer.invoke(channels.openExternal, url),
  saveReportPdf: (sessionIds: string[]) => ipcRenderer.invoke(channels.saveReportPdf, sessionIds),
} satisfies LiveDeskBridge;

contextBridge.exposeInMainWorld('livedesk', api);
