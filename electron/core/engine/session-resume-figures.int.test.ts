import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Kpi } from '../contract/index.js';
import { startCoreProcess, type CoreProcess } from '../testing/core-process.js';

/**
 * Crash and resume (issue 16): after a SIGKILL of the real core process and a resume, every live
 * figure is what it was before the kill — rebuilt from the log, not restarted at zero.
 */
const TOKEN = 'resume-figures-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'livedesk-resume-'));
const args = ['--data-dir', dir, '--port', '0', '--token', TOKEN, '--obs-url', 'ws://127.0.0.1:9'];
let core: CoreProcess | null = null;

afterAll(async () => {
  await core?.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** The figures a resume must keep (updatedAt is when the desk last changed, which a resume is). */
const figures = (kpi: Kpi) => ({ ...kpi, updatedAt: null });

describe('the core killed and the session resumed', () => {
  it('restores every live figure from the log', async () => {
    const first = await startCoreProcess(args);
    core = first;
    await first.api('POST', '/products', { sku: 'TEA-01', name: '明前龙井', priceFen: 12_800 });
    await first.api('POST', '/products', { sku: 'CUP-02', name: '青瓷茶杯', priceFen: 3_900 });
    const id = (await first.api('POST', '/actions', { type: 'session.start', title: '恢复 Resume' })).body.result.id as string;
    await first.api('POST', '/actions', { type: 'product.explain', sku: 'TEA-01' });
    const t = Date.now();
    const ingested = await first.api('POST', '/ingest', {
      events: [
        { type: 'snapshot', ts: t, online: 320, viewersUv: 1_200, viewsPv: 2_000, likes: 5_000, comments: 300, newFollowers: 40, productExposures: 900, productClicks: 150, adSpend: 20_000 },
        { type: 'order', ts: t, orderId: 'r1', sku: 'TEA-01', qty: 2, amount: 25_600, buyer: 'alice' },
        { type: 'order', ts: t, orderId: 'r2', sku: 'CUP-02', qty: 1, amount: 3_900 },
        { type: 'order', ts: t, orderId: 'r3', sku: 'CUP-02', qty: 1, amount: 3_900 },
        { type: 'order', ts: t, orderId: 'r4', sku: 'TEA-01', qty: 1, amount: 12_800, buyer: 'alice' },
        { type: 'refund', ts: t, orderId: 'r2', amount: 3_900 },
        { type: 'refund', ts: t, orderId: 'r4', amount: 99_999 },
        { type: 'comment', ts: t, user: 'bob', text: '有优惠吗' },
        { type: 'follow', ts: t, user: 'carol' },
        { type: 'enter', ts: t, user: 'dave' },
        { type: 'like', ts: t, count: 12 },
        { type: 'snapshot', ts: t + 1_000, online: 350 },
      ],
    });
    expect(ingested.status).toBe(202);
    const before = (await first.api('GET', '/state')).body.kpi as Kpi;
    expect(before).toMatchObject({ orders: 4, buyers: 3, peakOnline: 350 });
    expect(before.detail).toMatchObject({ viewersUv: 1_200, viewsPv: 2_000, likes: 5_000, refundFen: 3_900 + 12_800 });

    await first.stop('SIGKILL');
    expect(first.child.signalCode).toBe('SIGKILL');
    const second = await startCoreProcess(args);
    core = second;
    expect((await second.api('POST', '/actions', { type: 'session.resume', id })).status).toBe(200);
    const after = (await second.api('GET', '/state')).body.kpi as Kpi;
    expect(figures(after)).toEqual(figures(before));
    await second.api('POST', '/actions', { type: 'session.end', confirm: true });
    await second.stop();
    core = null;
  });
});
