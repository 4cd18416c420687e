import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WsServerMessage } from '../contract/index.js';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';
import { runCoreExpectingExit, startCoreProcess } from '../testing/core-process.js';
import { apiRoutes } from './api-routes.js';

/**
 * Bad input at every door: fuzzed HTTP bodies on every write route, mutated ingest events, garbage
 * WebSocket frames, corrupt settings files and settings rows. Always a clear 4xx (or a one-line start
 * error), never a 500 or a crash, and a refused request leaves nothing behind.
 */
let f: DeskFixture;
let db: Database.Database;
beforeAll(async () => {
  f = await startDeskFixture();
  db = new Database(join(f.dir, 'desk.sqlite'), { readonly: true });
});
afterAll(async () => {
  db?.close();
  await f?.close();
});

const TABLES = ['sessions', 'events', 'orders', 'products', 'kpi_seconds', 'explain_segments', 'serial_devices', 'settings'];
const ingestCounts = () =>
  db.prepare(`SELECT (SELECT COUNT(*) FROM events WHERE kind LIKE 'ingest.%') AS events, (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM kpi_seconds) AS rollups`).get();
const counts = () => Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));

/** mulberry32: the fuzz is seeded, so a failure replays. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function raw(method: string, path: string, body: string | Buffer, contentType = 'application/json') {
  const res = await fetch(`${f.server.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${f.token}`, 'content-type': contentType }, body });
  const text = await res.text();
  let json: { error?: { code?: string; message?: string; field?: string; index?: number } } | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    // asserted below: every answer is JSON
  }
  return { status: res.status, json, text };
}

const expectClearRefusal = (res: { status: number; json: { error?: { code?: string; message?: string } } | null; text: string }, what: string) => {
  expect({ what, status: res.status >= 400 && res.status < 500, json: res.json !== null }).toEqual({ what, status: true, json: true });
  expect(res.json?.error?.code, what).toMatch(/^[a-z_]+$/);
  expect(res.json?.error?.message?.length ?? 0, what).toBeGreaterThan(5);
};

/** Write routes that take no body at all (they would answer garbage with 200, rightly). */
const BODYLESS = new Set(['POST /obs/profiles/deactivate', 'POST /obs/profiles/:id/activate', 'POST /controls/rescan']);

describe('fuzzed HTTP bodies on every write route', () => {
  const garbage: [string, string | Buffer][] = [
    ['empty', ''],
    ['truncated', '{"type":"session.start","title":'],
    ['not JSON', 'nul'],
    ['binary', Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x22, 0x80])],
    ['deep nesting', '['.repeat(200_000) + ']'.repeat(200_000)],
    ['null', 'null'],
    ['number', '-1e309'],
    ['string', '"session.start"'],
    ['array', '[{"type":"session.start","title":"x"}]'],
    ['wrong shape', '{"type":12,"sku":{"$ne":null}}'],
    ['prototype pollution', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'],
    ['over the 1 MB limit', JSON.stringify({ type: 'session.start', title: 'x'.repeat(1_100_000) })],
  ];

  it('gets a clear 4xx for each, nothing is written, and the desk keeps serving', async () => {
    const before = counts();
    const routes = apiRoutes(f.desk)
      .list()
      .filter((r) => r.method !== 'GET' && r.method !== 'DELETE' && !BODYLESS.has(`${r.method} ${r.pattern}`));
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const { method, pattern } of routes) {
      const path = pattern.replace(/:[^/]+/g, 'fuzz-1');
      for (const [name, body] of garbage) {
        const res = await raw(method, path, body);
        if (res.status < 300) {
          // A few routes take bare JSON values (PUT /devices/cues with []): valid, and they must say so.
          expect({ route: `${method} ${pattern}`, name, body: String(body).slice(0, 40) }).toMatchObject({ name: expect.stringMatching(/array|null/) });
          continue;
        }
        expectClearRefusal(res, `${method} ${pattern} with ${name}`);
      }
      expectClearRefusal(await raw(method, path, '{"type":"session.start","title":"x"}', 'text/plain'), `${method} ${pattern} as text/plain`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(counts()).toMatchObject({ sessions: before.sessions, events: before.events, orders: before.orders, products: before.products });
    expect((await f.api('GET', '/health')).status).toBe(200);
  });
});

