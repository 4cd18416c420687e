import { ingestRun, SEGMENTS } from '../fixtures/ingest-run.js';
import type { BenchRow } from '../types.js';

const MIN_SHARE = 0.5;
const MIN_RATE = 200_000;

/** Durable ingest through the core over WebSocket batches, against raw better-sqlite3 inserts. */
export const row: BenchRow = {
  id: 'ingest-rate',
  what: 'ingest, durable, over WebSocket batches',
  budget: '≥ 50% of raw better-sqlite3 batched inserts, and ≥ 200k events/s',
  async run(ctx) {
    const r = await ingestRun(ctx);
    const value = r.rate.median;
    const floor = r.rawRate.median;
    return {
      value,
      unit: 'events/s',
      floor,
      floorWhat: 'raw better-sqlite3 batched inserts',
      runs: r.rate.runs,
      floorRuns: r.rawRate.runs,
      machine: r.machine,
      meets: value >= MIN_SHARE * floor && value >= MIN_RATE,
      note: `median of ${SEGMENTS} segments of ${(r.events / SEGMENTS).toLocaleString('en-US')} events (each right after the same rows raw), batches of ${r.batchSize.toLocaleString('en-US')}, 4 in flight, one socket; ratio is the share of the raw rate (a ceiling here)`,
    };
  },
};
