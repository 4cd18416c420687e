import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parseIngestBatch, wsClientMessageSchema, type IngestEvent } from '../contract/index.js';
import { eventDataJson } from './ingest-json.js';
import { prepareFrame, prepareIngest, preparedEvents } from './ingest-prepare.js';

const NOW = Date.UTC(2026, 11, 3, 12);
const pseudonymize = (name: string) => `h:${Buffer.from(name).toString('hex')}`;

/** Every event type, with and without its optional fields, as a connector sends them. */
const EVENTS = [
  { type: 'snapshot', ts: NOW, online: 1200, viewersUv: 3000, viewsPv: 9000, likes: 5, comments: 7, newFollowers: 2, productExposures: 40, productClicks: 9, adSpend: 1234 },
  { type: 'snapshot', ts: NOW + 1, online: 0 },
  { type: 'snapshot', ts: NOW + 2, likes: 3 },
  { type: 'order', ts: NOW + 3, orderId: 'O-1', sku: 'TEA-01', qty: 2, amount: 9900, buyer: '张三' },
  { type: 'order', ts: NOW + 4, orderId: 'O-2', sku: 'TEA-02', qty: 1, amount: 0 },
  { type: 'refund', ts: NOW + 5, orderId: 'O-1', amount: 4950 },
  { type: 'comment', ts: NOW + 6, user: '李四', text: '发货快吗 "quoted" \\ ✓' },
  { type: 'comment', ts: NOW + 7, user: 'viewer', text: '' },
  { type: 'like', ts: NOW + 8, count: 4 },
  { type: 'follow', ts: NOW + 9, user: 'fan-1' },
  { type: 'enter', ts: NOW + 10, user: 'guest' },
] as const;

/** What the write may read of an event: everything but its person, who travels as a pseudonym (a comment's user stays, for the feed). */
const withoutPerson = (e: IngestEvent) => {
  const { ...fields } = e as Record<string, unknown>;
  delete fields.buyer;
  if (e.type !== 'comment') delete fields.user;
  return fields;
};

describe('a batch laid flat (prepareIngest)', () => {
  it('gives back every event, its log JSON and its pseudonym as the schema path reads them, across a thread boundary too', () => {
    const parsed = parseIngestBatch({ source: 'douyin', events: EVENTS }, NOW);
    // What crosses from the parse thread is a structured clone: the test reads the copy.
    const flat = deserialize(serialize(prepareIngest({ source: 'douyin', events: EVENTS }, NOW, pseudonymize))) as ReturnType<typeof prepareIngest>;
    expect(flat.source).toBe('douyin');
    expect(preparedEvents(flat)).toEqual(parsed.events.map(withoutPerson));
    parsed.events.forEach((event, i) => {
      const named = 'buyer' in event ? (event.buyer ?? null) : 'user' in event ? event.user : null;
      expect(flat.person[i], `person of ${i}`).toBe(named === null ? null : pseudonymize(named));
      // A refund's JSON is the write's: it says what the database made of it.
      expect(flat.json[i], `json of ${i}`).toBe(event.type === 'refund' ? '' : eventDataJson(event, 'douyin', flat.person[i] ?? null));
    });
    // The buyer's name itself never crosses: only its pseudonym does.
    expect(JSON.stringify([flat.values, flat.json])).not.toContain('张三');
  });

  it('refuses what the schema refuses, with the same error', () => {
    const bad = { events: [EVENTS[0], { type: 'order', ts: NOW, orderId: 'O-9', sku: 'A', qty: 0, amount: 1 }] };
    expect(() => prepareIngest(bad, NOW, pseudonymize)).toThrow(/events\.1\.qty/);
    expect(() => prepareIngest({ events: [{ type: 'like', ts: 5, count: 1 }] }, NOW, pseudonymize)).toThrow(/events\.0\.ts/);
  });
});

describe('a WebSocket frame on the parse thread (prepareFrame)', () => {
  const batch = { source: 'bench', events: EVENTS.slice(0, 3) };
  const frames: Record<string, string> = {
    'well formed': JSON.stringify({ type: 'ingest', id: 'b1', batch }),
    'without an id': JSON.stringify({ type: 'ingest', batch }),
    'keys in another order': JSON.stringify({ batch, id: 'b2', type: 'ingest' }),
    'an id of 64': JSON.stringify({ type: 'ingest', id: 'x'.repeat(64), batch }),
    'an id of 65': JSON.stringify({ type: 'ingest', id: 'x'.repeat(65), batch }),
    'a numeric id': JSON.stringify({ type: 'ingest', id: 7, batch }),
    'an extra key': JSON.stringify({ type: 'ingest', id: 'b3', batch, via: 'ui' }),
    'a __proto__ key': `{"type":"ingest","batch":${JSON.stringify(batch)},"__proto__":{"id":"x"}}`,
    'an action': JSON.stringify({ type: 'action', id: 'a', action: { type: 'product.clear' } }),
    'no batch': JSON.stringify({ type: 'ingest', id: 'b4' }),
    'a bad event': JSON.stringify({ type: 'ingest', id: 'b5', batch: { events: [{ type: 'like', ts: NOW, count: 0 }] } }),
    'an array': JSON.stringify([{ type: 'ingest', batch }]),
    'a byte-order mark': `\uFEFF${JSON.stringify({ type: 'ingest', id: 'b6', batch })}`,
    'not JSON': `{"type":"ingest","batch":${JSON.stringify(batch)}`,
  };

  it('takes a frame only when the socket schema and the batch validation take it as it is, and leaves every other to the event loop', () => {
    const taken: string[] = [];
    for (const [what, text] of Object.entries(frames)) {
      const frame = prepareFrame(text, NOW, pseudonymize);
      if (!frame) continue;
      taken.push(what);
      // Narrower than the schema: whatever the thread takes, the event loop's own path takes unchanged.
      const message = wsClientMessageSchema.parse(JSON.parse(text));
      expect(message.type, what).toBe('ingest');
      expect(frame.id, what).toBe(message.id ?? null);
      expect(frame.batch, what).toEqual(prepareIngest((message as { batch: unknown }).batch, NOW, pseudonymize));
    }
    expect(taken).toEqual(['well formed', 'without an id', 'keys in another order', 'an id of 64']);
  });
});