describe('fuzzed ingest events', () => {
  const valid = (i: number, ts: number): Record<string, unknown> =>
    [
      { type: 'snapshot', ts, online: 100 + i },
      { type: 'order', ts, orderId: `fz-${i}`, sku: 'FZ-1', qty: 1, amount: 990, buyer: `b${i}` },
      { type: 'refund', ts, orderId: `fz-${i}`, amount: 10 },
      { type: 'comment', ts, user: `u${i}`, text: '好' },
      { type: 'like', ts, count: 3 },
      { type: 'follow', ts, user: `u${i}` },
      { type: 'enter', ts, user: `u${i}` },
    ][i % 7] as Record<string, unknown>;

  const mutations: ((e: Record<string, unknown>, r: () => number) => unknown)[] = [
    (e) => ({ ...e, ts: -1 }),
    (e) => ({ ...e, ts: String(e.ts) }),
    (e) => ({ ...e, ts: 1.5 }),
    (e) => ({ ...e, type: 'unknown' }),
    (e) => ({ ...e, zzz: 1 }),
    (e) => {
      const { ts: _ts, ...rest } = e;
      return rest;
    },
    (e) => (e.type === 'order' ? { ...e, amount: -1 } : e.type === 'like' ? { ...e, count: 0 } : { ...e, type: 7 }),
    (e) => (e.type === 'order' ? { ...e, sku: 'has space' } : e.type === 'comment' ? { ...e, text: 'x'.repeat(2_001) } : { ...e, ts: null }),
    (e) => (e.type === 'order' || e.type === 'refund' ? { ...e, orderId: '' } : 'user' in e ? { ...e, user: 'x'.repeat(257) } : { ...e, ts: Number.MAX_SAFE_INTEGER + 2 }),
    () => null,
    (_e, r) => [r()],
    (e) => JSON.stringify(e),
  ];

  it('refuses a batch with one bad event whole, naming its index, and writes nothing', async () => {
    await f.api('POST', '/actions', { type: 'session.start', title: 'fuzz' });
    const r = rng(9);
    const before = ingestCounts();
    const kpi = f.desk.hub.state.kpi;
    for (let round = 0; round < 240; round++) {
      const ts = Date.now();
      const events = Array.from({ length: 20 }, (_, i) => valid(round * 20 + i, ts));
      const index = Math.floor(r() * events.length);
      events[index] = (mutations[round % mutations.length] as (e: Record<string, unknown>, r: () => number) => Record<string, unknown>)(events[index] as Record<string, unknown>, r);
      const res = await raw('POST', '/ingest', JSON.stringify({ source: 'fuzz', events }));
      expectClearRefusal(res, `round ${round}`);
      expect({ round, index: res.json?.error?.index, field: res.json?.error?.field?.startsWith(`events.${index}`) }).toEqual({ round, index, field: true });
    }
    for (const [name, body] of [
      ['no events', { events: [] }],
      ['too many', { events: Array.from({ length: 10_001 }, (_, i) => valid(i, 1)) }],
      ['unknown key', { events: [valid(1, 1)], extra: true }],
      ['empty source', { source: '', events: [valid(1, 1)] }],
      ['events not an array', { events: { 0: valid(1, 1) } }],
    ] as const) {
      expectClearRefusal(await raw('POST', '/ingest', JSON.stringify(body)), name);
    }
    expect(ingestCounts()).toEqual(before);
    expect(f.desk.hub.state.kpi).toEqual(kpi);
    const ok = await f.api('POST', '/ingest', { events: Array.from({ length: 7 }, (_, i) => valid(100_000 + i, Date.now())) });
    expect(ok).toMatchObject({ status: 202, body: { accepted: 7, duplicates: 0 } });
  });
});

