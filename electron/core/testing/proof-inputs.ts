/**
 * Generators for the proof suite (issue 13): the inputs that once took the desk down, and their
 * neighbours. Each returns named inputs so a failure says which one; none depends on a random seed.
 */

const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';

/** Request targets a page, a proxy or a broken client can put on the request line. */
export const UPGRADE_PATHS: readonly string[] = [
  '/ws',
  '//',
  '///',
  '//ws',
  '//evil.example/ws',
  'http://evil.example/ws',
  'ws://127.0.0.1/ws',
  'http://[::1/ws',
  'http://:99999/ws',
  '*',
  '/ws?token=%',
  '/ws?token=%E0%A4%A',
  '/%',
  '/%00',
  '/ws#frag',
  '/ws/../ws',
  '/ws;x',
  '\\\\ws',
  '/\\ws',
  `/ws?token=${'a'.repeat(8_000)}`,
  `/${'w'.repeat(8_000)}`,
  '/ws?' + 'a=1&'.repeat(2_000),
  '/overlay/ws',
  '/api/v1/ws',
];

interface HeaderSet {
  name: string;
  headers: Record<string, string | undefined>;
}

/** Header sets around a WebSocket handshake: missing, malformed, repeated and hostile values. */
export const UPGRADE_HEADERS: readonly HeaderSet[] = [
  { name: 'plain', headers: {} },
  { name: 'no key', headers: { 'sec-websocket-key': undefined } },
  { name: 'short key', headers: { 'sec-websocket-key': 'abc' } },
  { name: 'version 8', headers: { 'sec-websocket-version': '8' } },
  { name: 'no version', headers: { 'sec-websocket-version': undefined } },
  { name: 'version garbage', headers: { 'sec-websocket-version': '13, 13, x' } },
  { name: 'no host', headers: { host: undefined } },
  { name: 'empty host', headers: { host: '' } },
  { name: 'foreign host', headers: { host: 'evil.example' } },
  { name: 'odd host', headers: { host: '[::1' } },
  { name: 'foreign origin', headers: { origin: 'https://evil.example' } },
  { name: 'null origin', headers: { origin: 'null' } },
  { name: 'garbage origin', headers: { origin: '%%%' } },
  { name: 'protocol garbage', headers: { 'sec-websocket-protocol': ',,, ;; "' } },
  { name: 'extension garbage', headers: { 'sec-websocket-extensions': 'permessage-deflate; client_max_window_bits=99; x="' } },
  { name: 'extension unknown', headers: { 'sec-websocket-extensions': 'x-evil; a=1, permessage-deflate; server_max_window_bits' } },
  { name: 'upgrade h2c', headers: { upgrade: 'h2c' } },
  { name: 'upgrade garbage', headers: { upgrade: 'websocket, \u0001' } },
  { name: 'connection only', headers: { connection: 'Upgrade', upgrade: 'websocket' } },
  { name: 'bad bearer', headers: { authorization: 'Bearer ' } },
  { name: 'basic auth', headers: { authorization: 'Basic Zm9vOmJhcg==' } },
];

/** A raw upgrade request: `path` on the request line, the handshake headers overridden by `headers`. */
export function upgradeRequest(path: string, headers: Record<string, string | undefined>, host: string): string {
  const merged: Record<string, string | undefined> = {
    host,
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': KEY,
    ...headers,
  };
  const lines = Object.entries(merged)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  return `GET ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}
