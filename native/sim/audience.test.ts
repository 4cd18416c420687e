import { describe, expect, it } from 'vitest';
import type { IngestEvent } from '../../electron/core/contract/index.js';
import { AudienceSim, type AudienceContext } from './audience.js';

const PRODUCTS = [
  { sku: 'TEA-01', priceFen: 12_800 },
  { sku: 'CUP-02', priceFen: 5_900 },
];
const T0 = 1_800_000_000_000;

/** Runs the audience for `seconds` of simulated time in 250 ms ticks (a fake clock). */
function run(sim: AudienceSim, from: number, seconds: number, context: (now: number) => AudienceContext) {
  const events: IngestEvent[] = [];
  for (let t = 0; t < seconds * 1000; t += 250) events.push(...sim.tick(from + t, context(from + t)));
  return events;
}
const online = (events: IngestEvent[]) => {
  const values = events.flatMap((e) => (e.type === 'snapshot' && e.online !== undefined ? [e.online] : []));
  return values.reduce((a, b) => a + b, 0) / values.length;
};
const orders = (events: IngestEvent[]) => events.filter((e): e is Extract<IngestEvent, { type: 'order' }> => e.type === 'order');
const idle: AudienceContext = { explaining: null, products: PRODUCTS };

describe('simulated audience', () => {
  it('replays the same audience for the same seed', () => {
    const a = run(new AudienceSim({ seed: 7 }), T0, 30, () => idle);
    const b = run(new AudienceSim({ seed: 7 }), T0, 30, () => idle);
    expect(a).toEqual(b);
  });

  it('grows during an explain, buys what is on screen, and tires of a long one', () => {
    const sim = new AudienceSim({ seed: 1, baseOnline: 2_000 });
    const quiet = run(sim, T0, 300, () => idle);
    const explaining = (): AudienceContext => ({ explaining: { ...PRODUCTS[0]!, since: T0 + 300_000 }, products: PRODUCTS });
    const fresh = run(sim, T0 + 300_000, 180, explaining);
    run(sim, T0 + 480_000, 360, explaining);
    const tired = run(sim, T0 + 840_000, 180, explaining);
    expect(online(fresh)).toBeGreaterThan(online(quiet.slice(quiet.length / 2)) * 1.3);
    expect(online(tired)).toBeLessThan(online(fresh) * 0.85);
    expect(orders(tired).length).toBeLessThan(orders(fresh).length * 0.6);
    const onScreen = orders(fresh).filter((o) => o.sku === 'TEA-01').length;
    expect(onScreen / orders(fresh).length).toBeGreaterThan(0.75);
  });

  it('surges and buys at the flash price during a flash sale, then calms down', () => {
    const sim = new AudienceSim({ seed: 2, baseOnline: 1_000 });
    const before = run(sim, T0, 120, () => ({ explaining: { ...PRODUCTS[1]!, since: T0 }, products: PRODUCTS }));
    const sale = { sku: 'CUP-02', priceFen: 3_900, endsAt: T0 + 180_000 };
    const during = run(sim, T0 + 120_000, 60, () => ({ explaining: { ...PRODUCTS[1]!, since: T0 }, flashSale: sale, products: PRODUCTS }));
    expect(online(during)).toBeGreaterThan(online(before) * 1.15);
    expect(orders(during).length).toBeGreaterThan(orders(before).length);
    const atFlashPrice = orders(during).filter((o) => o.sku === 'CUP-02' && o.amount === 3_900).length;
    expect(atFlashPrice / orders(during).length).toBeGreaterThan(0.75);
    expect(during.some((e) => e.type === 'comment' && ['抢到了！', '没抢到😭', '还有吗', '再上一波', '手慢了', '秒没了'].includes(e.text))).toBe(true);
  });

  it('holds a target of 10,000 events a second, with distinct order ids and a bounded viewer pool', () => {
    const sim = new AudienceSim({ seed: 3, baseOnline: 5_000, eventsPerSecond: 10_000 });
    run(sim, T0, 20, () => idle);
    const events = run(sim, T0 + 20_000, 10, () => ({ explaining: { ...PRODUCTS[0]!, since: T0 + 20_000 }, products: PRODUCTS }));
    const nonSnapshot = events.filter((e) => e.type !== 'snapshot').length;
    expect(nonSnapshot / 10).toBeGreaterThan(9_000);
    expect(nonSnapshot / 10).toBeLessThan(11_000);
    const ids = orders(events).map((o) => o.orderId);
    expect(new Set(ids).size).toBe(ids.length);
    const users = new Set(events.flatMap((e) => (e.type === 'enter' || e.type === 'comment' ? [e.user] : [])));
    expect(users.size).toBeLessThan(5_000 * 6);
    sim.configure({ eventsPerSecond: 100 });
    const slow = run(sim, T0 + 30_000, 10, () => idle).filter((e) => e.type !== 'snapshot').length;
    expect(slow / 10).toBeGreaterThan(70);
    expect(slow / 10).toBeLessThan(130);
  });

  it('holds the mood the controller sets: a cold room buys and chats less than a hot one, whatever is on screen', () => {
    const explaining: AudienceContext = { explaining: { sku: 'TEA-01', priceFen: 12_800, since: T0 }, products: PRODUCTS };
    const cold = new AudienceSim({ seed: 3, baseOnline: 2_000 });
    cold.configure({ mood: 'cold' });
    const hot = new AudienceSim({ seed: 3, baseOnline: 2_000 });
    hot.configure({ mood: 'hot' });
    const coldEvents = run(cold, T0, 120, () => explaining);
    const hotEvents = run(hot, T0, 120, () => explaining);
    expect(orders(hotEvents).length).toBeGreaterThan(orders(coldEvents).length * 5);
    expect(online(hotEvents)).toBeGreaterThan(online(coldEvents));
    expect(hot.settings.mood).toBe('hot');
  });
});
