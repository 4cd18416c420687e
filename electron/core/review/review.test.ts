import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';
import { seedFixtureSessions, T0, type Clock } from './testing/seed-session.js';

let f: DeskFixture;
const clock: Clock = { t: T0 };
let ids: { previous: string; main: string };
const s = (seconds: number) => T0 + seconds * 1000;

beforeAll(async () => {
  f = await startDeskFixture({ now: () => clock.t });
  ids = await seedFixtureSessions(f, clock);
  clock.t = s(3600);
});
afterAll(async () => {
  await f.close();
});

describe('review of the fixture show, against hand-computed answers', () => {
  it('answers the KPI cards, with the previous session and the average beside them', async () => {
    const { status, body } = await f.api('GET', `/sessions/${ids.main}/review`);
    expect(status).toBe(200);
    expect(body.kpis).toEqual({
      durationMs: 240_000,
      gmvFen: 59_000, // 12,800 + 25,600 + 3,900 + 3,900 + 12,800; the retried o2 counts once
      refundsFen: 0,
      orders: 5,
      buyers: 3,
      peakOnline: 150,
      avgOnline: 125, // per-minute last readings 100, 150, 120, 130
      viewersUv: 200,
      viewsPv: 0, // as the live desk counts it: no PV snapshot and no enter events
      likes: 5,
      comments: 2,
      newFollowers: 1,
      explains: 3,
      explainMs: 180_000,
      perBuyerFen: 19_667,
      perOrderFen: 11_800,
      gpmFen: null,
      conversion: 3 / 200,
      detail: expect.objectContaining({
        averageOnline: 125,
        // ∫online dt = 100×85 + 150×60 + 120×80 = 27,100 viewer-seconds over 200 viewers
        avgWatchSeconds: { value: 135.5, num: 27_100, den: 200, basis: 'people' },
        conversion: { value: 3 / 200, num: 3, den: 200, basis: 'people' },
        interactionRate: { value: 2 / 200, num: 2, den: 200, basis: 'people' }, // v1 commented and followed, v2 commented
      }),
    });
    expect(body.previous).toMatchObject({ id: ids.previous, kpis: { gmvFen: 10_000, orders: 1, peakOnline: 80, durationMs: 120_000 } });
    expect(body.average).toMatchObject({ sessions: 1, kpis: { gmvFen: 10_000 } });
    expect(body.session).toMatchObject({ id: ids.main, title: '春茶专场 Spring tea', gmvFen: 59_000, orders: 5, peakOnline: 150, durationMs: 240_000, tags: [] });
  });

  it('draws 10-second curves for a short show, with running totals and social counts in the right buckets', async () => {
    const { body } = await f.api('GET', `/sessions/${ids.main}/review`);
    expect(body.curve.bucketMs).toBe(10_000);
    expect(body.curve.points).toHaveLength(25);
    const at = (sec: number) => body.curve.points[sec / 10];
    expect(at(0)).toMatchObject({ t: 0, ts: T0, online: 100, viewersUv: 100, gmvFen: 0 });
    expect(at(50)).toMatchObject({ online: null, viewersUv: 100 });
    expect(at(100)).toMatchObject({ gmvFen: 25_600, orders: 1, cumGmvFen: 38_400, cumOrders: 2 });
    expect(at(110)).toMatchObject({ gmvFen: 3_900, cumGmvFen: 42_300 });
    expect(at(130)).toMatchObject({ comments: 2, likes: 5, newFollowers: 1 });
    expect(at(210)).toMatchObject({ gmvFen: 0, orders: 0 });
    expect(body.curve.points.at(-1)).toMatchObject({ cumGmvFen: 59_000, cumOrders: 5 });

    const perMinute = (await f.api('GET', `/sessions/${ids.main}/review?bucket=60`)).body.curve;
    expect(perMinute.points.map((p: { online: number | null }) => p.online)).toEqual([100, 150, 120, 130, null]);
    expect(perMinute.points.map((p: { gmvFen: number }) => p.gmvFen)).toEqual([0, 42_300, 3_900, 12_800, 0]);
    expect((await f.api('GET', `/sessions/${ids.main}/review?bucket=5`)).body.error.field).toBe('bucket');
  });

  it('gives each explain segment its own sales and the online change across it, and lanes for what else happened', async () => {
    const { body } = await f.api('GET', `/sessions/${ids.main}/review`);
    expect(body.segments).toEqual([
      { sku: 'TEA-01', name: '明前龙井 250g', startedAt: s(60), endedAt: s(120), gmvFen: 38_400, orders: 2, onlineStart: 100, onlineEnd: 150 },
      { sku: 'CUP-02', name: '青瓷茶杯', startedAt: s(120), endedAt: s(180), gmvFen: 3_900, orders: 1, onlineStart: 150, onlineEnd: 120 },
      { sku: 'TEA-01', name: '明前龙井 250g', startedAt: s(180), endedAt: s(240), gmvFen: 12_800, orders: 1, onlineStart: 120, onlineEnd: 130 },
    ]);
    expect(body.lanes.map(({ data: _data, ...item }: { data: unknown }) => item)).toEqual([
      { lane: 'marker', kind: 'mark', ts: s(95), endTs: null, label: '福利 giveaway', sku: null },
      // The seed's one rule (online down 20% within 2 minutes) sees the drop from 150 to 120, and clears at 130: one span.
      { lane: 'alert', kind: 'alert', ts: s(120), endTs: s(180), label: '在线人数 online ↓20% / 120s (≥ 20%) → 120', sku: null },
      { lane: 'flashsale', kind: 'flashsale.start', ts: s(160), endTs: s(190), label: 'CUP-02 ¥29.00', sku: 'CUP-02' },
    ]);
    expect(body.funnel).toEqual({ viewersUv: 200, productExposures: null, productClicks: null, buyers: 3 });
    // Per-minute online 100, 150, 120, 130: the audience fell most from minute 1 to 2, as 茶杯 began.
    expect(body.audienceDrop).toEqual({ from: s(60), to: s(120), onlineFrom: 150, onlineTo: 120, sku: 'CUP-02', name: '青瓷茶杯' });
  });

  it('builds the per-product table, best GMV per explain-minute first', async () => {
    const { status, body } = await f.api('GET', `/sessions/${ids.main}/products`);
    expect(status).toBe(200);
    expect(body).toEqual([
      {
        sku: 'TEA-01', name: '明前龙井 250g', explains: 2, explainMs: 120_000,
        gmvDuringFen: 51_200, ordersDuring: 3, gmvOutsideFen: 0, ordersOutside: 0,
        gmvPerExplainMinuteFen: 25_600, onlineChanges: [50, 10], flashSales: [],
      },
      {
        sku: 'CUP-02', name: '青瓷茶杯', explains: 1, explainMs: 60_000,
        gmvDuringFen: 3_900, ordersDuring: 1, gmvOutsideFen: 3_900, ordersOutside: 1,
        gmvPerExplainMinuteFen: 3_900, onlineChanges: [-30],
        flashSales: [{ sku: 'CUP-02', startedAt: s(160), endedAt: s(190), priceFen: 2_900, stock: 10, orders: 1, qty: 1, sold: 1, oversold: 0, gmvFen: 3_900 }],
      },
    ]);
  });

  it('compares sessions on show time with one bucket size', async () => {
    const { status, body } = await f.api('GET', `/review/compare?ids=${ids.main},${ids.previous}`);
    expect(status).toBe(200);
    expect(body.bucketMs).toBe(10_000);
    expect(body.sessions.map((x: { session: { id: string } }) => x.session.id)).toEqual([ids.main, ids.previous]);
    expect(body.sessions[1].curve.points[0]).toMatchObject({ t: 0, online: 80, gmvFen: 10_000 });
    // A 4-minute show against a 2-minute one, per hour on air and per explain-minute.
    expect(body.sessions[0].rates).toEqual({
      hours: 4 / 60, gmvPerHourFen: 885_000, ordersPerHour: 75, buyersPerHour: 45, newFollowersPerHour: 15,
      explainMinutes: 3, gmvPerExplainMinuteFen: 18_367, ordersPerExplainMinute: 4 / 3, // (51,200 + 3,900) ÷ 3 min; 4 orders during
    });
    expect(body.sessions[1].rates).toMatchObject({ hours: 2 / 60, gmvPerHourFen: 300_000, ordersPerHour: 30, explainMinutes: 0, gmvPerExplainMinuteFen: null });
    expect(body.sessions[1].products).toEqual([expect.objectContaining({ sku: 'TEA-01', explains: 0, gmvOutsideFen: 10_000, gmvPerExplainMinuteFen: null })]);
    expect((await f.api('GET', `/review/compare?ids=${ids.main}`)).body.error.field).toBe('ids');
    expect((await f.api('GET', `/review/compare?ids=${ids.main},nope`)).status).toBe(404);
  });
});

