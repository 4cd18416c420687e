import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { coded, DeskError } from '../contract/index.js';
import { sendError } from './http-utils.js';

const BASE = 'http://desk.invalid';

/**
 * The request target as a URL, or null when it is not origin-form (`/path?query`). `new URL(target,
 * base)` throws on `//` and reads `//evil/ws` as another host, so the target is appended to a fixed
 * origin instead: `//` is then just an odd path that no route matches.
 */
export function requestUrl(req: IncomingMessage): URL | null {
  const target = req.url ?? '';
  if (!target.startsWith('/')) return null;
  try {
    return new URL(BASE + target);
  } catch {
    return null;
  }
}

/** Answers a refused upgrade on the raw socket (no WebSocket was made) and closes it. */
export function refuseUpgrade(socket: Duplex, error: DeskError): void {
  const body = JSON.stringify(error.toJSON());
  const status = error.status;
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' };

/**
 * Wraps the `upgrade` listener: an exception in it would escape into the HTTP server's emit and end
 * the process, so it becomes a 500 on that one socket; a socket error (a client resetting before the
 * handshake answer) is that socket's end, not an unhandled 'error' event.
 */
export function guardUpgrade(handler: (req: IncomingMessage, socket: Duplex, head: Buffer) => void) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    try {
      handler(req, socket, head);
    } catch (error) {
      console.error(`upgrade failed: ${(error as Error)?.stack ?? String(error)}`);
      refuseUpgrade(socket, new DeskError('internal', coded('error.internal', {}, 'internal error; the desk logged the details')));
    }
  };
}

/**
 * Wraps the request listener the same way: a synchronous throw (a static file that vanished between
 * stat and read, a bug in a route's matcher) answers 500 on that request and the desk keeps serving.
 */
export function guardRequest(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    try {
      handler(req, res);
    } catch (error) {
      if (res.headersSent) res.destroy();
      else sendError(res, error);
    }
  };
}
