import { writeFileSync } from 'node:fs';
import { startDeskFixture } from '../../testing/desk-fixture.js';

/** Products of the generated shows: a tea shop's evening. */
export const DEMO_PRODUCTS = [
  { sku: 'TEA-LJ', name: '明前龙井 250g', priceFen: 12_800 },
  { sku: 'TEA-PE', name: '云南普洱饼 357g', priceFen: 19_900 },
  { sku: 'CUP-QC', name: '青瓷茶杯 两只装', priceFen: 3_900 },
  { sku: 'POT-ZS', name: '紫砂壶 西施', priceFen: 45_800 },
  { sku: 'TEA-BC', name: '白茶 寿眉 礼盒', priceFen: 26_800 },
] as const;

export interface DemoShow {
  title: string;
  /** Minutes per explain, in order, cycling through the products. */
  explains: number[];
  /** How strongly each product sells while explained (orders per minute). */
  appeal: number[];
  baseOnline: number;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Records `shows` on an in-process desk with a driven clock — explains, a flash sale, a marker, an
 * alert, a stream drop and ten-second audience snapshots — and writes them as one session bundle.
 * Returns the session ids in show order.
 */
export async function writeDemoBundle(file: string, shows: DemoShow[], startAt = Date.UTC(2026, 2, 6, 11, 0, 0)): Promise<string[]> {
  const clock = { t: startAt };
  const f = await startDeskFixture({ now: () => clock.t });
  try {
    for (const p of DEMO_PRODUCTS) f.desk.catalog.create(p);
    const ids: string[] = [];
    let order = 0;
    for (const [n, show] of shows.entries()) {
      const random = rng(7 + n);
      clock.t = startAt + n * 86_400_000;
      const start = clock.t;
      const session = (await f.desk.dispatch({ type: 'session.start', title: show.title }, { surface: 'api' })) as { id: string };
      ids.push(session.id);
      let online = show.baseOnline;
      let viewers = 0;
      for (const [i, minutes] of show.explains.entries()) {
        const productIndex = i % DEMO_PRODUCTS.length;
        const product = DEMO_PRODUCTS[productIndex] as (typeof DEMO_PRODUCTS)[number];
        await f.desk.dispatch({ type: 'product.explain', sku: product.sku }, { surface: 'api' });
        const segStart = clock.t;
        if (i === 2) f.desk.log.log({ ts: segStart + 60_000, kind: 'flashsale.start', data: { sku: product.sku, priceFen: Math.round(product.priceFen * 0.7), seconds: 180, stock: 50 } });
        if (i === 1) f.desk.log.log({ ts: segStart + 30_000, kind: 'mark', data: { label: '抽奖 lucky draw' } });
        if (i === 3) {
          f.desk.log.log({ ts: segStart + 90_000, kind: 'obs.status', data: { status: 'reconnecting', reason: 'stream dropped' } });
          f.desk.log.log({ ts: segStart + 150_000, kind: 'obs.status', data: { status: 'connected', reason: null } });
          f.desk.log.log({ ts: segStart + 95_000, kind: 'alert', data: { id: 'obs-down', level: 'error', text: '推流中断 stream down' } });
          // Crowded seconds, as a real show has them: a second alert, a marker and a weighing right beside the
          // first alert, each alert clearing later — the lanes must stay readable, in the reader's language.
          f.desk.log.log({ ts: segStart + 97_000, kind: 'mark', data: { label: 'good moment' } });
          f.desk.log.log({ ts: segStart + 99_000, kind: 'alert', data: { id: 'kpi:online-drop', level: 'warn', text: '在线人数 ↓25% / 60s' } });
          f.desk.log.log({ ts: segStart + 100_000, kind: 'scale.reading', data: { device: 'scale-1', grams: 252, value: 252, unit: 'g', net: true } });
          f.desk.log.log({ ts: segStart + 102_000, kind: 'plan.segment', data: { index: 3, kind: 'interaction', sku: null, title: null, plannedMinutes: 2, highConversion: false } });
          f.desk.log.log({ ts: segStart + 140_000, kind: 'alert.clear', data: { id: 'kpi:online-drop', text: '在线人数 ✓' } });
          f.desk.log.log({ ts: segStart + 150_000, kind: 'alert.clear', data: { id: 'obs-down', text: '推流恢复 ✓' } });
        }
        for (let s = 0; s < minutes * 60; s += 10) {
          const ts = segStart + s * 1000;
          const drop = i === 3 && s >= 90 && s < 150;
          online = Math.max(20, Math.round(online + (random() - 0.45) * 30 + (drop ? -60 : 0)));
          viewers += Math.round(online / 12);
          const events: Record<string, unknown>[] = [{ type: 'snapshot', ts, online, viewersUv: viewers }];
          const appeal = show.appeal[productIndex] ?? 1;
          if (random() < appeal / 6) events.push({ type: 'order', ts: ts + 3_000, orderId: `${n}-${++order}`, sku: product.sku, qty: 1, amount: product.priceFen, buyer: `b${Math.floor(random() * 400)}` });
          if (random() < 0.15) {
            const other = DEMO_PRODUCTS[Math.floor(random() * DEMO_PRODUCTS.length)] as (typeof DEMO_PRODUCTS)[number];
            events.push({ type: 'order', ts: ts + 6_000, orderId: `${n}-${++order}`, sku: other.sku, qty: 1, amount: other.priceFen, buyer: `b${Math.floor(random() * 400)}` });
          }
          for (let c = 0; c < Math.floor(random() * 4); c++) events.push({ type: 'comment', ts: ts + 1_000 + c, user: `v${Math.floor(random() * 900)}`, text: '多少钱' });
          events.push({ type: 'like', ts: ts + 2_000, count: 1 + Math.floor(random() * 20) });
          if (random() < 0.2) events.push({ type: 'follow', ts: ts + 4_000, user: `v${Math.floor(random() * 900)}` });
          f.desk.ingest({ source: 'demo', events });
        }
        clock.t = segStart + minutes * 60_000;
      }
      await f.desk.dispatch({ type: 'session.end', confirm: true }, { surface: 'api' });
      if (clock.t <= start) throw new Error('demo show has no length');
    }
    writeFileSync(file, f.desk.review.bundle(ids));
    return ids;
  } finally {
    await f.close();
  }
}
