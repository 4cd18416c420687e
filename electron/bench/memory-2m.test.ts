import { describe, expect, it } from 'vitest';
import { median, sampleRss } from './stats.js';
import { flatness } from './rows/60-memory-2m.js';

/** RSS read every 100 ms through a 2 s segment of a core whose heap saws between `low` and `low + swing`. */
function sawtooth(low: number, swing: number, phase: number, trend = 0): number[] {
  return Array.from({ length: 20 }, (_, i) => low + trend * (i / 20) + ((((i + phase) % 7) / 6) * swing));
}

describe('memory-2m flatness', () => {
  it('judges levels, not where single readings landed on the collectors’ sawtooth', () => {
    // Nothing kept between 1M and 2M events: the same sawtooth, read at a trough and then at a peak.
    const atHalf = sawtooth(160, 20, 2);
    const atFull = sawtooth(160, 20, 1);
    // One reading at each segment's end (how the row read it before) calls this growth of 12.5%.
    expect(flatness(atHalf.at(-1) as number, atFull.at(-1) as number).flat).toBe(false);
    expect(flatness(median(atHalf), median(atFull)).flat).toBe(true);
  });

  it('still sees memory that grows through the second million', () => {
    const atHalf = sawtooth(160, 20, 0);
    const leaking = sawtooth(160 + 20, 20, 0, 4);
    const { flat, growth } = flatness(median(atHalf), median(leaking));
    expect(flat).toBe(false);
    expect(growth).toBeGreaterThan(17);
  });

  it('reads a live process’s RSS through a stretch of work', async () => {
    const rss = sampleRss(process.pid, 20);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const samples = await rss.stop();
    expect(samples.length).toBeGreaterThanOrEqual(3);
    for (const mb of samples) expect(mb).toBeGreaterThan(10);
  });
});
