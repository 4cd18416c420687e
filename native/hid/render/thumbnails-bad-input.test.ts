import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Thumbnails } from './thumbnails.js';

/**
 * Product picture sources that never end (issue 13): /dev/zero made the key thumbnail loader read
 * 3.2 GB, a FIFO blocks a read for ever, a server can stream without end. Each load settles (as a
 * failed picture: the key keeps its text look) and reads a bounded number of bytes.
 */
const MAX_BYTES = 8 * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'livedesk-pictures-'));
let server: Server;
let base: string;
const served = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    served.set(path, 0);
    if (path === '/redirect') {
      res.writeHead(302, { location: `${base}/forever` });
      return res.end();
    }
    if (path === '/liar') res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(100 * MAX_BYTES) });
    else res.writeHead(200, { 'content-type': 'image/png' });
    const chunk = Buffer.alloc(64 * 1024, 0x89);
    // Paced, so a loader without a ceiling is caught by the byte count, not by eating memory.
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      served.set(path, (served.get(path) ?? 0) + chunk.length);
      res.write(chunk);
    }, 2);
    res.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** Asks for a picture and resolves once the loader has settled it, or with 'pending' after `ms`. */
function settle(src: string, ms = 9_000): Promise<'ready' | 'failed' | 'pending'> {
  const thumbnails = new Thumbnails();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('pending'), ms);
    thumbnails.onLoaded((loaded) => {
      if (loaded !== src) return;
      clearTimeout(timer);
      resolve(thumbnails.ready(src) ? 'ready' : 'failed');
    });
    expect(thumbnails.get(src, 72, 72)).toBeNull();
  });
}

describe('picture sources that never end', () => {
  it('a FIFO, /dev/zero, a link to it and a directory each fail at once', async () => {
    const fifo = join(dir, 'picture.png');
    execFileSync('mkfifo', [fifo]);
    symlinkSync('/dev/zero', join(dir, 'zero.png'));
    writeFileSync(join(dir, 'empty.png'), '');
    try {
      for (const src of [fifo, '/dev/zero', `file://${join(dir, 'zero.png')}`, dir, join(dir, 'missing.png'), join(dir, 'empty.png')]) {
        expect(await settle(src), src).toBe('failed');
      }
    } finally {
      // A reader still blocked on the FIFO (the old loader) is released by a writer opening and closing it.
      try {
        closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // no reader left: nothing to release
      }
    }
  });

  it('an endless http picture is cut at the size limit', async () => {
    expect(await settle(`${base}/forever`)).toBe('failed');
    expect(served.get('/forever')).toBeLessThan(MAX_BYTES + 2 * 1024 * 1024);
  });

  it('a declared oversize body is refused before reading, and redirects are not followed', async () => {
    expect(await settle(`${base}/liar`)).toBe('failed');
    expect(served.get('/liar') ?? 0).toBeLessThan(2 * 1024 * 1024);
    served.delete('/forever');
    expect(await settle(`${base}/redirect`)).toBe('failed');
    expect(served.has('/forever')).toBe(false);
  });
});
