import { describe, expect, it } from 'vitest';
import type { IngestEvent } from '../contract/index.js';
import { eventDataJson } from './ingest-json.js';

/** What the log held before eventDataJson: the event's fields (no type, ts), then source, then known. */
function objectData(event: IngestEvent, source: string | null, person: string | null, known?: boolean): Record<string, unknown> {
  const { type: _type, ts: _ts, ...fields } = event;
  const data: Record<string, unknown> = source ? { ...fields, source } : { ...fields };
  if ('user' in data) data.user = person;
  if ('buyer' in data && data.buyer !== undefined) data.buyer = person;
  // A refund also says what counted and what did not (capped at what was left of its order).
  if (known !== undefined) Object.assign(data, { known, appliedFen: known ? 800 : 0, excessFen: known ? 0 : 800 });
  return data;
}

const EVENTS: IngestEvent[] = [
  { type: 'snapshot', ts: 1, online: 10, viewersUv: 20, viewsPv: 30, likes: 1, comments: 2, newFollowers: 3, productExposures: 40, productClicks: 5, adSpend: 100 },
  { type: 'snapshot', ts: 0 },
  { type: 'snapshot', ts: 5, online: 0 },
  { type: 'order', ts: 1, orderId: 'O-"1"\\', sku: 'TEA-01', qty: 1, amount: 12_800, buyer: 'alice' },
  { type: 'order', ts: 1, orderId: 'O-2', sku: '茶-01', qty: 2, amount: 0 },
  { type: 'refund', ts: 2, orderId: 'O-1', amount: 800 },
  { type: 'comment', ts: 3, user: 'bob', text: '' },
  { type: 'comment', ts: 3, user: 'bob', text: '多少钱？\n"quoted" \u2028 😀' },
  { type: 'like', ts: 4, count: 3 },
  { type: 'follow', ts: 5, user: 'carol' },
  { type: 'enter', ts: 6, user: 'dave' },
];

describe('eventDataJson', () => {
  it('writes the same data as stringifying the event fields with source, pseudonym and known', () => {
    for (const event of EVENTS) {
      for (const source of [null, 'douyin', 'a "b"']) {
        const person = 'user' in event || ('buyer' in event && event.buyer !== undefined) ? 'h:abcdefghijklmnop' : null;
        const known = event.type === 'refund' ? [true, false] : [undefined];
        for (const k of known) {
          const facts = k === undefined ? undefined : { known: k, appliedFen: k ? 800 : 0, excessFen: k ? 0 : 800 };
          const json = eventDataJson(event, source, person, facts);
          expect(JSON.parse(json), `${JSON.stringify(event)} ${source}`).toEqual(objectData(event, source, person, k));
        }
      }
    }
  });
});
