import type { ReactNode } from 'react';
import type { StringKey } from '../../lib/i18n.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { formatBitrate, formatDisk, formatPct, healthMarks, type HealthFigure } from './health-marks.js';
import { DEFAULT_OBS_SETTINGS, useObsConfigStore } from './obs-config-store.js';

function Figure({ id, label, value, bad, note }: { id: HealthFigure | 'cpu'; label: StringKey; value: ReactNode; bad: boolean; note?: string }) {
  const t = useT();
  return (
    <div className={`health-figure ${bad ? 'is-bad' : ''}`} data-testid={`health-${id}`} data-bad={bad}>
      <span className="health-label">{t(label)}</span>
      <span className="health-value mono">{value}</span>
      {note ? <span className="health-note">{note}</span> : null}
    </div>
  );
}

/** OBS's figures from the once-a-second poll, red where they cross the thresholds of the health alerts. */
export function StreamHealth() {
  const t = useT();
  const up = useDeskStore((s) => s.state?.obs.status === 'connected');
  const health = useDeskStore((s) => (s.state?.obs.status === 'connected' ? (s.state.obs.health ?? null) : null));
  const streaming = useDeskStore((s) => s.state?.obs.streaming ?? false);
  const thresholds = useObsConfigStore((s) => s.settings?.health ?? DEFAULT_OBS_SETTINGS.health);
  if (!health) {
    return (
      <div className="health" data-testid="obs-health">
        {/* Right after a (re)connect the first poll is still under way. */}
        <p className="empty">{t(up ? 'health.waiting' : 'health.none')}</p>
      </div>
    );
  }
  const marks = healthMarks(health, streaming, thresholds);
  const idle = streaming ? undefined : t('health.notStreaming');
  return (
    <div className="health" data-testid="obs-health">
      {health.reconnecting ? (
        <p className="health-reconnecting" role="alert" data-testid="health-reconnecting">
          {t('health.reconnecting')}
        </p>
      ) : null}
      <div className="health-grid">
        <Figure id="fps" label="health.fps" value={health.activeFps === null ? '—' : health.activeFps.toFixed(health.activeFps % 1 ? 1 : 0)} bad={marks.fps} />
        <Figure id="render" label="health.render" value={formatPct(health.renderSkippedPct)} bad={marks.render} />
        <Figure id="encoder" label="health.encoder" value={formatPct(health.outputSkippedPct)} bad={marks.encoder} note={idle} />
        <Figure id="congestion" label="health.congestion" value={health.congestion === null ? '—' : `${Math.round(health.congestion * 100)}%`} bad={marks.congestion} note={idle} />
        <Figure id="bitrate" label="health.bitrate" value={formatBitrate(health.bitrateKbps)} bad={marks.bitrate} note={idle} />
        <Figure id="disk" label="health.disk" value={formatDisk(health.diskSpaceMb)} bad={marks.disk} />
        <Figure id="cpu" label="health.cpu" value={health.cpuUsage === null ? '—' : `${Math.round(health.cpuUsage)}%`} bad={false} />
      </div>
    </div>
  );
}
