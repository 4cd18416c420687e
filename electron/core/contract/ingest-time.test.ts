import { describe, expect, it } from 'vitest';
import { DeskError } from './errors.js';
import { INGEST_TIME_WINDOW, parseIngestBatch } from './ingest.js';

const NOW = Date.UTC(2026, 5, 1);
const refusal = (ts: number, index = 0) => {
  const events = [{ type: 'like', ts: NOW, count: 1 }];
  events[index] = { type: 'like', ts, count: 1 };
  try {
    parseIngestBatch({ events }, NOW);
  } catch (error) {
    return error instanceof DeskError ? { status: error.status, ...error.toJSON().error } : error;
  }
  return null;
};

describe('ingest timestamps', () => {
  it('refuses times outside the window around the desk clock with a 400 naming ts', () => {
    for (const ts of [1, NOW / 1000, NOW * 1000, 99_999_999_999_999, INGEST_TIME_WINDOW.floor - 1, NOW + INGEST_TIME_WINDOW.futureMs + 1]) {
      expect(refusal(ts), String(ts)).toMatchObject({ status: 400, code: 'bad_request', field: 'events.0.ts', index: 0 });
    }
  });

  it('accepts late and slightly early events inside the window', () => {
    for (const ts of [NOW, NOW - 3_600_000, 1_700_000_000_000, INGEST_TIME_WINDOW.floor, NOW + 60_000, NOW + INGEST_TIME_WINDOW.futureMs]) expect(refusal(ts), String(ts)).toBeNull();
  });

  it('names the first bad event of a batch', () => {
    const events = [{ type: 'like', ts: NOW, count: 1 }, { type: 'like', ts: NOW * 1000, count: 1 }];
    expect(() => parseIngestBatch({ events }, NOW)).toThrow(/events\.1\.ts/);
  });
});
