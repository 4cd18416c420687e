import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';
import { BUNDLE_MUTATIONS, MARKUP } from '../testing/proof-inputs.js';
import { seedFixtureSessions, T0, type Clock } from './testing/seed-session.js';

/**
 * Crafted session bundles (issue 13): valid SQLite whose rows, tables, triggers or sizes are hostile.
 * Each is refused whole with a reason and leaves the desk as it was; markup that passes the schemas
 * reaches the report as text; a bundle's products never enter the live catalog.
 */
let studio: DeskFixture;
let laptop: DeskFixture;
const clock: Clock = { t: T0 };
let ids: { previous: string; main: string };
let bundle: Buffer;

const upload = async (f: DeskFixture, body: Buffer) => {
  const res = await fetch(`${f.server.url}/api/v1/review/import`, { method: 'POST', headers: { authorization: `Bearer ${f.token}`, 'content-type': 'application/octet-stream' }, body });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string }; imported?: { id: string }[] } };
};

function mutated(f: DeskFixture, name: string, sql: string): Buffer {
  const file = join(f.dir, `${name.replace(/\W+/g, '-')}.ldbundle`);
  writeFileSync(file, bundle);
  const db = new Database(file);
  db.exec(sql);
  db.close();
  return readFileSync(file);
}

const snapshot = async (f: DeskFixture) => ({
  sessions: (await f.api('GET', '/sessions')).body as unknown[],
  products: (await f.api('GET', '/products')).body as unknown[],
});

beforeAll(async () => {
  studio = await startDeskFixture({ now: () => clock.t });
  laptop = await startDeskFixture({ now: () => clock.t });
  ids = await seedFixtureSessions(studio, clock);
  clock.t = T0 + 3_600_000;
  await studio.api('PUT', `/sessions/${ids.main}/notes`, { notes: [{ role: '场控', text: 'ok' }], actions: [] });
  bundle = studio.desk.review.bundle([ids.main, ids.previous]);
});
afterAll(async () => {
  await studio?.close();
  await laptop?.close();
});

describe('hostile session bundles', () => {
  it('refuses each with a reason, changes nothing, and the desk keeps serving', async () => {
    const before = await snapshot(laptop);
    const accepted: string[] = [];
    for (const { name, sql } of BUNDLE_MUTATIONS) {
      const r = await upload(laptop, mutated(laptop, name, sql));
      if (r.status !== 400) accepted.push(`${name}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      else expect(r.body.error?.message, name).toMatch(/bundle/);
    }
    expect(accepted).toEqual([]);
    expect(await snapshot(laptop)).toEqual(before);
    expect((await laptop.api('GET', '/health')).status).toBe(200);
  });

  it('opens a valid bundle without changing a product the live catalog already has', async () => {
    expect((await laptop.api('POST', '/products', { sku: 'TEA-01', name: '本店龙井', priceFen: 1 })).status).toBe(201);
    const r = await upload(laptop, mutated(laptop, 'pictures', `UPDATE products SET image = '/dev/zero' WHERE sku = 'CUP-02'`));
    expect(r.status).toBe(200);
    const catalog = (await laptop.api('GET', '/products')).body as { sku: string; name: string; priceFen: number }[];
    expect(catalog.find((p) => p.sku === 'TEA-01')).toMatchObject({ name: '本店龙井', priceFen: 1 });
    // CUP-02 came with the bundle, its picture (a device file, a foreign address) left behind.
    expect(catalog.find((p) => p.sku === 'CUP-02')).toMatchObject({ image: null });
    expect((await laptop.api('GET', `/sessions/${ids.main}/products`)).body).toEqual((await studio.api('GET', `/sessions/${ids.main}/products`)).body);
  });

  it('carries markup in titles, names and notes to the report as text', async () => {
    const other = await startDeskFixture({ now: () => clock.t });
    try {
      const sql = `UPDATE sessions SET title = '${MARKUP}'; UPDATE explain_segments SET name = '${MARKUP}';
        UPDATE session_notes SET body = json_object('notes', json_array(json_object('role', '<i>场控</i>', 'text', '${MARKUP}')), 'actions', json_array());`;
      const r = await upload(other, mutated(other, 'markup', sql));
      expect(r.status).toBe(200);
      const res = await fetch(`${other.server.url}/api/v1/review/export?ids=${ids.main},${ids.previous}&format=html`, { headers: { authorization: `Bearer ${other.token}` } });
      const html = await res.text();
      expect(res.status).toBe(200);
      expect(html).toContain('&lt;meta http-equiv=&quot;refresh&quot;');
      expect(html).not.toMatch(/<meta[^>]*refresh/i);
      expect(html).not.toMatch(/<script/i);
      expect((await other.api('GET', '/review/sessions')).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