describe('rollups', () => {
  it('are built in the background when a show ends, before anyone opens it', async () => {
    clock.t = s(5000);
    const id = (await f.api('POST', '/actions', { type: 'session.start', title: 'background' })).body.result.id as string;
    await f.api('POST', '/ingest', { events: [{ type: 'snapshot', ts: clock.t, online: 7 }, { type: 'order', ts: clock.t, orderId: 'bg1', sku: 'TEA-01', qty: 1, amount: 700 }] });
    await f.api('POST', '/actions', { type: 'session.end', confirm: true });
    await f.desk.review.idle();
    const last = f.desk.repos.sessions.events(id, { limit: 1, newestFirst: true })[0]?.id;
    expect(f.desk.review.repo.cursor(id)).toBe(last);
    expect(f.desk.review.repo.rollupTotals(id)).toMatchObject({ gmvFen: 700, orders: 1, peakOnline: 7 });
    await f.api('DELETE', `/sessions/${id}?confirm=true`);
  });
});

describe('session list, edits and notes', () => {
  it('renames and tags, then finds sessions by text, tag and date', async () => {
    const patched = await f.api('PATCH', `/sessions/${ids.main}`, { title: '春茶专场 复盘', tags: ['茶', 'spring'] });
    expect(patched).toMatchObject({ status: 200, body: { title: '春茶专场 复盘', tags: ['spring', '茶'] } });
    expect((await f.api('PATCH', `/sessions/${ids.main}`, { title: '  ' })).body.error.field).toBe('title');
    expect((await f.api('PATCH', `/sessions/${ids.main}`, { colour: 'red' })).status).toBe(400);

    const find = async (query: string) => ((await f.api('GET', `/review/sessions${query}`)).body as { id: string }[]).map((x) => x.id);
    expect(await find('')).toEqual([ids.main, ids.previous]);
    expect(await find('?q=复盘')).toEqual([ids.main]);
    expect(await find('?tag=茶'.replace('茶', encodeURIComponent('茶')))).toEqual([ids.main]);
    expect(await find('?from=2026-01-10&to=2026-01-10')).toEqual([ids.main]);
    expect(await find('?to=2026-01-09')).toEqual([ids.previous]);
    expect((await f.api('GET', '/review/sessions?from=yesterday')).body.error.field).toBe('from');
  });

  it('keeps per-role notes and next actions with the session', async () => {
    expect((await f.api('GET', `/sessions/${ids.main}/notes`)).body).toEqual({ notes: [], actions: [], updatedAt: null });
    const notes = { notes: [{ role: '主播 host', text: '龙井讲得好\n茶杯节奏慢' }], actions: [{ text: '下场秒杀提前', owner: '场控' }] };
    const put = await f.api('PUT', `/sessions/${ids.main}/notes`, notes);
    expect(put).toMatchObject({ status: 200, body: { notes: notes.notes, actions: [{ text: '下场秒杀提前', owner: '场控', done: false }], updatedAt: clock.t } });
    expect((await f.api('PUT', `/sessions/${ids.main}/notes`, { notes: [{ role: '', text: 'x' }], actions: [] })).body.error.field).toBe('notes.0.role');
    expect((await f.api('GET', `/sessions/${ids.main}/notes`)).body.notes).toEqual(notes.notes);
  });

  it('deletes a session only with confirmation, and never a live one', async () => {
    clock.t = s(7200);
    const live = (await f.api('POST', '/actions', { type: 'session.start', title: 'to delete' })).body.result.id as string;
    expect((await f.api('DELETE', `/sessions/${live}?confirm=true`)).status).toBe(409);
    await f.api('POST', '/ingest', { events: [{ type: 'order', ts: clock.t, orderId: 'd1', sku: 'TEA-01', qty: 1, amount: 100 }] });
    await f.api('POST', '/actions', { type: 'session.end', confirm: true });
    const refused = await f.api('DELETE', `/sessions/${live}`);
    expect(refused).toMatchObject({ status: 409, body: { error: { message: expect.stringMatching(/confirm=true/) } } });
    expect((await f.api('DELETE', `/sessions/${live}?confirm=true`)).body).toEqual({ deleted: live });
    expect((await f.api('GET', `/sessions/${live}`)).status).toBe(404);
    expect((await f.api('DELETE', `/sessions/${live}?confirm=true`)).status).toBe(404);
  });
});

