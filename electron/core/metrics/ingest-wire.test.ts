import { describe, expect, it } from 'vitest';
import { prepareIngest, type PreparedFrame } from './ingest-prepare.js';
import { createPseudonymizer } from './personal-data.js';
import { WireDecoder, WireEncoder } from './ingest-wire.js';

const NOW = Date.UTC(2026, 11, 3, 12);
const pseudonymize = createPseudonymizer('wire-test');
const frame = (id: string, events: unknown[]): PreparedFrame => ({ id, batch: prepareIngest({ source: 'test', events }, NOW, pseudonymize) });
const comment = (user: string, text = '好看') => ({ type: 'comment', ts: NOW, user, text });
const order = (orderId: string, buyer?: string) => ({ type: 'order', ts: NOW, orderId, sku: 'TEA-01', qty: 1, amount: 990, ...(buyer && { buyer }) });

/** What crosses between threads is a structured clone: the decoder never sees the encoder's objects. */
const across = <T>(value: T): T => structuredClone(value);

describe('ingest frames between the parse thread and the event loop', () => {
  it('arrive as they were prepared: each person where it was, none where there was none', () => {
    const encoder = new WireEncoder();
    const decoder = new WireDecoder();
    const frames = [
      frame('a', [comment('张三'), order('O-1', '李四'), order('O-2'), { type: 'like', ts: NOW, count: 3 }, comment('张三', '第二条\n换行')]),
      frame('b', [order('O-3', '李四'), comment('王五'), { type: 'enter', ts: NOW, user: '张三' }]),
      frame('empty-persons', [{ type: 'like', ts: NOW, count: 1 }]),
    ];
    for (const f of frames) expect(decoder.decode(across(encoder.encode(f)))).toEqual(f);
  });

  it('send each name once: a name the table has crosses as its number', () => {
    const encoder = new WireEncoder();
    expect(encoder.encode(frame('a', [comment('张三'), comment('李四'), comment('张三')])).batch.names).toHaveLength(2);
    const second = encoder.encode(frame('b', [comment('李四'), comment('张三'), comment('赵六')]));
    expect(second.batch.names).toEqual([pseudonymize('赵六')]);
    expect([...second.batch.persons]).toEqual([1, 0, 2]);
  });

  it('start the table again when it is full, on both sides, and stay right', () => {
    const encoder = new WireEncoder(4);
    const decoder = new WireDecoder();
    let resets = 0;
    for (let f = 0; f < 6; f++) {
      const prepared = frame(`f${f}`, [comment(`viewer-${f}`), comment(`viewer-${f + 1}`), comment('常客')]);
      const wire = across(encoder.encode(prepared));
      if (wire.batch.reset) resets++;
      expect(decoder.decode(wire)).toEqual(prepared);
    }
    expect(resets).toBeGreaterThan(0);
  });

  it('are refused by a table that never saw the name (another thread’s frame), not read as someone else', () => {
    const encoder = new WireEncoder();
    encoder.encode(frame('a', [comment('张三')]));
    const second = across(encoder.encode(frame('b', [comment('张三')])));
    expect(() => new WireDecoder().decode(second)).toThrow(/person 0 of a table of 0/);
  });
});
