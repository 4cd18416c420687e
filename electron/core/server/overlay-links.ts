import type { IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import { hostAllowed } from './http-utils.js';

export interface OverlayLink {
  id: 'card' | 'ticker' | 'board' | 'kpi';
  url: string;
  /** Query parameters the page understands, with their choices (the first is the default). */
  options: Record<string, string[]>;
}

/**
 * The overlay pages for OBS Browser Source, with the read-only overlay token, so the console can show
 * a URL to copy without ever holding the token in its own code.
 */
export function overlayLinks(base: string, overlayToken: string): OverlayLink[] {
  const url = (path: string) => `${base}${path}?token=${encodeURIComponent(overlayToken)}`;
  return [
    { id: 'card', url: url('/overlay/card'), options: { lang: ['zh', 'en'] } },
    { id: 'ticker', url: url('/overlay/ticker'), options: { layout: ['bar', 'compact'], theme: ['dark', 'light', 'brand'], lang: ['zh', 'en'] } },
    { id: 'board', url: url('/overlay/board'), options: { layout: ['grid', 'focus'], theme: ['dark', 'light', 'brand'], lang: ['zh', 'en'] } },
    { id: 'kpi', url: url('/kpi'), options: { lang: ['zh', 'en'] } },
  ];
}

/**
 * The origin the caller reached us on (the Host header) when it names this desk, else the listen
 * address: a link never carries a foreign Host (a rebinding page would get its own name back).
 */
export function origin(req: IncomingMessage, host: string): string {
  const given = req.headers.host;
  if (given && hostAllowed(given, host, hostname())) return `http://${given}`;
  return `http://${host.includes(':') ? `[${host}]` : host}`;
}