describe('exports', () => {
  const raw = async (path: string) => {
    const res = await fetch(`${f.server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${f.token}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes, text: bytes.toString('utf8') };
  };

  it('writes CSV of every table with a BOM and quoted cells', async () => {
    const products = await raw(`/sessions/${ids.main}/export?format=csv&table=products`);
    expect(products.type).toMatch(/text\/csv/);
    expect(products.disposition).toMatch(/attachment; filename=".*-products\.csv"/);
    const lines = products.text.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[1]).toBe("TEA-01,明前龙井 250g,2,120,512.00,3,0.00,0,256.00,'+50 +10,0,0,0.00"); // a leading + or - would read as a formula
    expect(lines[2]).toBe("CUP-02,青瓷茶杯,1,60,39.00,1,39.00,1,39.00,'-30,1,1,39.00");
    for (const table of ['sessions', 'kpis', 'curve', 'segments', 'lanes', 'notes']) {
      const r = await raw(`/sessions/${ids.main}/export?format=csv&table=${table}`);
      expect(r.status, table).toBe(200);
      expect(r.bytes.subarray(0, 3).toString('hex'), table).toBe('efbbbf');
    }
    expect((await f.api('GET', `/sessions/${ids.main}/export?format=csv&table=nope`)).body.error.field).toBe('table');
    expect((await f.api('GET', `/sessions/${ids.main}/export?format=xlsx`)).body.error.field).toBe('format');
  });

  it('writes a self-contained HTML report: inline SVG charts, a CSP that forbids fetching, no script', async () => {
    const r = await raw(`/sessions/${ids.main}/export?format=html`);
    expect(r.type).toMatch(/text\/html/);
    expect(r.text).toContain("default-src 'none'");
    expect(r.text).not.toMatch(/<script|src=["']http|href=["']http|@import|url\(/i);
    expect((r.text.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(r.text).toContain('明前龙井 250g');
    expect(r.text).toContain('¥256.00'); // 龙井's GMV per explain-minute
    expect(r.text).toMatch(/Best per explain-minute:<\/strong> 明前龙井 250g ¥256.00\/min/);
    expect(r.text).toMatch(/Biggest audience drop:<\/strong> 00:01:00 → 00:02:00, 150 → 120 \(青瓷茶杯\)/);
    expect(r.text).toContain('龙井讲得好');
    expect(r.text).toContain('2026-01-10 12:00 UTC');
    expect((await raw(`/sessions/${ids.main}/export?format=html&tz=-480`)).text).toContain('2026-01-10 20:00 UTC+8');
    expect((await f.api('GET', `/sessions/${ids.main}/export?format=html&tz=abc`)).body.error.field).toBe('tz');
    const both = await raw(`/review/export?ids=${ids.main},${ids.previous}&format=html`);
    expect((both.text.match(/<section class="session"/g) ?? []).length).toBe(2);
  });
});
