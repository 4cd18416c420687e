import { describe, expect, it } from 'vitest';
import { measureIngestPush, measureIngestRate } from './ingest.bench.js';

/** The benchmark's measurements, at a small size: they run, and what they return is plausible. */
describe('ingest benchmarks (smoke)', () => {
  it('measures durable ingest through the desk against raw better-sqlite3', async () => {
    const r = await measureIngestRate({ events: 40_000, batchSize: 2_000 });
    expect(r.unit).toBe('events/s');
    expect(r.value).toBeGreaterThan(1_000);
    expect(r.floor).toBeGreaterThan(r.value * 0.5);
  });

  it('measures ingest → subscriber latency for every batch at a steady rate', async () => {
    const { samples } = await measureIngestPush({ rate: 2_000, seconds: 1, tickMs: 20 });
    expect(samples.length).toBeGreaterThan(40);
    for (const s of samples) expect(s).toBeGreaterThan(0);
  });
});
