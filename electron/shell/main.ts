import path from 'node:path';
import { app, dialog, globalShortcut, Menu, nativeImage, session, Tray, type BrowserWindow } from 'electron';
import type { CoreConnection } from '../core/contract/bridge.js';
import { pickCoreArgs, resolveCoreRuntime } from './core-runtime.js';
import { openBundleFile } from './bundle-open.js';
import { registerBridgeHandlers } from './ipc.js';
import { CoreSupervisor } from './supervisor.js';
import { GlobalHotkeys } from './global-hotkeys.js';
import { shellLang, shellStrings } from './shell-strings.js';
import { applySessionPolicy, createDeskWindow, deskWindowUrl, hardenWebContents } from './windows.js';

/**
 * The Electron shell (DESIGN §1): one instance, one supervised core, the console window and a tray.
 * Everything that can be tested without Electron lives in the modules imported above.
 */

let connection: CoreConnection | null = null;
let consoleWindow: BrowserWindow | null = null;
let kpiWindow: BrowserWindow | null = null;
let tray: Tray | null = null;
let quitting = false;
let coreStopped = false;
// Hotkeys bound in the console work while another app (OBS, the shop backend) has focus.
const hotkeys = new GlobalHotkeys(globalShortcut, (message) => console.error(`livedesk: ${message}`));

/** Read once the app is ready (the OS languages are known then). */
const texts = () => shellStrings(shellLang(app.getPreferredSystemLanguages()));

const coreOrigin = (): string | null => (connection ? new URL(connection.url).origin : null);

function iconPath(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'icon.png') : path.join(app.getAppPath(), 'build', 'icon.png');
}

function showConsole(): void {
  if (!connection) return;
  if (!consoleWindow || consoleWindow.isDestroyed()) {
    consoleWindow = createDeskWindow('console', {
      coreUrl: connection.url,
      preloadPath: path.join(import.meta.dirname, 'preload.cjs'),
      devTools: !app.isPackaged,
      icon: iconPath(),
    });
    // Closing the window keeps the desk in the tray: the core goes on serving OBS overlays mid-show.
    consoleWindow.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      consoleWindow?.hide();
    });
    return;
  }
  if (consoleWindow.isMinimized()) consoleWindow.restore();
  consoleWindow.show();
  consoleWindow.focus();
}

/** The compact always-on-top KPI window; it closes for real (the console stays in the tray). */
function toggleKpiWindow(): void {
  if (!connection) return;
  if (kpiWindow && !kpiWindow.isDestroyed()) {
    kpiWindow.close();
    kpiWindow = null;
    return;
  }
  kpiWindow = createDeskWindow('kpi', {
    coreUrl: connection.url,
    preloadPath: path.join(import.meta.dirname, 'preload.cjs'),
    devTools: !app.isPackaged,
    icon: iconPath(),
  });
  kpiWindow.on('closed', () => (kpiWindow = null));
}

/** File → Open for review: a bundle from another desk opens here, then the review list shows it. */
async function openBundle(): Promise<void> {
  const core = connection;
  if (!core) return;
  const t = texts();
  const picked = await dialog.showOpenDialog({ title: t.trayOpenBundle, properties: ['openFile'], filters: [{ name: t.bundleFilter, extensions: ['ldbundle'] }] });
  const file = picked.filePaths[0];
  if (picked.canceled || !file) return;
  const result = await openBundleFile(core, file);
  if (!result.opened) return dialog.showErrorBox(t.bundleNotOpened, t.bundle(result));
  showConsole();
  await consoleWindow?.loadURL(new URL('/review', core.url).href);
  void dialog.showMessageBox({ type: 'info', message: t.bundleOpened, detail: t.bundle(result) });
}

function createTray(): void {
  const image = nativeImage.createFromPath(iconPath());
  tray = new Tray(image.isEmpty() ? image : image.resize({ width: 22, height: 22 }));
  tray.setToolTip('LiveDesk');
  const t = texts();
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: t.trayShow, click: showConsole },
      { label: t.trayKpi, click: toggleKpiWindow },
      { label: t.trayOpenBundle, click: () => void openBundle() },
      { type: 'separator' },
      { label: t.trayQuit, click: () => app.quit() },
    ]),
  );
  tray.on('click', showConsole);
}

function startCore(): CoreSupervisor {
  const runtime = resolveCoreRuntime({
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    env: process.env,
  });
  const supervisor = new CoreSupervisor({ ...runtime, args: pickCoreArgs(process.argv.slice(1)), cwd: app.getAppPath() });

  supervisor.on('ready', (info) => {
    const moved = connection !== null && new URL(connection.url).origin !== new URL(info.url).origin;
    connection = { url: info.url, token: info.token, overlayToken: info.overlayToken };
    hotkeys.follow(connection);
    // A core started with `--port 0` may come back on another port; same-origin restarts need
    // nothing, the console's WebSocket reconnects by itself.
    const open = consoleWindow !== null && !consoleWindow.isDestroyed();
    if (!open) showConsole();
    else if (moved) void consoleWindow?.loadURL(deskWindowUrl('console', info.url));
    if (moved && kpiWindow && !kpiWindow.isDestroyed()) void kpiWindow.loadURL(deskWindowUrl('kpi', info.url));
  });
  supervisor.on('fatal', (reason) => {
    const t = texts();
    dialog.showErrorBox(t.startFailed, t.startFailedDetail(reason));
    app.quit();
  });
  return supervisor.start();
}

function run(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, coreOrigin));
  app.on('second-instance', showConsole);
  // Stay alive with every window closed (tray); only Quit ends the desk.
  app.on('window-all-closed', () => {});

  void app.whenReady().then(() => {
    applySessionPolicy(session.defaultSession, coreOrigin);
    registerBridgeHandlers(() => connection);
    createTray();
    const supervisor = startCore();

    app.on('activate', showConsole);
    app.on('before-quit', (event) => {
      quitting = true;
      hotkeys.stop();
      if (coreStopped) return;
      // Quit only after the core has shut down cleanly, so its database is closed properly.
      event.preventDefault();
      void supervisor.stop().finally(() => {
        coreStopped = true;
        tray?.destroy();
        app.quit();
      });
    });
  });
}

if (app.requestSingleInstanceLock()) run();
else app.quit();
