import { describe, expect, it } from 'vitest';
import { ingestEventSchema } from './ingest.js';
import { fastIngestEvent } from './ingest-fast.js';

const VALID = [
  { type: 'snapshot', ts: 1, online: 10, viewersUv: 20, viewsPv: 30, likes: 1, comments: 2, newFollowers: 3, productExposures: 40, productClicks: 5, adSpend: 100 },
  { type: 'snapshot', ts: 0 },
  { type: 'order', ts: 1, orderId: 'O-1', sku: 'TEA-01', qty: 1, amount: 12_800, buyer: 'alice' },
  { type: 'order', ts: 1, orderId: 'O-1', sku: 'TEA-01', qty: 2, amount: 0 },
  { type: 'refund', ts: 2, orderId: 'O-1', amount: 800 },
  { type: 'comment', ts: 3, user: 'bob', text: '' },
  { type: 'like', ts: 4, count: 3 },
  { type: 'follow', ts: 5, user: 'carol' },
  { type: 'enter', ts: 6, user: 'dave' },
];

/** Every way to spoil each valid event by one field: wrong types, bounds, extra keys, odd SKUs. */
function variants(): unknown[] {
  const out: unknown[] = [null, 1, 'x', [], {}, { type: 'like' }, { type: 'nope', ts: 1 }];
  const spoilers: unknown[] = [undefined, null, -1, 0, 1.5, 2 ** 53, '', ' ', 'x'.repeat(129), 'x'.repeat(257), 'x'.repeat(2001), 'A B', ' TEA', 'a/b', true, {}, []];
  for (const event of VALID) {
    out.push(event);
    for (const key of Object.keys(event)) for (const bad of spoilers) out.push({ ...event, [key]: bad });
    out.push({ ...event, extra: 1 });
    for (const bad of spoilers) out.push({ ...event, buyer: bad });
  }
  return out;
}

describe('fast ingest check', () => {
  it('accepts only what the schema accepts, unchanged, and every valid sample', () => {
    let fast = 0;
    for (const value of variants()) {
      const quick = fastIngestEvent(value);
      if (!quick) continue;
      fast++;
      const parsed = ingestEventSchema.safeParse(value);
      expect(parsed.success, JSON.stringify(value)).toBe(true);
      expect(parsed.data).toEqual(quick);
    }
    for (const event of VALID) expect(fastIngestEvent(event), JSON.stringify(event)).toBe(event);
    expect(fast).toBeGreaterThan(VALID.length);
  });
});

/** A small seeded generator (no dependency): the same cases on every run, so a failure reproduces. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T };
}

const KEYS = ['type', 'ts', 'online', 'viewersUv', 'viewsPv', 'likes', 'comments', 'newFollowers', 'productExposures', 'productClicks', 'adSpend', 'orderId', 'sku', 'qty', 'amount', 'buyer', 'user', 'text', 'count', 'extra', '__proto__', 'constructor'];
const VALUES: unknown[] = [
  0, 1, 2, 7, 1_000_000, -1, 0.5, 2 ** 53, Number.MAX_SAFE_INTEGER, -0, NaN, Infinity, 1e21, 4_102_444_800_000, 253_402_300_800_000,
  '', ' ', 'a', 'TEA-01', ' TEA', 'a b', 'a/b', 'a?b', 'a#b', '茶', 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(128), 'x'.repeat(129), 'x'.repeat(256), 'x'.repeat(257), 'x'.repeat(2000), 'x'.repeat(2001), '\t', 'O-1\n',
  true, false, null, undefined, [], {}, [1], { a: 1 },
  'snapshot', 'order', 'refund', 'comment', 'like', 'follow', 'enter',
];

describe('fast ingest check, generated events', () => {
  it('never accepts what the schema refuses, and accepts the same object the schema returns (20k cases)', () => {
    const r = random(15);
    let accepted = 0;
    let schemaValid = 0;
    for (let i = 0; i < 20_000; i++) {
      // Start from a valid event half the time (so many cases are near-valid), else from nothing.
      const base: Record<string, unknown> = r.next() < 0.5 ? { ...r.pick(VALID) } : { type: r.pick(VALID).type, ts: r.pick(VALUES) };
      const edits = Math.floor(r.next() * 3);
      for (let k = 0; k < edits; k++) {
        const key = r.pick(KEYS);
        if (r.next() < 0.2) delete base[key];
        else Object.defineProperty(base, key, { value: r.pick(VALUES), enumerable: true, configurable: true, writable: true });
      }
      const fast = fastIngestEvent(base);
      const parsed = ingestEventSchema.safeParse(base);
      if (parsed.success) schemaValid++;
      if (!fast) continue;
      accepted++;
      expect(parsed.success, JSON.stringify(base)).toBe(true);
      expect(parsed.data, JSON.stringify(base)).toEqual(fast);
    }
    // The generator must reach both sides: many events the fast check takes, many the schema refuses.
    expect(accepted).toBeGreaterThan(2_000);
    expect(schemaValid).toBeLessThan(20_000 - 2_000);
  });
});
