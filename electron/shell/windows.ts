import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import {
  contentSecurityPolicy,
  decideWindowOpen,
  isAllowedNavigation,
  isAllowedPermission,
  originOf,
  windowWebPreferences,
  withContentSecurityPolicy,
} from './window-policy.js';
import { KPI_WINDOW_LEVEL, KPI_WINDOW_SPEC } from './kpi-window.js';

/**
 * The desk's windows and the Electron wiring of window-policy.ts. Every window shows a page of the
 * core and gets the same policy.
 *
 * Adding a window (the compact always-on-top KPI window of DESIGN §1, the review window) means one
 * more entry in WINDOW_SPECS, pointing at a route the renderer serves, and a `createDeskWindow`
 * call in main.ts; the policy and the preload apply to it unchanged.
 */

export type WindowSpec = {
  /** Path on the core, e.g. `/` for the console. */
  route: string;
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  alwaysOnTop: boolean;
};

export type WindowKind = 'console' | 'kpi';

export const WINDOW_SPECS: Record<WindowKind, WindowSpec> = {
  console: { route: '/', title: 'LiveDesk', width: 1440, height: 900, minWidth: 1024, minHeight: 640, alwaysOnTop: false },
  kpi: KPI_WINDOW_SPEC,
};

export type WindowContext = {
  coreUrl: string;
  preloadPath: string;
  devTools: boolean;
  icon?: string;
};

export function deskWindowUrl(kind: WindowKind, coreUrl: string): string {
  return new URL(WINDOW_SPECS[kind].route, coreUrl).href;
}

export function createDeskWindow(kind: WindowKind, ctx: WindowContext): BrowserWindow {
  const spec = WINDOW_SPECS[kind];
  const win = new BrowserWindow({
    title: spec.title,
    width: spec.width,
    height: spec.height,
    minWidth: spec.minWidth,
    minHeight: spec.minHeight,
    alwaysOnTop: spec.alwaysOnTop,
    show: false,
    // The console is dark; avoid a white flash before the first paint.
    backgroundColor: '#0f1115',
    ...(ctx.icon ? { icon: ctx.icon } : {}),
    webPreferences: windowWebPreferences(ctx.preloadPath, { devTools: ctx.devTools }),
  });
  if (spec.alwaysOnTop) win.setAlwaysOnTop(true, KPI_WINDOW_LEVEL);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(deskWindowUrl(kind, ctx.coreUrl));
  return win;
}

/** Navigation, new windows and webviews for any web contents the app creates (DESIGN §8). */
export function hardenWebContents(contents: WebContents, coreOrigin: () => string | null): void {
  const guard = (event: { url: string; preventDefault(): void }): void => {
    const origin = coreOrigin();
    if (origin === null || !isAllowedNavigation(event.url, origin)) event.preventDefault();
  };
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, coreOrigin());
    if (decision.openExternally) void shell.openExternal(decision.openExternally);
    return { action: decision.action };
  });
}

/** The CSP header on the core's pages, and permissions refused except the few the console needs. */
export function applySessionPolicy(session: Session, coreOrigin: () => string | null): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const origin = coreOrigin();
    if (origin === null || originOf(details.url) !== origin) {
      callback({});
      return;
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, contentSecurityPolicy(origin)) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const origin = coreOrigin();
    callback(origin !== null && isAllowedPermission(permission, details.requestingUrl, origin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    const origin = coreOrigin();
    return origin !== null && isAllowedPermission(permission, requestingOrigin, origin);
  });
}
