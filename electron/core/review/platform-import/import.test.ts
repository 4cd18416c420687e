import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskFixture, TEST_TOKEN, type DeskFixture } from '../../testing/desk-fixture.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
/** The show in the fixtures: 2026-11-11 20:00 Beijing time = 12:00 UTC. */
const minuteUtc = (m: number) => Date.UTC(2026, 10, 11, 12, m);

let f: DeskFixture;
let sessionId: string;

async function upload(name: string | Buffer, query = '', id = sessionId) {
  const body = typeof name === 'string' ? fixture(name) : name;
  const res = await fetch(`${f.server.url}/api/v1/sessions/${id}/import${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/octet-stream' },
    body,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on response shapes
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  f = await startDeskFixture({ now: () => Date.UTC(2026, 10, 11, 11, 55) });
  sessionId = (await f.api('POST', '/actions', { type: 'session.start', title: '双十一专场' })).body.result.id;
  await f.api('POST', '/ingest', { events: [{ type: 'order', ts: minuteUtc(1), orderId: 'LIVE-1', sku: 'TEA-01', qty: 1, amount: 12_800 }] });
});
afterAll(async () => {
  await f.close();
});

describe('POST /sessions/:id/import', () => {
  it('imports a 罗盘 minute export with the old column names (CSV, title lines, 万)', async () => {
    const res = await upload('douyin-compass-minutes-old.csv');
    expect(res.status).toBe(201);
    // 0 + 1,280.00 + 2,560.50 + 899.00 + 1,179.90 = ¥5,919.40
    expect(res.body).toMatchObject({ platform: 'douyin', kind: 'minutes', rows: 5, replaced: 0, gmvFen: 591_940, orders: 45, from: minuteUtc(0), to: minuteUtc(4) });
    const { minutes } = (await f.api('GET', `/sessions/${sessionId}/platform`)).body;
    expect(minutes[2]).toEqual({
      platform: 'douyin',
      minute: minuteUtc(2),
      figures: { online: 2_310, enter: 340, leave: 160, gmvFen: 256_050, orders: 19, buyers: 19, newFollowers: 7, comments: 46, likes: 12_000, productExposures: 1_000, productClicks: 140 },
    });
  });

  it('merges the newer 罗盘 layout (用户支付金额, XLSX dates) into the same minutes instead of adding them', async () => {
    const res = await upload('douyin-compass-minutes-new.xlsx');
    expect(res.body).toMatchObject({ platform: 'douyin', kind: 'minutes', rows: 5, replaced: 5, gmvFen: 591_940 + 500, from: minuteUtc(0) });
    const again = await upload('douyin-compass-minutes-new.xlsx');
    expect(again.body).toMatchObject({ rows: 5, replaced: 5 });
    const { minutes } = (await f.api('GET', `/sessions/${sessionId}/platform`)).body;
    expect(minutes.filter((m: { platform: string }) => m.platform === 'douyin')).toHaveLength(5);
    expect(minutes[0].figures).toMatchObject({ online: 1_201, gmvFen: 100 });
  });

  it('imports a 巨量百应 product export saved as GBK, skipping the 合计 line', async () => {
    const res = await upload('douyin-buyin-products-gbk.csv');
    expect(res.body).toMatchObject({ platform: 'douyin', kind: 'products', rows: 3, skipped: 1, gmvFen: 448_000 + 70_800 + 123_140, orders: 50 });
    const { products } = (await f.api('GET', `/sessions/${sessionId}/platform`)).body;
    expect(products.find((p: { productId: string }) => p.productId === '3620001111222')).toEqual({
      platform: 'douyin',
      productId: '3620001111222',
      name: '明前龙井 250g 礼盒装',
      sku: 'TEA-01',
      figures: { gmvFen: 448_000, orders: 35, qty: 41, buyers: 33, exposures: 15_000, clicks: 2_310 },
    });
  });

  it('imports 生意参谋 minute exports, new (支付…, times without a date) and old (成交…), as one platform', async () => {
    const fresh = await upload('taobao-sycm-minutes-new.xlsx');
    expect(fresh.body).toMatchObject({ platform: 'taobao', kind: 'minutes', rows: 5, replaced: 0, from: minuteUtc(0), to: minuteUtc(4), gmvFen: 591_940, orders: 50 });
    const old = await upload('taobao-sycm-minutes-old.csv');
    expect(old.body).toMatchObject({ platform: 'taobao', rows: 5, replaced: 5, gmvFen: 591_940 });
    const { minutes } = (await f.api('GET', `/sessions/${sessionId}/platform`)).body;
    const taobao = minutes.filter((m: { platform: string }) => m.platform === 'taobao');
    expect(taobao).toHaveLength(5);
    expect(taobao[1].figures).toMatchObject({ online: 1_650, viewersUv: 900, viewsPv: 1_220, buyers: 10, orders: 11, newFollowers: 4 });
  });

  it('imports a 生意参谋 product export and leaves the live numbers alone', async () => {
    const res = await upload('taobao-sycm-products.xlsx');
    expect(res.body).toMatchObject({ platform: 'taobao', kind: 'products', rows: 2, gmvFen: 476_400 });
    expect(f.desk.hub.state.kpi).toMatchObject({ gmvFen: 12_800, orders: 1 });
    const log = f.desk.repos.sessions.events(sessionId, { limit: 1000 }).filter((e) => e.kind === 'import');
    expect(log.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses an unknown session, a file that is not an export, a bad platform or zone, and an oversize file', async () => {
    expect((await upload('taobao-sycm-products.xlsx', '', 'nope')).status).toBe(404);
    const junk = await upload(Buffer.from('hello,world\n1,2\n'));
    expect(junk).toMatchObject({ status: 400, body: { error: { field: 'file' } } });
    expect((await upload(Buffer.from('PK\u0003\u0004 not really a zip'))).body.error.field).toBe('file');
    expect((await upload(Buffer.alloc(0))).status).toBe(400);
    expect((await upload('taobao-sycm-products.xlsx', '?platform=kuaishou')).body.error.field).toBe('platform');
    expect((await upload('taobao-sycm-products.xlsx', '?tz=Beijing')).body.error.field).toBe('tz');
    const bad = Buffer.from('\ufeff时间,在线人数,成交金额\n2026-11-11 20:00,12,abc\n');
    expect((await upload(bad)).body.error.message).toMatch(/row 2, column "成交金额": "abc" is not a number/);
    expect((await upload(Buffer.alloc(33 * 1024 * 1024, 0x41))).status).toBe(413);
    const { minutes } = (await f.api('GET', `/sessions/${sessionId}/platform`)).body;
    expect(minutes).toHaveLength(10);
  });
});
