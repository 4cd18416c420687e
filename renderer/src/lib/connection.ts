import type { LiveDeskBridge } from '../contract.js';
import { appRootUrl } from './app-root.js';

declare global {
  interface Window {
    /** The Electron preload's named capabilities (DESIGN §8); absent in a plain browser tab. */
    livedesk?: Partial<LiveDeskBridge>;
  }
}

const TOKEN_KEY = 'livedesk.token';

/** Splits `?token=` off a URL: the token, and the same URL without it. */
export function extractToken(href: string): { token: string | null; cleaned: string } {
  const url = new URL(href);
  const token = url.searchParams.get('token');
  url.searchParams.delete('token');
  return { token: token && token.trim() ? token.trim() : null, cleaned: url.pathname + url.search + url.hash };
}

/** The core's base URL ("http://host:port" plus any prefix, no trailing slash) from the app root URL. */
export function coreUrlFromRoot(rootUrl: string): string {
  const url = new URL('.', rootUrl);
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function rememberToken(token: string): void {
  storage()?.setItem(TOKEN_KEY, token);
}

export function forgetToken(): void {
  storage()?.removeItem(TOKEN_KEY);
}

/**
 * Where the console finds the core: the Electron preload if present; otherwise the page's own origin with
 * a token from `?token=` (kept in sessionStorage and removed from the address bar, so it does not end up
 * in screenshots or history) or from an earlier visit in this tab.
 */
export async function resolveConsoleConnection(): Promise<{ url: string; token: string | null }> {
  const preload = window.livedesk?.getConnection;
  if (preload) {
    const conn = await preload();
    return { url: conn.url.replace(/\/+$/, ''), token: conn.token };
  }
  const url = coreUrlFromRoot(appRootUrl());
  const { token, cleaned } = extractToken(location.href);
  if (token) {
    rememberToken(token);
    history.replaceState(history.state, '', cleaned);
    return { url, token };
  }
  return { url, token: storage()?.getItem(TOKEN_KEY) ?? null };
}

/** Overlay pages keep their read-only token in the URL: OBS reloads the page with it. */
export function resolveOverlayConnection(): { url: string; token: string | null } {
  return { url: coreUrlFromRoot(appRootUrl()), token: new URL(location.href).searchParams.get('token') };
}
