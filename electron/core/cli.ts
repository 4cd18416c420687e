import { parseArgs } from 'node:util';

export interface CoreArgs {
  dataDir: string | null;
  host: string;
  port: number;
  token: string | null;
  obsUrl: string;
  obsPassword: string | null;
  demo: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
export const isLoopback = (host: string) => LOOPBACK.has(host) || host.startsWith('127.');

/** Parses the core's command line (DESIGN §3.1); any problem is a UsageError with a one-line reason. */
export function parseCoreArgs(argv: readonly string[]): CoreArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'data-dir': { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '7420' },
        token: { type: 'string' },
        'obs-url': { type: 'string', default: 'ws://127.0.0.1:4455' },
        'obs-password': { type: 'string' },
        demo: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, got "${values.port}"`);
  if (values.token !== undefined && values.token.length < 16) throw new UsageError('--token must be at least 16 characters');
  let obsUrl: URL;
  try {
    obsUrl = new URL(values['obs-url']);
  } catch {
    throw new UsageError(`--obs-url is not a URL: "${values['obs-url']}"`);
  }
  if (obsUrl.protocol !== 'ws:' && obsUrl.protocol !== 'wss:') throw new UsageError(`--obs-url must start with ws:// or wss://, got "${values['obs-url']}"`);
  const host = values.host;
  if (!isLoopback(host) && values.token === undefined) {
    throw new UsageError(`--host ${host} exposes the desk beyond this machine: pass an explicit --token as well`);
  }
  return {
    dataDir: values['data-dir'] ?? null,
    host,
    port,
    token: values.token ?? null,
    obsUrl: values['obs-url'],
    obsPassword: values['obs-password'] ?? null,
    demo: values.demo,
  };
}
