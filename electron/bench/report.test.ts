import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { failedRecord, formatTable, toRecord } from './report.js';
import { percentile } from './stats.js';
import type { BenchRow } from './types.js';

const DESIGN_IDS = ['press-overhead', 'press-ack', 'ingest-rate', 'ingest-push', 'review-12h', 'memory-2m', 'start', 'review-open', 'review-zoom', 'console-load'];

describe('bench rows', () => {
  it('cover every DESIGN §7 id, one module each, picked up from rows/', async () => {
    const files = readdirSync(new URL('./rows/', import.meta.url)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const rows: BenchRow[] = [];
    for (const f of files) rows.push(((await import(`./rows/${f}`)) as { row: BenchRow }).row);
    expect(rows.map((r) => r.id).sort()).toEqual([...DESIGN_IDS].sort());
    for (const r of rows) expect(r.budget.length).toBeGreaterThan(3);
  });
});

describe('report', () => {
  const row: BenchRow = { id: 'press-ack', what: 'w', budget: 'b', run: async () => [] };

  it('computes the ratio and names sub-results id/part', () => {
    expect(toRecord(row, { part: 'p99', value: 12, unit: 'ms', floor: 10, floorWhat: 'bare', meets: true })).toMatchObject({ id: 'press-ack/p99', ratio: 1.2, meets: true });
    expect(toRecord(row, { value: null, unit: 'ms', floor: 10, floorWhat: 'bare', meets: null }).ratio).toBeNull();
  });

  it('keeps each run, the spread of the runs and how busy the machine was', () => {
    const machine = { cores: 2, runnable: 3.5, cpuBusy: 1, othersBusy: 0.6, load1: 4, busy: true };
    const record = toRecord(row, { value: 10, unit: 'ms', floor: 5, floorWhat: 'bare', meets: true, runs: [9, 10, 14], floorRuns: [5, 5, 6] }, machine);
    expect(record).toMatchObject({ runs: [9, 10, 14], floorRuns: [5, 5, 6], spread: 0.5, machine: { busy: true } });
    expect(formatTable([record])).toMatch(/9–14 \(3 runs\).*BUSY 3\.5\/2, others 60%/);
  });

  it('always prints a failed row, with why', () => {
    const table = formatTable([failedRecord(row, new Error('no OBS\nstack'))]);
    expect(table).toMatch(/press-ack .* \?/);
    expect(table).toMatch(/press-ack: failed: no OBS$/m);
  });

  it('uses nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([5], 99)).toBe(5);
  });
});
