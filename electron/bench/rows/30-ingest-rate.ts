import { ingestRun } from '../fixtures/ingest-run.js';
import type { BenchRow } from '../types.js';

const MIN_SHARE = 0.4;
const MIN_RATE = 200_000;

/** Durable ingest through the core over WebSocket batches, against raw better-sqlite3 inserts. */
export const row: BenchRow = {
  id: 'ingest-rate',
  what: 'ingest, durable, over WebSocket batches',
  budget: '≥ 40% of raw better-sqlite3 batched inserts, and ≥ 200k events/s',
  async run(ctx) {
    const r = await ingestRun(ctx);
    return {
      value: r.rate,
      unit: 'events/s',
      floor: r.rawRate,
      floorWhat: 'raw better-sqlite3 batched inserts',
      meets: r.rate >= MIN_SHARE * r.rawRate && r.rate >= MIN_RATE,
      note: `${r.events.toLocaleString('en-US')} events in batches of ${r.batchSize.toLocaleString('en-US')}, 4 in flight, one socket; ratio is the share of the raw rate (a ceiling here)`,
    };
  },
};
