/**
 * What the Electron preload exposes to the renderer as `window.livedesk` (DESIGN §1, §8). Only
 * named functions and plain values cross the bridge; never `ipcRenderer`. In a browser tab the
 * bridge is absent and the renderer reads the token from `?token=` instead.
 *
 * The renderer imports these types type-only; the shell's main process uses the channel names. The
 * sandboxed preload cannot load this file at run time, so it repeats the channel names and the
 * compiler checks them against `BRIDGE_CHANNELS` with `satisfies`.
 */

/** The name of the global the preload defines: `window.livedesk`. */
export const BRIDGE_GLOBAL = 'livedesk';

/** The IPC channel behind each bridge function; main handles exactly these. */
export const BRIDGE_CHANNELS = {
  getConnection: 'livedesk:get-connection',
  openExternal: 'livedesk:open-external',
  saveReportPdf: 'livedesk:save-report-pdf',
} as const;
export type BridgeChannel = (typeof BRIDGE_CHANNELS)[keyof typeof BRIDGE_CHANNELS];

/** Where the core listens and how to talk to it; changes only when the core restarts on another port. */
export type CoreConnection = {
  /** Origin of the core, e.g. `http://127.0.0.1:7420` (no trailing slash). */
  url: string;
  /** Bearer token for the API and the WebSocket. */
  token: string;
  /** Read-only token for overlay URLs (OBS Browser Source). */
  overlayToken: string;
};

export type LiveDeskBridge = {
  /** `process.platform` of the desk machine, e.g. to show ⌘ or Ctrl in hotkey hints. */
  readonly platform: string;
  getConnection(): Promise<CoreConnection>;
  /** Opens an http(s) link in the system browser; resolves false when main refuses the URL. */
  openExternal(url: string): Promise<boolean>;
  /** Prints the review report of these sessions to a PDF the user saves; resolves the path, or null if cancelled. */
  saveReportPdf(sessionIds: string[]): Promise<string | null>;
};
