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

/**
 * Hostile edits of a valid session bundle, as SQL run on a copy of it: malformed JSON columns, markup,
 * out-of-range values, huge cells, extra tables, triggers and views. A desk must refuse each whole.
 */
export const BUNDLE_MUTATIONS: readonly { name: string; sql: string }[] = [
  { name: 'product tags not JSON', sql: `UPDATE products SET tags = '{"a":' WHERE rowid = (SELECT MIN(rowid) FROM products)` },
  { name: 'product selling points not an array of strings', sql: `UPDATE products SET selling_points = '[1,{"x":2}]'` },
  { name: 'product price negative', sql: `PRAGMA ignore_check_constraints = ON; UPDATE products SET price_fen = -5` },
  { name: 'product name huge', sql: `UPDATE products SET name = printf('%.*c', 300000, 'x')` },
  { name: 'product sku with a slash', sql: `UPDATE products SET sku = 'a/b' WHERE rowid = (SELECT MIN(rowid) FROM products)` },
  { name: 'event data not JSON', sql: `UPDATE events SET data = '{broken' WHERE rowid = (SELECT MAX(rowid) FROM events)` },
  { name: 'event data an array', sql: `UPDATE events SET data = '[1,2]' WHERE rowid = (SELECT MIN(rowid) FROM events)` },
  { name: 'event timestamp centuries ahead', sql: `UPDATE events SET ts = 99999999999999 WHERE rowid = (SELECT MAX(rowid) FROM events)` },
  { name: 'event timestamp in microseconds', sql: `UPDATE events SET ts = ts * 1000 WHERE rowid = (SELECT MIN(rowid) FROM events)` },
  { name: 'session ends in year 5000', sql: `UPDATE sessions SET ended_at = 95617584000000` },
  { name: 'session starts before 1970', sql: `UPDATE sessions SET started_at = -1` },
  { name: 'session currency markup', sql: `UPDATE sessions SET currency = '<meta http-equiv="refresh" content="0;url=https://evil.example">'` },
  { name: 'session title huge', sql: `UPDATE sessions SET title = printf('%.*c', 100000, 't')` },
  { name: 'session title not text', sql: `UPDATE sessions SET title = x'00ff'` },
  { name: 'notes body not JSON', sql: `UPDATE session_notes SET body = 'notes'` },
  { name: 'notes body wrong shape', sql: `UPDATE session_notes SET body = '{"notes":"x","actions":7}'` },
  { name: 'tag huge', sql: `INSERT INTO session_tags (session_id, tag) SELECT id, printf('%.*c', 5000, 'g') FROM sessions LIMIT 1` },
  { name: 'order amount text', sql: `UPDATE orders SET amount_fen = 'lots'` },
  { name: 'order quantity zero', sql: `UPDATE orders SET qty = 0` },
  { name: 'segment name huge', sql: `UPDATE explain_segments SET name = printf('%.*c', 100000, 'n')` },
  { name: 'segment ends before 1970', sql: `UPDATE explain_segments SET ended_at = -100` },
  { name: 'review mark data not JSON', sql: `INSERT INTO review_marks (session_id, ts, kind, data) SELECT id, started_at, 'marker', '{' FROM sessions LIMIT 1` },
  { name: 'platform minute data not JSON', sql: `INSERT INTO platform_minutes (session_id, platform, minute, data) SELECT id, 'douyin', 0, 'nope' FROM sessions LIMIT 1` },
  { name: 'platform session data not JSON', sql: `INSERT INTO platform_sessions (session_id, platform, data) SELECT id, 'douyin', '{' FROM sessions LIMIT 1` },
  { name: 'extra table', sql: `CREATE TABLE evil (session_id TEXT, payload TEXT); INSERT INTO evil SELECT id, 'x' FROM sessions` },
  { name: 'trigger', sql: `CREATE TRIGGER evil AFTER INSERT ON events BEGIN DELETE FROM sessions; END` },
  { name: 'view', sql: `CREATE VIEW evil AS SELECT * FROM sessions` },
  { name: 'extra index on an expression', sql: `CREATE INDEX evil ON events(length(data))` },
  { name: 'extra column', sql: `ALTER TABLE products ADD COLUMN evil TEXT DEFAULT '<script>'` },
];

/** Text a page, a connector or a bundle can put in a title, a name or a note: it must reach people as text. */
export const MARKUP = '<meta http-equiv="refresh" content="0;url=https://evil.example"><script>alert(1)</script>';

