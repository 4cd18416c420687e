import { describe, expect, it } from 'vitest';
import { IngestRates } from './ingest-rates.js';

describe('ingest rates', () => {
  it('measures a steady source over the window, per source', () => {
    const rates = new IngestRates();
    // 1,000 events a second for 10 s, in 10 batches a second; then a look half-way into a second.
    for (let ms = 0; ms < 10_000; ms += 100) rates.record('douyin', 100, 1_000_000 + ms);
    rates.record('taobao', 5, 1_009_900);
    const view = rates.view(1_009_950);
    expect(view.map((s) => s.source)).toEqual(['douyin', 'taobao']);
    expect(view[0]).toMatchObject({ total: 10_000, lastAt: 1_009_900 });
    expect(Math.abs(view[0]!.perSecond - 1_000)).toBeLessThan(25);
    // A source that just started: its burst over at least one second.
    expect(view[1]!.perSecond).toBe(5);
  });

  it('decays to zero when a source goes silent and forgets it after ten minutes', () => {
    const rates = new IngestRates();
    rates.record('x', 500, 2_000_000);
    expect(rates.view(2_003_000)[0]!.perSecond).toBeGreaterThan(0);
    expect(rates.view(2_006_000)[0]).toMatchObject({ perSecond: 0, total: 500 });
    expect(rates.total(2_006_000)).toBe(0);
    expect(rates.view(2_000_000 + 11 * 60_000)).toEqual([]);
  });
});
