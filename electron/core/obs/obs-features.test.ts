import { afterEach, describe, expect, it, vi } from 'vitest';
import { obsSettingsSchema } from '../contract/index.js';
import type { ObsHealth, ObsState } from '../contract/index.js';
import { initialObsState } from './obs-mirror.js';
import { HealthAlerts } from './obs-features.js';
import type { ObsSettingsStore } from './obs-settings-store.js';

afterEach(() => {
  vi.useRealTimers();
});

const health = (activeFps: number): ObsHealth => ({ at: 0, activeFps, cpuUsage: 1, renderSkippedPct: 0, outputSkippedPct: null, congestion: null, bitrateKbps: null, reconnecting: false, diskSpaceMb: 90_000, recording: false });
const obs = (fps: number, status: ObsState['status'] = 'connected'): ObsState => ({ ...initialObsState('ws://x', 0), status, health: status === 'connected' ? health(fps) : null });

describe('HealthAlerts', () => {
  it('raises once per problem, keeps a flapping figure one alert, and clears after the hold time', () => {
    vi.useFakeTimers();
    const settings = { get: () => obsSettingsSchema.parse({ health: { clearAfterSeconds: 5 } }) } as unknown as ObsSettingsStore;
    const log: string[] = [];
    const alerts = new HealthAlerts({ raise: (id, level) => log.push(`raise ${id} ${level}`), resolve: (id) => log.push(`resolve ${id}`) }, settings);
    alerts.update(obs(10));
    alerts.update(obs(11));
    vi.advanceTimersByTime(1000);
    alerts.update(obs(30));
    vi.advanceTimersByTime(3000);
    alerts.update(obs(12)); // back below the threshold before the hold ran out
    alerts.update(obs(30));
    vi.advanceTimersByTime(4999);
    expect(log).toEqual(['raise obs-health-fps warn']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['raise obs-health-fps warn', 'resolve obs-health-fps']);
  });

  it('clears at once when OBS goes away', () => {
    const settings = { get: () => obsSettingsSchema.parse({}) } as unknown as ObsSettingsStore;
    const log: string[] = [];
    const alerts = new HealthAlerts({ raise: (id) => log.push(`raise ${id}`), resolve: (id) => log.push(`resolve ${id}`) }, settings);
    alerts.update(obs(10));
    alerts.update(obs(0, 'disconnected'));
    expect(log).toEqual(['raise obs-health-fps', 'resolve obs-health-fps']);
  });
});
