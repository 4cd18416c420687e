import { describe, expect, it } from 'vitest';
import type { ObsHealth } from '../../contract.js';
import { DEFAULT_OBS_SETTINGS } from './obs-config-store.js';
import { formatBitrate, formatDisk, formatPct, healthMarks } from './health-marks.js';

const healthy: ObsHealth = { at: 0, activeFps: 30, cpuUsage: 12, renderSkippedPct: 0, outputSkippedPct: 0, congestion: 0.1, bitrateKbps: 6000, reconnecting: false, diskSpaceMb: 50_000, recording: false };
const t = DEFAULT_OBS_SETTINGS.health;

describe('stream health marks', () => {
  it('marks nothing while every figure is inside its threshold, and unknown figures never', () => {
    expect(Object.values(healthMarks(healthy, true, t)).some(Boolean)).toBe(false);
    const unknown = { ...healthy, activeFps: null, renderSkippedPct: null, outputSkippedPct: null, congestion: null, bitrateKbps: null, diskSpaceMb: null };
    expect(Object.values(healthMarks(unknown, true, t)).some(Boolean)).toBe(false);
  });

  it('marks each figure that crosses the thresholds the user set', () => {
    const bad = { ...healthy, activeFps: 20, renderSkippedPct: 7.5, outputSkippedPct: 6, congestion: 0.8, bitrateKbps: 900, diskSpaceMb: 1000 };
    expect(healthMarks(bad, true, { ...t, minBitrateKbps: 2500 })).toEqual({ fps: true, render: true, encoder: true, congestion: true, bitrate: true, disk: true });
    // A low bitrate only matters while streaming, and a 0 threshold turns the check off.
    expect(healthMarks(bad, false, { ...t, minBitrateKbps: 2500 }).bitrate).toBe(false);
    expect(healthMarks(bad, true, t).bitrate).toBe(false);
    expect(healthMarks({ ...healthy, activeFps: 20 }, true, { ...t, minFps: 15 }).fps).toBe(false);
  });

  it('formats figures the way a studio reads them', () => {
    expect(formatDisk(2048)).toBe('2.0 GB');
    expect(formatDisk(512)).toBe('512 MB');
    expect(formatDisk(204_800)).toBe('200 GB');
    expect(formatDisk(null)).toBe('—');
    expect(formatBitrate(6000)).toBe('6.0 Mbps');
    expect(formatBitrate(850)).toBe('850 kbps');
    expect(formatPct(0.456)).toBe('0.5%');
    expect(formatPct(null)).toBe('—');
  });
});
