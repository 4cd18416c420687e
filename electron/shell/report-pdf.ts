import { z } from 'zod';
import type { CoreConnection } from '../core/contract/bridge.js';

/**
 * The PDF side of review export (issue 8), Electron only: main fetches the core's offline HTML report
 * itself, prints it in a hidden window and saves it where the user chooses. The renderer only names
 * the sessions; it never hands main a URL, a path or markup.
 */

const sessionId = z.string().regex(/^[\w.-]{1,80}$/, 'a session id is letters, digits, "-", "_" or "."');
export const reportPdfArgsSchema = z.tuple([z.array(sessionId).min(1).max(8)]);

/** Where main reads the report: always the core it supervises, with its bearer token. */
export function reportRequest(core: CoreConnection, ids: readonly string[]): { url: string; headers: Record<string, string> } {
  const url = new URL('/api/v1/review/export', core.url);
  url.searchParams.set('format', 'html');
  url.searchParams.set('ids', ids.join(','));
  return { url: url.href, headers: { authorization: `Bearer ${core.token}` } };
}

/** A filesystem-safe default name: `livedesk-<first id>[-and-N-more].pdf`. */
export function defaultPdfName(ids: readonly string[]): string {
  return `livedesk-${ids[0] ?? 'report'}${ids.length > 1 ? `-and-${ids.length - 1}-more` : ''}.pdf`;
}
