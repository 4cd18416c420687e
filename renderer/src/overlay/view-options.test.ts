import { describe, expect, it } from 'vitest';
import { viewOptions } from './view-options.js';
import { FrameCoalescer, pushHistory, type KpiFrame } from './kpi-feed.js';

const frame = (rev: number, online: number): KpiFrame => ({
  rev,
  kpi: { online, peakOnline: online, gmvFen: rev, orders: 0, buyers: 0, updatedAt: null },
  product: null,
  alerts: null,
  ingest: null,
});

describe('overlay view options', () => {
  it('reads layout, theme and language, falling back to defaults', () => {
    expect(viewOptions('?layout=compact&theme=light&lang=en', ['bar', 'compact'])).toEqual({ layout: 'compact', theme: 'light', lang: 'en' });
    expect(viewOptions('?layout=nope&theme=neon', ['bar', 'compact'])).toEqual({ layout: 'bar', theme: 'dark', lang: 'zh' });
  });
});

describe('KPI frames', () => {
  it('coalesces a burst into one render with the newest frame', () => {
    let now = 1_000;
    const applied: number[] = [];
    const c = new FrameCoalescer((f) => applied.push(f.rev), 250, () => now);
    for (let rev = 1; rev <= 100; rev++) c.push(frame(rev, rev));
    expect(applied).toEqual([]);
    now += 250;
    c.flush();
    expect(applied).toEqual([100]);
    c.flush();
    expect(applied).toEqual([100]);
  });

  it('keeps one history point per second, the last one of the second', () => {
    let h = pushHistory([], frame(1, 10), 1_000);
    h = pushHistory(h, frame(2, 20), 1_500);
    h = pushHistory(h, frame(3, 30), 2_100);
    expect(h.map((p) => [p.ts, p.online])).toEqual([[1_500, 20], [2_100, 30]]);
  });
});
