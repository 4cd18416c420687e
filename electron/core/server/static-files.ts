import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // Inline styles are needed by the chart library; scripts come only from the desk itself.
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: http: https:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/**
 * Serves the built renderer: hashed assets with long caching, the console and review pages for their
 * client-side routes, and the overlay page for `/overlay/*`.
 */
export function serveStatic(root: string, path: string, res: ServerResponse): boolean {
  const page = pageFor(path);
  const relative = page ?? path;
  const file = normalize(join(root, relative));
  if (!file.startsWith(root + sep) && file !== root) return false;
  if (!existsSync(file) || !statSync(file).isFile()) {
    if (page) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`The console is not built (${file} is missing): run "npm run build".\n`);
      return true;
    }
    return false;
  }
  const immutable = relative.startsWith('/assets/');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
  return true;
}

function pageFor(path: string): string | null {
  if (path === '/' || path === '/index.html' || path === '/review' || path.startsWith('/review/')) return '/index.html';
  if (path === '/catalog' || path === '/plans' || path === '/devices') return '/index.html';
  if (path.startsWith('/overlay/') || path === '/overlay') return '/overlay.html';
  // The desk KPI view (issue 7) is built with the overlays: small, and it needs no console shell.
  if (path === '/kpi' || path === '/kpi/') return '/overlay.html';
  return null;
}
