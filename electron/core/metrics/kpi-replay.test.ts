import { describe, expect, it } from 'vitest';
import { replayKpis } from './kpi-replay.js';
import { KpiTracker } from './kpi-tracker.js';

describe('replayKpis', () => {
  it('counts 平均在线 minutes from the show start, as the live tracker does', () => {
    // Two readings a second apart in the show's first minute, either side of a wall-clock minute.
    const startedAt = 7_200_000 - 500;
    const readings = [
      { ts: 7_200_000 - 400, online: 320 },
      { ts: 7_200_000 + 600, online: 350 },
    ];
    const live = new KpiTracker();
    live.origin = startedAt;
    for (const r of readings) live.applySnapshot({ type: 'snapshot', ...r });

    const replayed = replayKpis(
      readings.map((r) => ({ ts: r.ts, kind: 'ingest.snapshot', data: { online: r.online } })),
      () => false,
      startedAt,
    );
    expect(live.averageOnline).toBe(350);
    expect(replayed.averageOnline).toBe(live.averageOnline);
    expect(replayed.view()).toEqual(live.view());
  });
});