/** Stray entries named like bundles, as a sync tool, a user or bad luck leaves them in the data dir. */
export const STRAY_BUNDLE_ENTRIES: readonly { name: string; make: string }[] = [
  { name: 'dangling.ldbundle', make: 'a symlink to nothing' },
  { name: 'loop.ldbundle', make: 'a symlink to itself' },
  { name: 'fifo.ldbundle', make: 'a FIFO nobody writes' },
  { name: 'folder.ldbundle', make: 'a directory' },
  { name: 'zero.ldbundle', make: 'a symlink to /dev/zero' },
  { name: 'empty.ldbundle', make: 'an empty file' },
  { name: 'garbage.ldbundle', make: 'a text file' },
];

/** Platform export files (CSV/XLSX bodies): broken, huge, hostile, or merely odd. */
export function platformImportFiles(): { name: string; body: Buffer }[] {
  const csv = (s: string) => Buffer.from(s, 'utf8');
  const zipHead = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  return [
    { name: 'empty', body: Buffer.alloc(0) },
    { name: 'BOM only', body: Buffer.from([0xef, 0xbb, 0xbf]) },
    { name: 'binary garbage', body: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) },
    { name: 'zip header then garbage', body: Buffer.concat([zipHead, Buffer.alloc(2048, 0xff)]) },
    { name: 'header only', body: csv('时间,在线人数,成交金额\n') },
    { name: 'formulas', body: csv('时间,在线人数\n=cmd|calc!A1,@SUM(1)\n\t=1+1,\r-2\n') },
    { name: 'markup', body: csv(`时间,商品名称\n2026-01-10 12:00,${'<meta http-equiv="refresh" content="0;url=https://evil.example">'}\n`) },
    { name: 'times centuries ahead', body: csv('时间,在线人数\n9999-12-31 23:59,10\n0001-01-01 00:00,5\n') },
    { name: 'numbers out of range', body: csv('时间,在线人数,成交金额\n2026-01-10 12:00,1e400,-99999999999999999999\n') },
    { name: 'unterminated quote', body: csv('时间,在线人数\n"2026-01-10 12:00,10\n') },
    { name: '5,000 columns', body: csv(Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',') + '\n' + '1,'.repeat(4999) + '1\n') },
    { name: '100,000 rows', body: csv('时间,在线人数\n' + Array.from({ length: 100_000 }, (_, i) => `2026-01-10 12:${String(i % 60).padStart(2, '0')},${i}`).join('\n')) },
    { name: 'one 2 MB cell', body: csv(`时间,商品名称\n2026-01-10 12:00,${'x'.repeat(2_000_000)}\n`) },
  ];
}

/** Ingest timestamps around `now`: each with whether the desk must accept it. */
export function ingestTimestamps(now: number): { name: string; ts: unknown; ok: boolean }[] {
  const DAY = 86_400_000;
  return [
    { name: 'now', ts: now, ok: true },
    { name: 'an hour ago', ts: now - 3_600_000, ok: true },
    { name: 'a minute ahead', ts: now + 60_000, ok: true },
    { name: '300 days ago', ts: now - 300 * DAY, ok: true },
    { name: 'seconds, not ms', ts: Math.floor(now / 1000), ok: false },
    { name: 'microseconds', ts: now * 1000, ok: false },
    { name: 'centuries ahead', ts: 99_999_999_999_999, ok: false },
    { name: 'two days ahead', ts: now + 2 * DAY, ok: false },
    { name: 'two years ago (a replayed export)', ts: now - 730 * DAY, ok: true },
    { name: '1999', ts: Date.UTC(1999, 11, 31), ok: false },
    { name: 'zero', ts: 0, ok: false },
    { name: 'negative', ts: -1, ok: false },
    { name: 'max safe integer', ts: Number.MAX_SAFE_INTEGER, ok: false },
    { name: 'beyond safe integers', ts: 2 ** 60, ok: false },
    { name: 'fraction', ts: now + 0.5, ok: false },
    { name: 'a string', ts: String(now), ok: false },
    { name: 'an ISO date', ts: new Date(now).toISOString(), ok: false },
    { name: 'null', ts: null, ok: false },
  ];
}

/** Product picture sources that must never make a reader wait or read without end. */
export function pictureSources(fifo: string, endlessUrl: string): string[] {
  return [
    '/dev/zero',
    '/dev/urandom',
    'file:///dev/zero',
    '/proc/self/mem',
    fifo,
    `file://${fifo}`,
    '/',
    '/nonexistent/picture.png',
    endlessUrl,
    `${endlessUrl}?again`,
    'http://127.0.0.1:9/refused.png',
    'http://[::1',
    'data:image/png;base64,' + 'A'.repeat(1_900),
    'data:text/html,<script>alert(1)</script>',
    '\u0000',
  ];
}
