import { ingestRun } from '../fixtures/ingest-run.js';
import { round } from '../stats.js';
import type { BenchRow } from '../types.js';

const MAX_MB = 200;
/** "Flat" between 1M and 2M events: the second million may add at most this share to the first's RSS. */
const FLAT_SHARE = 0.1;

/** Core resident memory after the ingest run, against the idle core with a live session. */
export const row: BenchRow = {
  id: 'memory-2m',
  what: 'core resident memory after 2M events',
  budget: '≤ 200 MB, and flat between 1M and 2M',
  async run(ctx) {
    const r = await ingestRun(ctx);
    const growth = r.rssFull - r.rssHalf;
    const flat = growth <= FLAT_SHARE * r.rssHalf;
    return {
      value: r.rssFull,
      unit: 'MB',
      floor: r.rssIdle,
      floorWhat: 'idle core, session live',
      meets: r.rssFull <= MAX_MB && flat,
      machine: r.machine,
      note: `one reading per run (memory is a level, not a timing); after ${r.rssHalfAt.toLocaleString('en-US')} events ${round(r.rssHalf, 1)} MB, after ${r.events.toLocaleString('en-US')} ${round(r.rssFull, 1)} MB (${growth >= 0 ? '+' : ''}${round(growth, 1)} MB; flat means ≤ +${FLAT_SHARE * 100}%)`,
    };
  },
};
