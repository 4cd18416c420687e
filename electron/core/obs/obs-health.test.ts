import { describe, expect, it } from 'vitest';
import { obsHealthThresholdsSchema } from '../contract/index.js';
import { deriveHealth, healthProblems, sameHealth } from './obs-health.js';
import type { HealthSample } from './obs-health.js';

const sample = (at: number, stats: Record<string, unknown>, stream: Record<string, unknown> = { outputActive: false }): HealthSample => ({ at, stats, stream, record: { outputActive: false } });

describe('deriveHealth', () => {
  it('has no rates on the first sample, then takes deltas between polls', () => {
    const a = sample(1000, { activeFps: 29.97, renderSkippedFrames: 10, renderTotalFrames: 1000, availableDiskSpace: 5000.4 }, { outputActive: true, outputBytes: 0, outputSkippedFrames: 0, outputTotalFrames: 0, outputCongestion: 0.1 });
    const first = deriveHealth(null, a);
    expect(first).toMatchObject({ activeFps: 29.97, renderSkippedPct: null, outputSkippedPct: null, bitrateKbps: null, congestion: 0.1, diskSpaceMb: 5000 });
    const b = sample(2000, { activeFps: 30, renderSkippedFrames: 13, renderTotalFrames: 1030 }, { outputActive: true, outputBytes: 750_000, outputSkippedFrames: 3, outputTotalFrames: 30, outputCongestion: 0 });
    expect(deriveHealth(a, b)).toMatchObject({ renderSkippedPct: 10, outputSkippedPct: 10, bitrateKbps: 6000, congestion: 0 });
  });

  it('ignores counters that restarted and leaves stream figures null while not streaming', () => {
    const a = sample(1000, { renderSkippedFrames: 50, renderTotalFrames: 5000 });
    const b = sample(2000, { renderSkippedFrames: 0, renderTotalFrames: 30 });
    expect(deriveHealth(a, b)).toMatchObject({ renderSkippedPct: null, bitrateKbps: null, congestion: null, outputSkippedPct: null, reconnecting: false });
  });

  it('compares health without its timestamp', () => {
    const a = deriveHealth(null, sample(1, { activeFps: 30 }));
    expect(sameHealth(a, { ...a, at: 99 })).toBe(true);
    expect(sameHealth(a, { ...a, activeFps: 29 })).toBe(false);
    expect(sameHealth(null, a)).toBe(false);
  });
});

describe('healthProblems', () => {
  const t = obsHealthThresholdsSchema.parse({ minBitrateKbps: 2000 });
  it('names each crossed threshold with a stable id', () => {
    const h = { at: 0, activeFps: 20, cpuUsage: 5, renderSkippedPct: 8, outputSkippedPct: 6, congestion: 0.7, bitrateKbps: 900, reconnecting: true, diskSpaceMb: 100, recording: true };
    const problems = healthProblems(h, true, t);
    expect(problems.map((p) => p.id)).toEqual(['obs-health-fps', 'obs-health-render', 'obs-health-encoder', 'obs-health-congestion', 'obs-health-bitrate', 'obs-health-reconnecting', 'obs-health-disk']);
    expect(problems.find((p) => p.id === 'obs-health-disk')?.level).toBe('error');
    const fine = { ...h, activeFps: 30, renderSkippedPct: 0, outputSkippedPct: 0, congestion: 0, bitrateKbps: 6000, reconnecting: false, diskSpaceMb: 50_000 };
    expect(healthProblems(fine, true, t)).toEqual([]);
  });
});
