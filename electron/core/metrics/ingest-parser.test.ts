import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { IngestParser } from './ingest-parser.js';
import { prepareFrame } from './ingest-prepare.js';
import { createPseudonymizer } from './personal-data.js';

const NOW = Date.UTC(2026, 11, 3, 12);
const SALT = 'test-salt';
const frame = (id: string, events: unknown[]) => Buffer.from(JSON.stringify({ type: 'ingest', id, batch: { source: 'test', events } }));
const order = (i: number) => ({ type: 'order', ts: NOW + i, orderId: `O-${i}`, sku: 'TEA-01', qty: 1, amount: 990, buyer: `buyer-${i % 7}` });

/** The thread the parser runs now (a test looks at it to end it, as a crash would). */
const threadOf = (parser: IngestParser) => (parser as unknown as { worker: Worker | null }).worker;

let parsers: IngestParser[] = [];
afterEach(async () => {
  await Promise.all(parsers.map((p) => p.close()));
  parsers = [];
});
function start(problems: string[] = []) {
  const parser = new IngestParser(SALT, () => NOW, (message) => problems.push(message));
  parsers.push(parser);
  return parser;
}

describe('the ingest parse thread', () => {
  it('lays frames flat exactly as the event loop would, same pseudonyms, in the order they were sent', async () => {
    const parser = start();
    const frames = Array.from({ length: 6 }, (_, f) => frame(`b${f}`, Array.from({ length: 500 }, (_, i) => order(f * 500 + i))));
    const prepared = await Promise.all(frames.map((bytes) => parser.prepare(bytes)));
    expect(parser.running).toBe(true);
    const here = createPseudonymizer(SALT);
    prepared.forEach((p, f) => expect(p).toEqual(prepareFrame((frames[f] as Buffer).toString(), NOW, here)));
    expect(prepared.map((p) => p?.id)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5']);
  });

  it('hands back what it does not take (the event loop answers with the error), and keeps going', async () => {
    const parser = start();
    expect(await parser.prepare(Buffer.from('{"type":"ingest","batch":'))).toBeNull();
    expect(await parser.prepare(frame('bad', [{ type: 'like', ts: NOW, count: 0 }]))).toBeNull();
    expect((await parser.prepare(frame('ok', [order(1)])))?.id).toBe('ok');
  });

  it('when the thread dies, the frames it held go back to the event loop and the next frame starts a new thread', async () => {
    const problems: string[] = [];
    const parser = start(problems);
    expect((await parser.prepare(frame('first', [order(1)])))?.id).toBe('first');
    const first = threadOf(parser);
    const held = Array.from({ length: 5 }, (_, f) => parser.prepare(frame(`held${f}`, Array.from({ length: 2_000 }, (_, i) => order(i)))));
    await first?.terminate();
    // Each one answered: parsed before the end, or back to the event loop (null); none is lost.
    const answers = await Promise.all(held);
    expect(answers.every((a, f) => a === null || a.id === `held${f}`)).toBe(true);
    expect(problems.join('\n')).toMatch(/ingest parse thread exited .*event loop/);
    // The new thread's names table starts empty, and so does the event loop's twin of it.
    const after = frame('after', [order(1), order(2)]);
    expect(await parser.prepare(after)).toEqual(prepareFrame(after.toString(), NOW, createPseudonymizer(SALT)));
    expect(threadOf(parser)).not.toBe(first);
  });

  it('after three deaths it stops starting threads: every frame is parsed on the event loop, and it says why', async () => {
    const problems: string[] = [];
    const parser = start(problems);
    for (let death = 0; death < 3; death++) {
      expect(await parser.prepare(frame(`f${death}`, [order(death)]))).not.toBeNull();
      await threadOf(parser)?.terminate();
    }
    expect(await parser.prepare(frame('later', [order(9)]))).toBeNull();
    expect(parser.running).toBe(false);
    expect(problems.at(-1)).toMatch(/3 times; frames are parsed on the event loop from now on/);
  });
});
