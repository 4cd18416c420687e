import { coded, type CodedText, type ObsHealth, type ObsHealthThresholds } from '../contract/index.js';

/** One poll's raw figures (GetStats + GetStreamStatus + GetRecordStatus); a failed part is null. */
export interface HealthSample {
  at: number;
  stats: Record<string, unknown> | null;
  stream: Record<string, unknown> | null;
  record: Record<string, unknown> | null;
}

const num = (o: Record<string, unknown> | null, key: string): number | null => {
  const v = o?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** Share of `skipped` among `total` frames between two samples, per cent; null without a base. */
function skippedPct(prev: Record<string, unknown> | null, next: Record<string, unknown> | null, skippedKey: string, totalKey: string): number | null {
  const s0 = num(prev, skippedKey);
  const s1 = num(next, skippedKey);
  const t0 = num(prev, totalKey);
  const t1 = num(next, totalKey);
  if (s0 === null || s1 === null || t0 === null || t1 === null) return null;
  const skipped = s1 - s0;
  const total = t1 - t0;
  // Counters restart with the output (or OBS): that interval says nothing.
  if (skipped < 0 || total < 0) return null;
  if (total === 0) return skipped > 0 ? 100 : 0;
  return round(Math.min(100, (100 * skipped) / total), 2);
}

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Derives the published health from the latest poll and the one before it: frame-skip rates and
 * bitrate are deltas, so the first sample after a (re)connect has them null.
 */
export function deriveHealth(prev: HealthSample | null, next: HealthSample): ObsHealth {
  const streaming = next.stream?.outputActive === true;
  let bitrateKbps: number | null = null;
  const b0 = num(prev?.stream ?? null, 'outputBytes');
  const b1 = num(next.stream, 'outputBytes');
  if (streaming && prev && b0 !== null && b1 !== null && b1 >= b0 && next.at > prev.at) {
    bitrateKbps = Math.round(((b1 - b0) * 8) / (next.at - prev.at));
  }
  const disk = num(next.stats, 'availableDiskSpace');
  const congestion = num(next.stream, 'outputCongestion');
  const fps = num(next.stats, 'activeFps');
  const cpu = num(next.stats, 'cpuUsage');
  return {
    at: next.at,
    activeFps: fps === null ? null : round(fps, 2),
    cpuUsage: cpu === null ? null : round(cpu, 1),
    renderSkippedPct: skippedPct(prev?.stats ?? null, next.stats, 'renderSkippedFrames', 'renderTotalFrames'),
    outputSkippedPct: streaming ? skippedPct(prev?.stream ?? null, next.stream, 'outputSkippedFrames', 'outputTotalFrames') : null,
    congestion: streaming && congestion !== null ? round(congestion, 3) : null,
    bitrateKbps,
    reconnecting: next.stream?.outputReconnecting === true,
    diskSpaceMb: disk === null ? null : Math.round(disk),
    recording: next.record?.outputActive === true,
  };
}

/** Equal apart from the sample time: an idle OBS's health does not wake every view once a second. */
export function sameHealth(a: ObsHealth | null | undefined, b: ObsHealth | null | undefined): boolean {
  if (!a || !b) return a === b;
  return (Object.keys(a) as (keyof ObsHealth)[]).every((k) => k === 'at' || a[k] === b[k]);
}

export interface HealthProblem {
  /** Stable alert id, so a standing problem is one alert that is resolved when it clears. */
  id: string;
  level: 'warn' | 'error';
  text: CodedText;
}

/** The thresholds `health` crosses right now (empty when healthy or unknown). */
export function healthProblems(health: ObsHealth, streaming: boolean, t: ObsHealthThresholds): HealthProblem[] {
  const problems: HealthProblem[] = [];
  if (health.activeFps !== null && health.activeFps < t.minFps) {
    problems.push({ id: 'obs-health-fps', level: 'warn', text: coded('obs.health.fps', { fps: health.activeFps, limit: t.minFps }, `OBS renders ${health.activeFps} fps (below ${t.minFps})`) });
  }
  if (health.renderSkippedPct !== null && health.renderSkippedPct > t.maxSkippedPct) {
    problems.push({ id: 'obs-health-render', level: 'warn', text: coded('obs.health.render', { pct: health.renderSkippedPct, limit: t.maxSkippedPct }, `OBS skipped ${health.renderSkippedPct}% of frames while rendering (GPU or scene too heavy; limit ${t.maxSkippedPct}%)`) });
  }
  if (health.outputSkippedPct !== null && health.outputSkippedPct > t.maxSkippedPct) {
    problems.push({ id: 'obs-health-encoder', level: 'warn', text: coded('obs.health.encoder', { pct: health.outputSkippedPct, limit: t.maxSkippedPct }, `the encoder skipped ${health.outputSkippedPct}% of frames (CPU too slow or encoder overloaded; limit ${t.maxSkippedPct}%)`) });
  }
  if (health.congestion !== null && health.congestion > t.maxCongestion) {
    problems.push({ id: 'obs-health-congestion', level: 'warn', text: coded('obs.health.congestion', { pct: Math.round(health.congestion * 100), limit: Math.round(t.maxCongestion * 100) }, `stream network congestion ${Math.round(health.congestion * 100)}% (limit ${Math.round(t.maxCongestion * 100)}%)`) });
  }
  if (streaming && t.minBitrateKbps > 0 && health.bitrateKbps !== null && health.bitrateKbps < t.minBitrateKbps) {
    problems.push({ id: 'obs-health-bitrate', level: 'warn', text: coded('obs.health.bitrate', { kbps: health.bitrateKbps, limit: t.minBitrateKbps }, `stream bitrate ${health.bitrateKbps} kbps (below ${t.minBitrateKbps} kbps)`) });
  }
  if (health.reconnecting) {
    problems.push({ id: 'obs-health-reconnecting', level: 'error', text: coded('obs.health.reconnecting', {}, 'the stream lost its server and OBS is reconnecting: viewers see a frozen picture') });
  }
  if (health.diskSpaceMb !== null && health.diskSpaceMb < t.minDiskSpaceMb) {
    problems.push({ id: 'obs-health-disk', level: health.recording ? 'error' : 'warn', text: coded('obs.health.disk', { mb: health.diskSpaceMb, limit: t.minDiskSpaceMb }, `only ${health.diskSpaceMb} MB free on the recording drive (limit ${t.minDiskSpaceMb} MB)`) });
  }
  return problems;
}

export const HEALTH_ALERT_IDS = ['obs-health-fps', 'obs-health-render', 'obs-health-encoder', 'obs-health-congestion', 'obs-health-bitrate', 'obs-health-reconnecting', 'obs-health-disk'] as const;
