import type { ObsHealth, ObsHealthThresholds } from '../../contract.js';

export type HealthFigure = 'fps' | 'render' | 'encoder' | 'congestion' | 'bitrate' | 'disk';

/**
 * Which figures are outside the user's thresholds right now, by the same rules the core uses for its
 * health alerts (electron/core/obs/obs-health.ts), so the tile turns red when the alert is raised.
 */
export function healthMarks(h: ObsHealth, streaming: boolean, t: ObsHealthThresholds): Record<HealthFigure, boolean> {
  return {
    fps: h.activeFps !== null && h.activeFps < t.minFps,
    render: h.renderSkippedPct !== null && h.renderSkippedPct > t.maxSkippedPct,
    encoder: h.outputSkippedPct !== null && h.outputSkippedPct > t.maxSkippedPct,
    congestion: h.congestion !== null && h.congestion > t.maxCongestion,
    bitrate: streaming && t.minBitrateKbps > 0 && h.bitrateKbps !== null && h.bitrateKbps < t.minBitrateKbps,
    disk: h.diskSpaceMb !== null && h.diskSpaceMb < t.minDiskSpaceMb,
  };
}

/** 2048 MB → "2.0 GB", 512 → "512 MB": disk space as the operator thinks of it. */
export function formatDisk(mb: number | null): string {
  if (mb === null) return '—';
  return mb >= 1024 ? `${(mb / 1024).toFixed(mb >= 100 * 1024 ? 0 : 1)} GB` : `${Math.round(mb)} MB`;
}

/** 6000 kbps → "6.0 Mbps", 850 → "850 kbps". */
export function formatBitrate(kbps: number | null): string {
  if (kbps === null) return '—';
  return kbps >= 1000 ? `${(kbps / 1000).toFixed(1)} Mbps` : `${Math.round(kbps)} kbps`;
}

export const formatPct = (v: number | null, digits = 1): string => (v === null ? '—' : `${v.toFixed(digits)}%`);