/** A control socket, open, with the `result` messages it gets collected in order. */
async function resultSocket() {
  const ws = new WebSocket(`${f.server.url.replace(/^http/, 'ws')}/ws?token=${f.token}`);
  const results: Extract<WsServerMessage, { type: 'result' }>[] = [];
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as WsServerMessage;
    if (m.type === 'result') results.push(m);
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { ws, results };
}

describe('garbage WebSocket frames', () => {
  it('each gets an error result; an oversized frame closes only that socket', async () => {
    const { ws, results } = await resultSocket();
    const frames: (string | Buffer)[] = [
      Buffer.from([1, 2, 3]),
      'not json',
      '{}',
      '{"type":"action"}',
      '{"type":"action","id":"x","action":{"type":"obs.scene","scene":""}}',
      '{"type":"ingest","batch":{"events":[{"type":"order"}]}}',
      '{"type":"surface.key","surface":"virtual-1","key":999,"down":true}',
      '{"type":"surface.key","surface":"nope","key":1,"down":true}',
      '[' .repeat(100_000),
      JSON.stringify({ type: 'action', id: 'y'.repeat(65), action: { type: 'product.clear' } }),
    ];
    for (const frame of frames) ws.send(frame);
    await expect.poll(() => results.length, { timeout: 5_000 }).toBe(frames.length);
    for (const r of results) {
      expect(r.ok).toBe(false);
      expect(r.error?.code).toMatch(/^(bad_request|not_found|conflict)$/);
    }
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    ws.send('x'.repeat(17 * 1024 * 1024));
    expect(await closed).toBe(1009);
    expect((await f.api('GET', '/health')).status).toBe(200);
  });
});

describe('large WebSocket frames (parsed on the ingest thread)', () => {
  it('get the answers small frames get, in the order they were sent, and their batches land in that order', async () => {
    if (!f.desk.hub.state.session) await f.api('POST', '/actions', { type: 'session.start', title: 'large frames' });
    const { ws, results } = await resultSocket();
    const comments = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'comment', ts: Date.now(), user: `u${i}`, text: '主播好'.repeat(8) }));
    const ingest = (id: string, events: unknown[], source = id) => JSON.stringify({ type: 'ingest', id, batch: { source, events } });
    const badAt700 = comments(1_000).map((e, i) => (i === 700 ? { type: 'like', ts: Date.now(), count: 0 } : e));
    const frames = [
      ingest('big1', comments(1_000)),
      ingest('small1', comments(1)),
      `{"type":"ingest","id":"bj","batch":${' '.repeat(40_000)}`,
      ingest('bad', badAt700),
      ingest('y'.repeat(65), comments(1_000)),
      JSON.stringify({ type: 'ingest', id: 'extra', batch: { events: comments(1_000) }, via: 'ui' }),
      ingest('big2', comments(1_000)),
    ];
    expect(frames.filter((t) => t.length >= 32 * 1024)).toHaveLength(6);
    for (const frame of frames) ws.send(frame);
    await expect.poll(() => results.length, { timeout: 10_000 }).toBe(frames.length);
    expect(results.map((r) => [r.id?.slice(0, 6) ?? null, r.ok, r.ok ? r.result : r.error?.code])).toEqual([
      ['big1', true, { accepted: 1_000, duplicates: 0 }],
      ['small1', true, { accepted: 1, duplicates: 0 }],
      [null, false, 'bad_request'],
      ['bad', false, 'bad_request'],
      ['yyyyyy', false, 'bad_request'],
      ['extra', false, 'bad_request'],
      ['big2', true, { accepted: 1_000, duplicates: 0 }],
    ]);
    // The same words the event loop gives a small frame: the thread never writes an error of its own.
    expect(results[2]?.error?.message).toMatch(/^message is not valid JSON/);
    expect(results[3]?.error).toMatchObject({ field: 'events.700.count', index: 700 });
    const smallBad = await f.api('POST', '/ingest', { events: badAt700 });
    expect(results[3]?.error?.message).toBe(smallBad.body.error.message);
    expect((f.desk as unknown as { parser: { running: boolean } }).parser.running).toBe(true);
    const span = (source: string) =>
      db.prepare(`SELECT MIN(id) AS first, MAX(id) AS last FROM events WHERE kind = 'ingest.comment' AND json_extract(data, '$.source') = ?`).get(source) as { first: number; last: number };
    expect(span('big1').last).toBeLessThan(span('small1').first);
    expect(span('small1').last).toBeLessThan(span('big2').first);
    ws.close();
    expect((await f.api('GET', '/health')).status).toBe(200);
  });
});

