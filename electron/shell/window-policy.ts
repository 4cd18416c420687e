import type { WebPreferences } from 'electron';

/**
 * The security policy of every LiveDesk window (DESIGN §8), as pure functions so that each rule is
 * unit-tested without Electron. Windows only ever show pages served by the core, so "trusted" means
 * "same origin as the core" throughout.
 */

/** `new URL(url).origin`, or null when `url` does not parse or has an opaque origin (`data:`, `file:`). */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

function sameOrigin(url: string | null | undefined, coreOrigin: string): boolean {
  const a = originOf(url);
  return a !== null && a === originOf(coreOrigin);
}

/** The webPreferences of every window; only the preload and devTools vary. */
export function windowWebPreferences(preloadPath: string | null, options: { devTools: boolean; javascript?: boolean }): WebPreferences {
  return {
    // A window without a preload (the hidden PDF printer) gets no bridge at all.
    ...(preloadPath !== null && { preload: preloadPath }),
    // Script stays on unless a window asks for less: static pages (the report) need none.
    javascript: options.javascript ?? true,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    // A dropped file must not replace the console mid-show, and a page must not spam dialogs.
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools,
  };
}

/**
 * The Content-Security-Policy for pages of the core at `coreOrigin`. No inline or eval'd script;
 * styles come from the built stylesheet and React sets inline styles through the CSSOM, which CSP
 * does not govern, so `'unsafe-inline'` is not needed. `base-uri 'self'` because the console sets
 * a same-origin `<base>` on deep routes (renderer/public/base-fix.js).
 */
export function contentSecurityPolicy(coreOrigin: string): string {
  const origin = originOf(coreOrigin);
  if (origin === null) throw new Error(`not an http(s) origin: ${coreOrigin}`);
  const ws = origin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${ws}`,
    "media-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Adds the policy to a response's headers for `session.webRequest.onHeadersReceived`. A policy the
 * core sent itself is kept: several policies are all enforced, so adding ours can only tighten.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const existing: string[] = [];
  for (const [name, values] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') existing.push(...values);
    else out[name] = values;
  }
  out['Content-Security-Policy'] = [...existing, policy];
  return out;
}

/** Windows may only navigate within the core; everything else (other sites, file:, data:) is refused. */
export function isAllowedNavigation(url: string, coreOrigin: string): boolean {
  return sameOrigin(url, coreOrigin);
}

/** IPC is answered only for frames showing a page of the core. */
export function isTrustedSender(frameUrl: string | null | undefined, coreOrigin: string): boolean {
  return sameOrigin(frameUrl, coreOrigin);
}

const MAX_EXTERNAL_URL = 2048;
const PRIVATE_SUFFIXES = ['.localhost', '.local', '.internal', '.lan', '.home.arpa'];

function isPublicIpv4(host: string): boolean | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 100 && b >= 64 && b <= 127) return false; // carrier-grade NAT
  return true;
}

/**
 * Whether a link may be handed to the system browser: http(s) to a public host name, without
 * credentials. Refuses the loopback and private networks (the core, OBS and other studio gear live
 * there, and a browser GET is enough to poke them) and anything odd; "clearly safe" or nothing.
 */
export function isSafeExternalUrl(url: string, coreOrigin?: string | null): boolean {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (coreOrigin && sameOrigin(url, coreOrigin)) return false;
  const host = parsed.hostname.toLowerCase();
  if (host.startsWith('[')) return false; // IPv6 literals: no public use that is clearly safe
  const ipv4 = isPublicIpv4(host);
  if (ipv4 !== null) return ipv4;
  if (!host.includes('.') || host === 'localhost') return false; // single-label names are intranet
  return !PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

export type WindowOpenDecision = { action: 'deny'; openExternally: string | null };

/** `window.open` and target=_blank never create a window; safe links go to the system browser. */
export function decideWindowOpen(url: string, coreOrigin: string | null): WindowOpenDecision {
  return { action: 'deny', openExternally: isSafeExternalUrl(url, coreOrigin) ? new URL(url).href : null };
}

// The console copies overlay URLs to the clipboard; nothing needs camera, microphone, location,
// notifications or the like, so all other permission requests are refused.
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function isAllowedPermission(permission: string, requestingUrl: string | null | undefined, coreOrigin: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && sameOrigin(requestingUrl, coreOrigin);
}
