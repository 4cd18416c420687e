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
  await f.api('POST', '/products', { sku: 'TEA-01', name: '明前龙井 250g', priceFen: 12_800 });
  await f.api('POST', '/products', { sku: 'CUP-02', name: '青瓷茶杯', priceFen: 3_900 });
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
    expect(res.body).toMatchObject({ platform: 'douyin', kind: 'minutes', rows: 5, merged: 0, gmvFen: 591_940, orders: 45, from: minuteUtc(0), to: minuteUtc(4), unknownColumns: [] });
    const { minutes } = (await f.api('GET', `/sessions/${sessionId}/platform`)).body;
    expect(minutes[2]).toEqual({
      platform: 'douyin',
      minute: minuteUtc(2),
      figures: { online: 2_310, enter: 340, leave: 160, gmvFen: 256_050, orders: 19, buyers: 19, newFollowers: 7, comments: 46, likes: 12_000, productExposures: 1_000, productClicks: 140 },
    });
  });

  it('merges the newer 罗盘 layout (用户支付金额, XLSX dates): it adds its columns, keeps the 成交金额 of the first file', async () => {
    const res = await upload('douyin-compass-minutes-new.xlsx');
    // 用户支付金额 is its own figure, not 成交金额 under another name; the conversion rate is read as a fraction.
    expect(res.body).toMatchObject({ platform: 'douyin', kind: 'minutes', rows: 5, merged: 5, gmvFen: 0, payFen: 591_940 + 500, from: minuteUtc(0), unknownColumns: [] });
    const again = await upload('douyin-compass-minutes-new.xlsx');
    expect(again.body).toMatchObject({ rows: 5, merged: 5 });
    const { minutes } = (await f.api('GET', `/sessions/${sessionId}/platform`)).body;
    expect(minutes.filter((m: { platform: string }) => m.platform === 'douyin')).toHaveLength(5);
    expect(minutes[0].figures).toMatchObject({ online: 1_201, gmvFen: 0, payFen: 100, comments: 40 });
    expect(minutes[2].figures).toMatchObject({ online: 2_311, gmvFen: 256_050, payFen: 256_150, conversion: 0.0062, likes: 12_000 });
  });

  it('merges a 巨量百应 trend file (UTF-16 text, YYYY/MM/DD times, 万, 合计) into those minutes without losing their GMV', async () => {
    const res = await upload('douyin-buyin-trend-utf16.txt');
    expect(res.body).toMatchObject({ platform: 'douyin', kind: 'minutes', rows: 5, merged: 5, skipped: 1, unknownColumns: [] });
    expect(res.body.columns).toEqual(expect.arrayContaining(['分享次数', '新加直播团人数', '直播间离开人数', '人均观看时长(秒)']));
    const { minutes } = (await f.api('GET', `/sessions/${sessionId}/platform`)).body;
    // GMV from the first file, 用户支付金额 from the second, likes/shares/fan club/watch time from this one.
    expect(minutes[2].figures).toMatchObject({ gmvFen: 256_050, payFen: 256_150, orders: 19, likes: 5_000, shares: 12, fanClubJoins: 4, leave: 160, avgWatchSeconds: 70, online: 2_310 });
  });

  it('imports a 巨量百应 product export saved as GBK, skipping the 合计 line', async () => {
    const res = await upload('douyin-buyin-products-gbk.csv');
    expect(res.body).toMatchObject({ platform: 'douyin', kind: 'products', rows: 3, skipped: 1, payFen: 448_000 + 70_800 + 123_140, orders: 50 });
    expect(res.body.unmatched).toEqual([{ productId: '3620001111444', name: '紫砂壶（限量）' }]);
    const { products } = (await f.api('GET', `/sessions/${sessionId}/platform`)).body;
    expect(products.find((p: { productId: string }) => p.productId === '3620001111222')).toEqual({
      platform: 'douyin',
      productId: '3620001111222',
      name: '明前龙井 250g 礼盒装',
      sku: 'TEA-01',
      figures: { payFen: 448_000, orders: 35, qty: 41, buyers: 33, productExposures: 15_000, productClicks: 2_310 },
    });
  });

  it('imports 生意参谋 minute exports, new (支付…, times without a date) and old (成交…), as one platform', async () => {
    const fresh = await upload('taobao-sycm-minutes-new.xlsx');
    expect(fresh.body).toMatchObject({ platform: 'taobao', kind: 'minutes', rows: 5, merged: 0, from: minuteUtc(0), to: minuteUtc(4), payFen: 591_940, orders: 50 });
    const old = await upload('taobao-sycm-minutes-old.csv');
    expect(old.body).toMatchObject({ platform: 'taobao', rows: 5, merged: 5, gmvFen: 591_940 });
    const { minutes } = (await f.api('GET', `/sessions/${sessionId}/platform`)).body;
    const taobao = minutes.filter((m: { platform: string }) => m.platform === 'taobao');
    expect(taobao).toHaveLength(5);
    expect(taobao[1].figures).toMatchObject({ online: 1_650, viewersUv: 900, viewsPv: 1_220, buyers: 10, orders: 11, newFollowers: 4 });
  });

  it('imports a 生意参谋 product export and leaves the live numbers alone', async () => {
    const res = await upload('taobao-sycm-products.xlsx');
    expect(res.body).toMatchObject({ platform: 'taobao', kind: 'products', rows: 2, payFen: 476_400, unmatched: [] });
    expect(f.desk.hub.state.kpi).toMatchObject({ gmvFen: 12_800, orders: 1 });
    const log = f.desk.repos.sessions.events(sessionId, { limit: 1000 }).filter((e) => e.kind === 'import');
    expect(log.length).toBeGreaterThanOrEqual(6);
  });

  it('reads the 罗盘 直播间列表 row of this session: every published column, 成交金额 and 用户支付金额 apart, the unknown one listed', async () => {
    const res = await upload('douyin-compass-session-list.xlsx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ platform: 'douyin', kind: 'sessions', rows: 1, otherSessions: 2, skipped: 1, gmvFen: 6_543_210, payFen: 6_123_450, orders: 512 });
    expect(res.body.unknownColumns).toEqual(['福袋参与人数']);
    expect(res.body.columns).toHaveLength(54);
    const { sessions } = (await f.api('GET', `/sessions/${sessionId}/platform`)).body;
    expect(sessions).toEqual([
      {
        platform: 'douyin',
        figures: {
          startedAt: Date.UTC(2026, 10, 11, 11, 58, 30), endedAt: Date.UTC(2026, 10, 11, 14, 3, 30), durationSeconds: 7_500,
          roomExposuresUv: 123_000, roomExposuresPv: 256_000, viewersUv: 32_000, viewersPerHour: 15_360, viewsPv: 48_210, peakOnline: 2_310, avgOnline: 1_205,
          avgWatchSeconds: 90, comments: 4_021, fanClubJoins: 88, newFollowers: 1_024, unfollows: 37, oldFanShare: 0.235, productsListed: 12,
          productExposures: 21_000, productClicks: 3_654, productExposuresPv: 66_000, productClicksPv: 9_876, orders: 512, gmvFen: 6_543_210, payFen: 6_123_450,
          payPerHourFen: 2_939_256, qty: 640, buyers: 498, refundOrders: 21, refundFen: 234_560, refundBuyers: 20,
          clickRatePv: 0.1496, clickRate: 0.174, clickToOrderPv: 0.0518, clickToOrder: 0.1363, conversionPv: 0.0106, conversion: 0.0156,
          presaleOrders: 0, presaleFen: 0, cartClubJoins: 15, adSpendFen: 800_000, netGmvFen: 5_888_890, netOrders: 491, refund1hFen: 45_670, refund1hOrders: 4,
          refund1hRate: 0.0075, couponPayFen: 321_000, couponPayShare: 0.0524, couponSubsidyFen: 32_100, couponsUsed: 65,
        },
      },
    ]);
  });

  it('reads a 罗盘 product ranking (¥, %, 讲解次数) and matches products to the catalog by name, listing the one it cannot', async () => {
    const res = await upload('douyin-compass-product-ranking.xlsx');
    expect(res.body).toMatchObject({ platform: 'douyin', kind: 'products', rows: 3, payFen: 641_940, unknownColumns: ['排名'] });
    expect(res.body.matched).toEqual([
      { productId: '3620001111222', name: '【直播专享】明前龙井 250g 礼盒装', sku: 'TEA-01', by: 'name' },
      { productId: '3620001111333', name: '青瓷茶杯 两只装', sku: 'CUP-02', by: 'name' },
    ]);
    expect(res.body.unmatched).toEqual([{ productId: '3620001111444', name: '紫砂壶（限量）' }]);
    const { products } = (await f.api('GET', `/sessions/${sessionId}/platform`)).body;
    expect(products.find((p: { productId: string }) => p.productId === '3620001111222').figures).toMatchObject({ explains: 3, payFen: 448_000, clickRate: 0.154, clickToOrder: 0.0152 });
  });

  it('reads 生意参谋 直播分商品效果 (GBK, 合计) and 直播分场次 (the row of this session)', async () => {
    const products = await upload('taobao-sycm-live-products-gbk.csv');
    expect(products.body).toMatchObject({ platform: 'taobao', kind: 'products', rows: 2, skipped: 1, gmvFen: 422_900, unknownColumns: [] });
    expect(products.body.matched).toEqual([{ productId: '6781234500', name: '明前龙井 250g 新茶', sku: 'TEA-01', by: 'name' }]);
    expect(products.body.unmatched).toEqual([{ productId: '6781234599', name: '白瓷盖碗' }]);
    const sessions = await upload('taobao-sycm-live-sessions.xlsx');
    expect(sessions.body).toMatchObject({ platform: 'taobao', kind: 'sessions', rows: 1, otherSessions: 1, gmvFen: 591_940, unknownColumns: [] });
    const stored = (await f.api('GET', `/sessions/${sessionId}/platform`)).body.sessions.find((x: { platform: string }) => x.platform === 'taobao');
    expect(stored.figures).toEqual({
      startedAt: Date.UTC(2026, 10, 11, 12, 0), durationSeconds: 7_500, viewsPv: 12_200, viewersUv: 6_800, newFollowers: 120,
      followRate: 0.0176, clickRate: 0.125, conversion: 0.012, gmvFen: 591_940, buyers: 82,
    });
  });

  it('sets the imported figures beside the desk\'s own: per minute, per product and for the session', async () => {
    const { status, body } = await f.api('GET', `/sessions/${sessionId}/platform/compare`);
    expect(status).toBe(200);
    // The desk took one ¥128.00 order at 20:01; 罗盘 says 成交金额 ¥1,280.00 and 用户支付金额 ¥1,281.00 for that minute.
    expect(body.minutes.find((m: { platform: string; minute: number }) => m.platform === 'douyin' && m.minute === minuteUtc(1))).toEqual({
      platform: 'douyin', minute: minuteUtc(1), desk: { gmvFen: 12_800, orders: 1, online: null }, figures: { gmvFen: 128_000, payFen: 128_100, orders: 10, online: 1_850 }, // online as the 百应 file imported last says
    });
    expect(body.products.find((p: { productId: string }) => p.productId === '3620001111222')).toEqual({
      platform: 'douyin', productId: '3620001111222', name: '【直播专享】明前龙井 250g 礼盒装', sku: 'TEA-01',
      desk: { gmvFen: 12_800, orders: 1 }, figures: { gmvFen: null, payFen: 448_000, orders: 35, explains: 3 },
    });
    expect(body.products.find((p: { productId: string }) => p.productId === '3620001111444')).toMatchObject({ sku: null, desk: null });
    const douyin = body.sessions.find((x: { platform: string }) => x.platform === 'douyin');
    expect(douyin.rows).toEqual(expect.arrayContaining([
      { key: 'gmvFen', desk: 12_800, platform: 6_543_210 },
      { key: 'payFen', desk: 12_800, platform: 6_123_450 },
      { key: 'orders', desk: 1, platform: 512 },
    ]));
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
    const far = Buffer.from('\ufeff直播开始时间,直播间成交金额,直播间成交订单数\n2026-10-01 20:00,100,1\n');
    expect((await upload(far)).body.error.message).toMatch(/within 3 hours/);
  });
});
