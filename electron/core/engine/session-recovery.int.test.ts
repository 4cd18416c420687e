import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startCoreProcess, type CoreProcess } from '../testing/core-process.js';

/**
 * The crash fault: the core process SIGKILLed while three clients ingest as fast as they can. Every
 * batch it acknowledged (202) must be in the database after the restart, the session is marked
 * interrupted and can be resumed, and the file passes SQLite's integrity check.
 */
const TOKEN = 'crash-test-token-0123456789';
const BATCH = 1_000;
const SENDERS = 3;
const KILL_AFTER_ACKS = 24;

const dir = mkdtempSync(join(tmpdir(), 'livedesk-crash-'));
const args = ['--data-dir', dir, '--port', '0', '--token', TOKEN, '--obs-url', 'ws://127.0.0.1:9'];
let core: CoreProcess | null = null;

afterAll(async () => {
  await core?.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function batchOf(sender: number, n: number): { events: Record<string, unknown>[] } {
  const ts = Date.now();
  const events = Array.from({ length: BATCH }, (_, i) =>
    i % 4 === 0
      ? { type: 'order', ts, orderId: `s${sender}-b${n}-${i}`, sku: 'CRASH-1', qty: 1, amount: 100, buyer: `buyer-${i % 97}` }
      : i % 4 === 1
        ? { type: 'snapshot', ts, online: 1_000 + n }
        : { type: 'comment', ts, user: `viewer-${i}`, text: '还有库存吗' },
  );
  return { events };
}

describe('the core killed (SIGKILL) during high-rate ingest', () => {
  it('keeps every acknowledged event, marks the session interrupted, resumes it, and the database is intact', async () => {
    const first = await startCoreProcess(args);
    core = first;
    const started = await first.api('POST', '/actions', { type: 'session.start', title: '断电测试 Crash' });
    expect(started.status).toBe(200);
    const sessionId = started.body.result.id as string;

    const acked: string[][] = [];
    let killed = false;
    let kill: Promise<unknown> | null = null;
    const sender = async (s: number) => {
      for (let n = 0; !killed; n++) {
        const batch = batchOf(s, n);
        const res = await fetch(`${first.url}/api/v1/ingest`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify(batch),
        }).catch(() => null);
        if (!res) return; // the connection died with the core: not acknowledged
        const text = await res.text().catch(() => null);
        if (res.status !== 202 || text === null) return;
        acked.push(batch.events.filter((e) => e.type === 'order').map((e) => e.orderId as string));
        if (acked.length >= KILL_AFTER_ACKS && !kill) {
          killed = true;
          kill = first.stop('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, (_, s) => sender(s)));
    await kill;
    expect(first.child.signalCode).toBe('SIGKILL');
    const ackedOrders = acked.flat();
    expect(ackedOrders.length).toBeGreaterThanOrEqual((KILL_AFTER_ACKS * BATCH) / 4);

    const second = await startCoreProcess(args);
    core = second;
    // stderr and the DESK_READY line on stdout travel on separate pipes: wait for the former.
    await expect.poll(() => second.stderr(), { timeout: 2_000 }).toMatch(new RegExp(`session "断电测试 Crash" \\(${sessionId}\\) was cut off and is marked interrupted`));
    expect((await second.api('GET', '/state')).body.alerts).toContainEqual(expect.objectContaining({ id: 'session-interrupted', level: 'warn', text: expect.stringContaining('断电测试 Crash') }));
    const listed = (await second.api('GET', '/sessions')).body as { id: string; status: string; totals: { orders: number } }[];
    expect(listed.find((s) => s.id === sessionId)).toMatchObject({ status: 'interrupted' });

    const db = new Database(join(dir, 'livedesk.sqlite'), { readonly: true });
    const stored = new Set(db.prepare<[string], { order_id: string }>('SELECT order_id FROM orders WHERE session_id = ?').all(sessionId).map((r) => r.order_id));
    const eventCount = (db.prepare('SELECT COUNT(*) AS n FROM events WHERE session_id = ?').get(sessionId) as { n: number }).n;
    db.close();
    const lost = ackedOrders.filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    expect(eventCount).toBeGreaterThanOrEqual(acked.length * BATCH);
    // A batch is all or nothing even when the kill lands mid-transaction.
    expect(stored.size % (BATCH / 4)).toBe(0);

    const resumed = await second.api('POST', '/actions', { type: 'session.resume', id: sessionId });
    expect(resumed).toMatchObject({ status: 200, body: { result: { id: sessionId, status: 'live', endedAt: null } } });
    const state = await second.waitForState((s) => s.session?.id === sessionId && !s.alerts.some((a) => a.id === 'session-interrupted'));
    expect(state.kpi).toMatchObject({ orders: stored.size, gmvFen: stored.size * 100, buyers: 97 });
    const more = await second.api('POST', '/ingest', batchOf(9, 0));
    expect(more).toMatchObject({ status: 202, body: { accepted: BATCH, duplicates: 0 } });
    expect((await second.api('POST', '/actions', { type: 'session.resume', id: sessionId })).status).toBe(409);
    const ended = await second.api('POST', '/actions', { type: 'session.end', confirm: true });
    expect(ended).toMatchObject({ status: 200, body: { result: { id: sessionId, status: 'ended' } } });
    expect((await second.api('GET', `/sessions/${sessionId}`)).body.totals.orders).toBe(stored.size + BATCH / 4);
    await second.stop();

    const check = new Database(join(dir, 'livedesk.sqlite'), { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.pragma('foreign_key_check')).toEqual([]);
    check.close();
  });
});