describe('corrupt settings', () => {
  const scratch: string[] = [];
  afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'livedesk-settings-'));
    scratch.push(dir);
    return dir;
  };

  it('a broken secrets.json stops the start with one line that names the file', async () => {
    for (const content of ['{', 'null', '[]', '"token"', '\u0000\u00ff garbage']) {
      const dir = freshDir();
      writeFileSync(join(dir, 'secrets.json'), content);
      const exit = await runCoreExpectingExit(['--data-dir', dir, '--port', '0', '--obs-url', 'ws://127.0.0.1:9']);
      expect({ content, code: exit.code === 0 }).toEqual({ content, code: false });
      expect(exit.stderr.trim().split('\n')).toHaveLength(1);
      expect(exit.stderr).toMatch(/^livedesk: .*secrets\.json (is unreadable or not JSON|must hold a JSON object)/);
      expect(exit.stderr).not.toMatch(/unexpected|at .*\.js:\d+/);
    }
    const dir = freshDir();
    mkdirSync(join(dir, 'secrets.json'));
    const exit = await runCoreExpectingExit(['--data-dir', dir, '--port', '0', '--obs-url', 'ws://127.0.0.1:9']);
    expect(exit.stderr).toMatch(/secrets\.json is unreadable/);
  });

  it('unusable values in secrets.json are replaced, and the rest of the file kept', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ token: 5, overlayToken: 'short', obsPassword: 'kept-password' }));
    const core = await startCoreProcess(['--data-dir', dir, '--port', '0', '--obs-url', 'ws://127.0.0.1:9']);
    try {
      expect(core.token.length).toBeGreaterThanOrEqual(16);
      expect(core.overlayToken.length).toBeGreaterThanOrEqual(16);
    } finally {
      await core.stop();
    }
  });

  it('garbage settings rows in the database do not stop the desk: defaults, and an alert where it matters', async () => {
    const dir = freshDir();
    const first = await startCoreProcess(['--data-dir', dir, '--port', '0', '--obs-url', 'ws://127.0.0.1:9']);
    await first.stop();
    const file = new Database(join(dir, 'livedesk.sqlite'));
    const put = file.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    for (const key of ['obs.settings', 'obs.profiles', 'dmx-cues']) put.run(key, '{"truncated": ');
    file.prepare('INSERT INTO serial_devices (id, position, config) VALUES (?, ?, ?)').run('scale-9', 0, '\u0000not json');
    file.close();
    const core = await startCoreProcess(['--data-dir', dir, '--port', '0', '--obs-url', 'ws://127.0.0.1:9']);
    try {
      for (const path of ['/obs/settings', '/obs/profiles', '/devices/cues', '/devices', '/state']) {
        expect({ path, status: (await core.api('GET', path)).status }).toEqual({ path, status: 200 });
      }
      expect((await core.api('GET', '/devices/cues')).body).toEqual([]);
      const state = await core.waitForState((s) => s.alerts.some((a) => a.id === 'serial-config-scale-9'));
      expect(state.alerts.find((a) => a.id === 'serial-config-scale-9')?.text).toMatch(/unreadable/);
      expect((await core.api('POST', '/actions', { type: 'light.cue', cue: 'warm' })).status).toBeLessThan(500);
    } finally {
      await core.stop();
    }
  });
});
