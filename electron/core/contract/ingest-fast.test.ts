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
