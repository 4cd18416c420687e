import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { coded, DeskError } from '../contract/index.js';

export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, error: unknown): void {
  // An answer already under way (a streamed download) cannot become an error answer: cut it instead
  // of throwing from the error path, which nothing would catch.
  if (res.headersSent) {
    if (!(error instanceof DeskError)) console.error(`internal error after the answer began: ${(error as Error)?.stack ?? String(error)}`);
    res.destroy();
    return;
  }
  if (error instanceof DeskError) return sendJson(res, error.status, error.toJSON());
  console.error(`internal error: ${(error as Error)?.stack ?? String(error)}`);
  sendJson(res, 500, new DeskError('internal', coded('error.internal', {}, 'internal error; the desk logged the details')).toJSON());
}

/**
 * Reads a JSON body up to `limit` bytes. A body that is too large, not JSON or of the wrong content
 * type is refused before anything is applied.
 */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new DeskError('bad_request', coded('request.notJson', { type: type || 'none' }, `body must be JSON (content-type: application/json), got "${type || 'none'}"`));
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw new DeskError('payload_too_large', coded('request.tooLarge', { limit }, `body is ${declared} bytes; the limit is ${limit}`));
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new DeskError('payload_too_large', coded('request.tooLarge', { limit }, `body exceeds the limit of ${limit} bytes`));
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) throw new DeskError('bad_request', coded('request.empty', {}, 'body is empty; expected a JSON value'));
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DeskError('bad_request', coded('request.badJson', {}, `body is not valid JSON: ${(error as Error).message}`));
  }
}

/** Constant-time token comparison, so a wrong token leaks nothing through timing. */
export function tokenMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerToken(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return url.searchParams.get('token');
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** The host name of a Host header value (`name[:port]`, `[v6]:port`), lower-cased; null when malformed. */
function hostName(value: string): string | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(value.trim());
  return m ? (m[1] as string).toLowerCase().replace(/\.$/, '') : null;
}

/**
 * Whether a request's Host names this desk (DNS rebinding defence, DESIGN §8): a loopback name, the
 * address given with --host, or — when listening on every interface — any IP literal or this machine's
 * name. A page on a rebinding domain reaches 127.0.0.1 with its own name here and is refused.
 */
export function hostAllowed(value: string | undefined, listenHost: string, machineName = ''): boolean {
  if (!value) return false;
  const name = hostName(value);
  if (!name) return false;
  if (LOOPBACK_NAMES.has(name) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) return true;
  const listen = listenHost.toLowerCase();
  if (name === listen || name === `[${listen}]`) return true;
  if (!WILDCARD.has(listen)) return false;
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.startsWith('[') || (machineName !== '' && (name === machineName.toLowerCase() || name.startsWith(`${machineName.toLowerCase()}.`)));
}

/**
 * Whether a WebSocket upgrade's Origin may connect: none (OBS, scripts, the shell) or a page served
 * from a Host this desk accepts (its own console and overlays, the renderer's dev server on localhost).
 * `null` (sandboxed frames, file: pages) and every other site are refused.
 */
export function originAllowed(value: string | undefined, listenHost: string, machineName = ''): boolean {
  if (value === undefined) return true;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && hostAllowed(url.host, listenHost, machineName);
}
