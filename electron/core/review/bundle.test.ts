import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, SCHEMA_VERSION } from '../store/database.js';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';
import { seedFixtureSessions, T0, type Clock } from './testing/seed-session.js';

let studio: DeskFixture;
let laptop: DeskFixture;
const clock: Clock = { t: T0 };
let ids: { previous: string; main: string };
let bundle: Buffer;

const upload = async (f: DeskFixture, body: Buffer | string, type = 'application/octet-stream') => {
  const res = await fetch(`${f.server.url}/api/v1/review/import`, { method: 'POST', headers: { authorization: `Bearer ${f.token}`, 'content-type': type }, body });
  return { status: res.status, body: (await res.json()) as { error?: { message: string }; imported?: { id: string }[]; skipped?: { id: string }[] } };
};
const sessionCount = async (f: DeskFixture) => ((await f.api('GET', '/sessions')).body as unknown[]).length;

beforeAll(async () => {
  studio = await startDeskFixture({ now: () => clock.t });
  laptop = await startDeskFixture({ now: () => clock.t });
  ids = await seedFixtureSessions(studio, clock);
  clock.t = T0 + 3_600_000;
  await studio.api('PATCH', `/sessions/${ids.main}`, { tags: ['春茶'] });
  await studio.api('PUT', `/sessions/${ids.main}/notes`, { notes: [{ role: '场控', text: '茶杯秒杀太晚' }], actions: [] });
  const res = await fetch(`${studio.server.url}/api/v1/review/export?ids=${ids.main},${ids.previous}&format=bundle`, { headers: { authorization: `Bearer ${studio.token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toMatch(/\.ldbundle"/);
  expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
  bundle = Buffer.from(await res.arrayBuffer());
  expect(bundle.length).toBe(Number(res.headers.get('content-length')));
});
afterAll(async () => {
  await studio?.close();
  await laptop?.close();
});

describe('session bundles', () => {
  it('streams from scratch space, which is emptied once the bundle has been sent', async () => {
    await expect.poll(() => readdirSync(join(studio.dir, 'tmp'))).toEqual([]);
  });

  it('refuses damaged and foreign files with a clear message and changes nothing', async () => {
    const before = await sessionCount(laptop);
    const foreignDb = join(laptop.dir, 'foreign.sqlite');
    openDatabase(foreignDb).close();
    const cases: [string, Buffer | string, RegExp][] = [
      ['text', 'hello, this is not a bundle', /not an SQLite database/],
      ['truncated', bundle.subarray(0, Math.floor(bundle.length * 0.6)), /damaged|cannot be opened/],
      ['overwritten', Buffer.concat([bundle.subarray(0, 4096), Buffer.alloc(8192, 0x5a), bundle.subarray(4096 + 8192)]), /damaged|cannot be opened/],
      ['a desk database', readFileSync(foreignDb), /without the bundle marker/],
    ];
    for (const [name, body, message] of cases) {
      const r = await upload(laptop, body);
      expect(r.status, name).toBe(400);
      expect(r.body.error?.message, name).toMatch(message);
    }
    expect((await upload(laptop, JSON.stringify({ a: 1 }), 'application/json')).status).toBe(400);
    // A bundle written by a newer LiveDesk (a schema this desk does not know) is refused, not guessed at.
    const newer = join(laptop.dir, 'newer.ldbundle');
    writeFileSync(newer, bundle);
    const db = new Database(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const refused = await upload(laptop, readFileSync(newer));
    expect(refused).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/newer LiveDesk/) } } });
    expect(await sessionCount(laptop)).toBe(before);
  });

  it('opens on another desk with the same review: numbers, products, lanes, tags and notes', async () => {
    const r = await upload(laptop, bundle);
    expect(r.status).toBe(200);
    expect(r.body.imported?.map((s) => s.id).sort()).toEqual([ids.main, ids.previous].sort());
    for (const path of [`/sessions/${ids.main}/review`, `/sessions/${ids.main}/products`, `/sessions/${ids.main}/notes`, `/sessions/${ids.previous}/review`, `/review/compare?ids=${ids.main},${ids.previous}`]) {
      const [a, b] = await Promise.all([studio.api('GET', path), laptop.api('GET', path)]);
      expect(b.status, path).toBe(200);
      expect(b.body, path).toEqual(a.body);
    }
    const again = await upload(laptop, bundle);
    expect(again.body).toMatchObject({ imported: [], skipped: [{ id: expect.any(String) }, { id: expect.any(String) }] });
  });

  it('takes a session’s buyer and per-product counts from its orders, never from what the bundle claims', async () => {
    const fresh = await startDeskFixture({ now: () => clock.t });
    try {
      // A bundle whose kept facts disagree with its own orders: GMV, orders and buyers inflated.
      const file = join(fresh.dir, 'forged.ldbundle');
      writeFileSync(file, bundle);
      const forged = new Database(file);
      forged.prepare("UPDATE order_skus SET gmv_fen = gmv_fen * 100, orders = orders + 50").run();
      forged.prepare('INSERT OR IGNORE INTO order_buyers (session_id, buyer) VALUES (?, ?), (?, ?)').run(ids.main, 'ghost-1', ids.main, 'ghost-2');
      forged.close();
      expect((await upload(fresh, readFileSync(file))).status).toBe(200);
      for (const path of [`/sessions/${ids.main}`, `/sessions/${ids.main}/review`, `/sessions/${ids.main}/products`]) {
        const [a, b] = await Promise.all([studio.api('GET', path), fresh.api('GET', path)]);
        expect(b.body, path).toEqual(a.body);
      }
    } finally {
      await fresh.close();
    }
  });

  it('rebuilds the rollups from the log when it has to, with the same answers', async () => {
    // Drop the laptop's rollups: the next open folds the imported log again.
    const db = openDatabase(join(laptop.dir, 'desk.sqlite'));
    db.prepare('DELETE FROM review_cursor WHERE session_id = ?').run(ids.main);
    db.prepare('DELETE FROM review_rollup WHERE session_id = ?').run(ids.main);
    db.prepare('DELETE FROM review_marks WHERE session_id = ?').run(ids.main);
    db.close();
    const [a, b] = await Promise.all([studio.api('GET', `/sessions/${ids.main}/review`), laptop.api('GET', `/sessions/${ids.main}/review`)]);
    expect(b.body).toEqual(a.body);
  });

  it('refuses to bundle a session that is still live', async () => {
    clock.t += 60_000;
    const live = (await studio.api('POST', '/actions', { type: 'session.start', title: 'still on air' })).body.result.id as string;
    const res = await studio.api('GET', `/sessions/${live}/export?format=bundle`);
    expect(res).toMatchObject({ status: 409, body: { error: { message: expect.stringMatching(/still live/) } } });
    await studio.api('POST', '/actions', { type: 'session.end', confirm: true });
  });

  it('imports bundles dropped into a review folder once, and reports bad ones', async () => {
    const third = await startDeskFixture({ now: () => clock.t });
    try {
      writeFileSync(join(third.dir, 'spring.ldbundle'), bundle);
      writeFileSync(join(third.dir, 'broken.ldbundle'), 'garbage');
      const results = third.desk.review.importFolder(third.dir);
      expect(results).toEqual([
        { file: 'broken.ldbundle', ok: false, message: expect.stringMatching(/not an SQLite database/) },
        { file: 'spring.ldbundle', ok: true, message: expect.stringMatching(/^2 session\(s\) imported/) },
      ]);
      expect(third.desk.review.importFolder(third.dir).map((r) => r.file)).toEqual(['broken.ldbundle']);
      expect((await third.api('GET', `/sessions/${ids.main}/products`)).body).toEqual((await studio.api('GET', `/sessions/${ids.main}/products`)).body);
    } finally {
      await third.close();
    }
  });
});
