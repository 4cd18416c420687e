import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreProcess, type CoreProcess } from '../testing/core-process.js';
import { MARKUP } from '../testing/proof-inputs.js';

/**
 * Stored rows are never trusted (issue 13): a show is recorded by a real core, its SQLite file is then
 * damaged row by row as a crafted bundle or a bad disk could, and the core must still start and answer
 * every read — the bad rows reported and skipped, never a crash or a permanent 500.
 */
const ARGS = ['--port', '0', '--obs-url', 'ws://127.0.0.1:9'];
let dir: string;
let core: CoreProcess | undefined;
let sessionId: string;
let badId: string;

async function ok(res: Promise<{ status: number; body: unknown }>, what: string) {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { result?: { id: string } };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'livedesk-rows-'));
  const first = await startCoreProcess(['--data-dir', dir, ...ARGS]);
  try {
    for (const sku of ['GOOD-1', 'BAD-TAGS', 'BAD-POINTS']) await ok(first.api('POST', '/products', { sku, name: sku, priceFen: 990, tags: ['t'] }), sku);
    await ok(first.api('POST', '/plans', { name: 'plan', items: [{ kind: 'product', sku: 'GOOD-1', minutes: 5 }] }), 'plan');
    badId = (await ok(first.api('POST', '/actions', { type: 'session.start', title: 'foreign currency' }), 'start bad')).result?.id as string;
    await ok(first.api('POST', '/actions', { type: 'session.end', confirm: true }), 'end bad');
    sessionId = (await ok(first.api('POST', '/actions', { type: 'session.start', title: 'damaged show' }), 'start')).result?.id as string;
    await ok(first.api('POST', '/actions', { type: 'product.explain', sku: 'GOOD-1' }), 'explain');
    const t = Date.now();
    await ok(
      first.api('POST', '/ingest', {
        events: [
          { type: 'snapshot', ts: t, online: 10 },
          { type: 'order', ts: t + 1, orderId: 'o1', sku: 'GOOD-1', qty: 1, amount: 990 },
          { type: 'order', ts: t + 2, orderId: 'o2', sku: 'GOOD-1', qty: 1, amount: 990 },
          { type: 'comment', ts: t + 3, user: 'u', text: 'hi' },
        ],
      }),
      'ingest',
    );
    await ok(first.api('POST', '/actions', { type: 'session.mark', label: 'mark' }), 'mark');
    await ok(first.api('PUT', `/sessions/${sessionId}/notes`, { notes: [{ role: 'r', text: 'n' }], actions: [] }), 'notes');
    await ok(first.api('POST', '/actions', { type: 'session.end', confirm: true }), 'end');
  } finally {
    await first.stop();
  }
  const db = new Database(join(dir, 'livedesk.sqlite'));
  db.exec(`
    UPDATE products SET tags = '{"a":' WHERE sku = 'BAD-TAGS';
    UPDATE products SET selling_points = '[1,' WHERE sku = 'BAD-POINTS';
    UPDATE show_plans SET items = '{', pacing = 'x';
    UPDATE events SET data = '{broken' WHERE id IN (SELECT id FROM events WHERE kind = 'ingest.order' LIMIT 1);
    UPDATE events SET data = '[1' WHERE kind = 'session.mark';
    UPDATE events SET ts = 99999999999999 WHERE id = (SELECT MAX(id) FROM events WHERE kind LIKE 'ingest.%');
    UPDATE session_notes SET body = 'not json';
    UPDATE sessions SET currency = '${MARKUP.replaceAll("'", "''")}' WHERE id = '${badId}';
    UPDATE sessions SET ended_at = 95617584000000 WHERE id = '${sessionId}';
    INSERT INTO platform_minutes (session_id, platform, minute, data) VALUES ('${sessionId}', 'douyin', 0, 'nope');
    INSERT INTO platform_products (session_id, platform, product_id, name, data) VALUES ('${sessionId}', 'douyin', 'p', 'n', '{');
    INSERT INTO platform_sessions (session_id, platform, data) VALUES ('${sessionId}', 'douyin', '[');
    DELETE FROM review_rollup; DELETE FROM review_cursor; DELETE FROM review_marks;
  `);
  db.close();
});
afterAll(async () => {
  await core?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a database with damaged rows', () => {
  it('still starts, and every read answers without a 500', async () => {
    core = await startCoreProcess(['--data-dir', dir, ...ARGS]);
    const paths = [
      '/health', '/state', '/products', '/plans', '/sessions', '/review/sessions', `/sessions/${sessionId}`, `/sessions/${sessionId}/timeline`,
      `/sessions/${sessionId}/review`, `/sessions/${sessionId}/products`, `/sessions/${sessionId}/notes`, `/sessions/${sessionId}/platform`,
    ];
    const failed: string[] = [];
    for (const path of paths) {
      const r = await core.api('GET', path);
      if (r.status !== 200) failed.push(`${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    }
    for (const format of ['html', 'csv']) {
      const res = await fetch(`${core.url}/api/v1/sessions/${sessionId}/export?format=${format}`, { headers: { authorization: `Bearer ${core.token}` } });
      const text = await res.text();
      if (res.status !== 200) failed.push(`export ${format}: ${res.status} ${text.slice(0, 200)}`);
      if (format === 'html') expect(text).not.toMatch(/<meta[^>]*refresh/i);
    }
    expect(failed).toEqual([]);
    // The session whose row fails the live schema is reported and skipped, not served half-broken.
    for (const path of ['/sessions', '/review/sessions']) expect(((await core.api('GET', path)).body as { id: string }[]).map((s) => s.id)).toEqual([sessionId]);
    expect((await core.api('GET', `/sessions/${badId}`)).status).toBe(404);
    expect(core.stderr()).toMatch(/skipped a damaged stored value \(sessions row/);
    const products = (await core.api('GET', '/products')).body as { sku: string }[];
    expect(products.map((p) => p.sku)).toContain('GOOD-1');
    expect(core.child.exitCode).toBeNull();
  });
});
