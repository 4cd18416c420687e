import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { BRIDGE_CHANNELS, type CoreConnection } from '../core/contract/bridge.js';
import { defaultPdfName, reportPdfArgsSchema, reportRequest } from './report-pdf.js';
import { isSafeExternalUrl, isTrustedSender, windowWebPreferences } from './window-policy.js';

/**
 * Main's side of the preload bridge: one handler per bridge function. Each checks that the sender
 * is a top-level page of the core and parses its arguments with zod before doing anything.
 */

const argsSchemas = {
  getConnection: z.tuple([]),
  openExternal: z.tuple([z.string().max(2048)]),
  saveReportPdf: reportPdfArgsSchema,
} satisfies Record<keyof typeof BRIDGE_CHANNELS, z.ZodType>;

function parseArgs<T>(name: keyof typeof argsSchemas, schema: z.ZodType<T>, args: unknown[]): T {
  const result = schema.safeParse(args);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` argument ${issue.path.join('.')}` : '';
  throw new Error(`livedesk.${name}:${where} ${issue?.message ?? 'invalid arguments'}`);
}

function assertTrusted(event: IpcMainInvokeEvent, coreOrigin: string | null): void {
  const frame = event.senderFrame;
  if (coreOrigin === null || !frame || frame.parent !== null || !isTrustedSender(frame.url, coreOrigin)) {
    throw new Error('refused: the sender is not a page of the LiveDesk core');
  }
}

export function registerBridgeHandlers(connection: () => CoreConnection | null): void {
  const origin = (): string | null => {
    const current = connection();
    return current ? new URL(current.url).origin : null;
  };

  ipcMain.handle(BRIDGE_CHANNELS.getConnection, (event, ...args: unknown[]) => {
    assertTrusted(event, origin());
    parseArgs('getConnection', argsSchemas.getConnection, args);
    const current = connection();
    if (!current) throw new Error('the core is not ready');
    return current;
  });

  ipcMain.handle(BRIDGE_CHANNELS.openExternal, async (event, ...args: unknown[]) => {
    assertTrusted(event, origin());
    const [url] = parseArgs('openExternal', argsSchemas.openExternal, args);
    if (!isSafeExternalUrl(url, origin())) return false;
    await shell.openExternal(url);
    return true;
  });

  ipcMain.handle(BRIDGE_CHANNELS.saveReportPdf, async (event, ...args: unknown[]) => {
    assertTrusted(event, origin());
    const [ids] = parseArgs('saveReportPdf', argsSchemas.saveReportPdf, args);
    const current = connection();
    if (!current) throw new Error('the core is not ready');
    const { url, headers } = reportRequest(current, ids);
    const res = await fetch(url, { headers });
    if (!res.ok) throw new Error(`the core could not build the report: ${res.status} ${await res.text()}`);
    const html = await res.text();
    const parent = BrowserWindow.fromWebContents(event.sender);
    const target = parent ? await dialog.showSaveDialog(parent, { defaultPath: defaultPdfName(ids), filters: [{ name: 'PDF', extensions: ['pdf'] }] }) : null;
    if (!target || target.canceled || !target.filePath) return null;
    // A hidden, script-less window: the report is static HTML whose CSP forbids every fetch.
    // Loaded from a scratch file, not a data: URL: a 12-hour report outgrows Chromium's URL limit.
    const scratch = await mkdtemp(join(tmpdir(), 'livedesk-pdf-'));
    const page = join(scratch, 'report.html');
    await writeFile(page, html);
    const printer = new BrowserWindow({
      show: false,
      webPreferences: windowWebPreferences(null, { devTools: false, javascript: false }),
    });
    try {
      await printer.loadFile(page);
      const pdf = await printer.webContents.printToPDF({ printBackground: true, pageSize: 'A4', landscape: true });
      await writeFile(target.filePath, pdf);
      return target.filePath;
    } finally {
      printer.destroy();
      await rm(scratch, { recursive: true, force: true });
    }
  });
}
