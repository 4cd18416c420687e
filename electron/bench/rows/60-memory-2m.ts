import { ingestRun } from '../fixtures/ingest-run.js';
import { round } from '../stats.js';
import type { BenchRow } from '../types.js';

const MAX_MB = 200;
/** "Flat" between 1M and 2M events: the second million may add at most this share to the first's RSS. */
const FLAT_SHARE = 0.1;

/**
 * Whether memory stayed flat from the level at 1M events to the level at 2M. The levels are medians of
 * readings through a segment of ingest: the core's two heaps (its own and the parse thread's) each grow
 * until a collection, so two single readings could differ by ~20 MB with nothing kept (a heap snapshot
 * after 2M events holds 19 MB, against 15 MB idle).
 */
export function flatness(levelAtHalf: number, levelAtFull: number) {
  const growth = levelAtFull - levelAtHalf;
  return { growth, flat: growth <= FLAT_SHARE * levelAtHalf };
}

/** Core resident memory after the ingest run, against the idle core with a live session. */
export const row: BenchRow = {
  id: 'memory-2m',
  what: 'core resident memory after 2M events',
  budget: '≤ 200 MB, and flat between 1M and 2M',
  async run(ctx) {
    const r = await ingestRun(ctx);
    const { growth, flat } = flatness(r.rssHalf, r.rssFull);
    return {
      value: r.rssAfter,
      unit: 'MB',
      floor: r.rssIdle,
      floorWhat: 'idle core, session live',
      meets: r.rssAfter <= MAX_MB && flat,
      machine: r.machine,
      note: `one run (memory is a level, not a timing): ${round(r.rssAfter, 1)} MB read after ${r.events.toLocaleString('en-US')} events, highest reading ${round(r.rssPeak, 1)} MB; level through the segment to ${r.rssHalfAt.toLocaleString('en-US')} events ${round(r.rssHalf, 1)} MB, through the last ${round(r.rssFull, 1)} MB (${growth >= 0 ? '+' : ''}${round(growth, 1)} MB; flat means ≤ +${FLAT_SHARE * 100}%)`,
    };
  },
};
