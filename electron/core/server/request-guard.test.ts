import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendError } from './http-utils.js';
import { guardRequest, requestUrl } from './request-guard.js';

/** Per-request guards (issue 13): an exception in one request answers that request and nothing else. */
let server: Server | undefined;
afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('request guards', () => {
  it('read only origin-form targets, never another host', () => {
    const url = (target: string) => requestUrl({ url: target } as IncomingMessage)?.pathname ?? null;
    expect(url('/ws?token=x')).toBe('/ws');
    expect(url('//')).toBe('//');
    expect(url('//evil.example/ws')).toBe('//evil.example/ws');
    expect(url('http://evil.example/ws')).toBeNull();
    expect(url('*')).toBeNull();
  });

  it('turn a synchronous throw into a 500 for that request and keep serving', async () => {
    let calls = 0;
    const base = await serve(
      guardRequest((_req, res) => {
        if (++calls === 1) throw new Error('a bug in one route');
        res.end('fine');
      }),
    );
    expect((await fetch(base)).status).toBe(500);
    expect(await (await fetch(base)).text()).toBe('fine');
  });

  it('cut an answer that already began instead of throwing from the error path', async () => {
    let thrown: unknown = null;
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
      try {
        sendError(res, new Error('stream broke'));
      } catch (error) {
        thrown = error;
        res.destroy();
      }
    });
    await expect(fetch(base).then((r) => r.text())).rejects.toThrow();
    expect(thrown).toBeNull();
  });
});
