import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../contract/index.js';
import { Desk } from './desk.js';

const dirs: string[] = [];
const desks: Desk[] = [];
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const api = { surface: 'api' } as const;
function open(file: string): Desk {
  const desk = new Desk({ dbFile: file, obsUrl: 'ws://127.0.0.1:9', demo: false, version: 'test' });
  desks.push(desk);
  return desk;
}

/** A desk closed without ending its session stands for a crash: the next desk finds it live. */
async function crashedSession(): Promise<{ file: string; id: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'livedesk-recovery-'));
  dirs.push(dir);
  const file = join(dir, 'desk.sqlite');
  const desk = new Desk({ dbFile: file, obsUrl: 'ws://127.0.0.1:9', demo: false, version: 'test' });
  const { id } = (await desk.dispatch({ type: 'session.start', title: 'cut off' }, api)) as { id: string };
  desk.ingest({ events: [{ type: 'order', ts: Date.now(), orderId: 'o1', sku: 'A', qty: 1, amount: 500, buyer: 'b' }, { type: 'snapshot', ts: Date.now(), online: 42 }] });
  await desk.close();
  return { file, id };
}

describe('interrupted sessions', () => {
  it('are marked interrupted at start and can be closed as ended, not resumed after that', async () => {
    const { file, id } = await crashedSession();
    const desk = open(file);
    expect(desk.interrupted.map((s) => s.id)).toEqual([id]);
    await desk.start();
    expect(desk.hub.state.alerts.map((a) => a.id)).toContain('session-interrupted');
    const closed = (await desk.dispatch({ type: 'session.close' }, api)) as { status: string; endedAt: number | null };
    expect(closed).toMatchObject({ status: 'ended' });
    expect(closed.endedAt).not.toBeNull();
    expect(desk.hub.state.alerts.map((a) => a.id)).not.toContain('session-interrupted');
    const again = await desk.dispatch({ type: 'session.resume', id }, api).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DeskError);
    expect(again).toMatchObject({ code: 'conflict', message: expect.stringContaining('is ended') });
  });

  it('resume with the KPIs the database holds, and not while another session is live', async () => {
    const { file, id } = await crashedSession();
    const desk = open(file);
    expect(await desk.dispatch({ type: 'session.resume', id: 'nope' }, api).catch((e: unknown) => e)).toMatchObject({ code: 'not_found' });
    await desk.dispatch({ type: 'session.resume' }, api);
    expect(desk.hub.state.session).toMatchObject({ id, status: 'live', endedAt: null });
    expect(desk.hub.state.kpi).toMatchObject({ orders: 1, gmvFen: 500, buyers: 1, online: 42, peakOnline: 42 });
    // A retried batch from before the crash is still a duplicate.
    expect(desk.ingest({ events: [{ type: 'order', ts: Date.now(), orderId: 'o1', sku: 'A', qty: 1, amount: 500, buyer: 'b' }] })).toEqual({ accepted: 0, duplicates: 1 });
    expect(await desk.dispatch({ type: 'session.close', id }, api).catch((e: unknown) => e)).toMatchObject({ code: 'conflict' });
    const kinds = desk.repos.sessions.events(id, { limit: 50 }).map((e) => e.kind);
    expect(kinds).toContain('session.resume');
  });
});
