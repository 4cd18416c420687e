import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { Readable, type Duplex } from 'node:stream';
import { API_PREFIX, coded, DeskError } from '../contract/index.js';
import { apiRoutes, type ApiPorts } from './api-routes.js';
import { bearerToken, hostAllowed, originAllowed, readJson, sendError, sendJson, tokenMatches } from './http-utils.js';
import type { Role } from './router.js';
import { serveStatic } from './static-files.js';
import { WsHub, type WsHubDeps } from './ws-hub.js';
import { overlayLinks, origin } from './overlay-links.js';
import { guardConnections } from './connection-guard.js';
import { guardRequest, guardUpgrade, refuseUpgrade, requestUrl } from './request-guard.js';

export interface ServerOptions {
  /** The desk's parts the API and the socket use (the wired desk provides them all). */
  desk: ApiPorts & WsHubDeps;
  host: string;
  port: number;
  token: string;
  overlayToken: string;
  staticDir: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The Host names no page of another site: a rebinding domain is refused without echoing it. */
const foreignHost = () => new DeskError('forbidden', coded('request.foreignHost', {}, 'the Host header does not name this desk (use 127.0.0.1, localhost or the --host address)'));

/** What a route reads unless it declares more (ingest batches, uploads). */
const BODY_LIMIT = 1024 * 1024;

/** The desk's HTTP + WebSocket server: API, console, overlay. Every API call needs a token. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { desk, token, overlayToken } = options;
  const router = apiRoutes(desk, { overlayToken }).add('GET', '/overlay/links', (ctx) => ({ body: overlayLinks(origin(ctx.req, options.host), overlayToken) }));
  const ws = new WsHub(desk);
  const machine = hostname();

  const roleOf = (req: IncomingMessage, url: URL): Role | null => {
    const given = bearerToken(req, url);
    if (tokenMatches(given, token)) return 'control';
    if (tokenMatches(given, overlayToken)) return 'overlay';
    return null;
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const path = url.pathname.slice(API_PREFIX.length) || '/';
    const role = roleOf(req, url);
    if (!role) throw new DeskError('unauthorized', coded('token.missing', {}, 'missing or wrong token: send "Authorization: Bearer <token>" (the token is printed in DESK_READY)'));
    const match = router.match(req.method ?? 'GET', path);
    if (!match) throw new DeskError('not_found', coded('route.notFound', { path: url.pathname }, `no API route ${req.method} ${url.pathname}`));
    if ('allowed' in match) {
      res.setHeader('allow', match.allowed.join(', '));
      const params = { method: req.method ?? '', path: url.pathname, allowed: match.allowed.join(' / ') };
      throw new DeskError('not_found', coded('route.wrongMethod', params, `${req.method} is not supported on ${url.pathname}; use ${match.allowed.join(' or ')}`));
    }
    if (!match.route.roles.includes(role)) throw new DeskError('forbidden', coded('token.readOnly', {}, 'this token is read-only (overlay) and cannot use this route'));
    const limit = match.route.bodyLimit ?? BODY_LIMIT;
    const reply = await match.route.handler({ req, url, params: match.params, role, body: () => readJson(req, limit) });
    if (reply.body instanceof Readable) {
      // Large downloads (session bundles) stream from disk instead of sitting in memory.
      res.writeHead(reply.status ?? 200, { 'x-content-type-options': 'nosniff', ...reply.headers });
      reply.body.on('error', () => res.destroy());
      reply.body.pipe(res);
      return;
    }
    if (reply.raw || Buffer.isBuffer(reply.body)) {
      // Files (images, reports, CSV): the handler names the type; the body goes out as is.
      const body = typeof reply.body === 'string' || Buffer.isBuffer(reply.body) ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status ?? 200, { 'x-content-type-options': 'nosniff', ...reply.headers, 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
    sendJson(res, reply.status ?? 200, reply.body);
  };

  const server = createServer(guardRequest((req, res) => {
    if (!hostAllowed(req.headers.host, options.host, machine)) return sendJson(res, 403, foreignHost().toJSON());
    const url = requestUrl(req);
    if (!url) return sendJson(res, 400, new DeskError('bad_request', coded('request.badUrl', {}, 'malformed request URL')).toJSON());
    if (url.pathname === API_PREFIX || url.pathname.startsWith(API_PREFIX + '/')) {
      handleApi(req, res, url).catch((error: unknown) => {
        sendError(res, error);
        // Drain (or cut) an unread body so the connection does not hang on a refused request.
        if (!req.complete) req.resume();
      });
      return;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(options.staticDir, url.pathname, res)) return;
    sendJson(res, 404, new DeskError('not_found', coded('route.notFound', { path: url.pathname }, `nothing at ${url.pathname}`)).toJSON());
  }));
  server.keepAliveTimeout = 30_000;
  guardConnections(server);

  server.on('upgrade', guardUpgrade((req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!hostAllowed(req.headers.host, options.host, machine)) return refuseUpgrade(socket, foreignHost());
    if (!originAllowed(req.headers.origin, options.host, machine)) return refuseUpgrade(socket, new DeskError('forbidden', coded('request.foreignOrigin', {}, 'WebSocket from a page of another site: only the console and overlays served by this desk may connect')));
    const url = requestUrl(req);
    if (url?.pathname !== '/ws') return refuseUpgrade(socket, url ? new DeskError('not_found', coded('route.notFound', { path: url.pathname }, `no WebSocket at ${url.pathname}; use /ws`)) : new DeskError('bad_request', coded('request.badUrl', {}, 'malformed request URL')));
    const role = roleOf(req, url);
    if (!role) return refuseUpgrade(socket, new DeskError('unauthorized', coded('token.missing', {}, 'missing or wrong token: add ?token=<token> to the /ws URL')));
    ws.upgrade(req, socket, head, role);
  }));

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${options.port} on ${options.host} is already in use (another LiveDesk?); choose another with --port`)
          : error.code === 'EADDRNOTAVAIL'
            ? new Error(`cannot listen on ${options.host}: no such local address`)
            : error,
      );
    };
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        ws.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
