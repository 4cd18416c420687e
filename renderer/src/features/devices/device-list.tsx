import { useState } from 'react';
import type { SerialDeviceConfig, SerialDeviceView } from '../../contract.js';
import { Panel } from '../../components/panel.js';
import { useNow } from '../../lib/use-now.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { DeviceDialog } from './device-dialog.js';
import { useDevicesStore } from './devices-store.js';

const NO_DEVICES: SerialDeviceView[] = [];

/** Every device with the status its link really has (open, no data, reconnecting, error + reason) and its counters. */
export function DevicesPanel({ disabled }: { disabled: boolean }) {
  const t = useT();
  const live = useDeskStore((s) => s.state?.serial ?? NO_DEVICES);
  const stored = useDevicesStore((s) => s.devices);
  const error = useDevicesStore((s) => s.error);
  const [editing, setEditing] = useState<SerialDeviceConfig | 'new' | null>(null);
  return (
    <Panel
      title={t('dev.title')}
      className="devices-panel"
      testId="devices"
      aside={
        <button type="button" className="btn btn-small btn-add-device" disabled={disabled} onClick={() => setEditing('new')}>
          {t('dev.add')}
        </button>
      }
    >
      {live.length === 0 ? <p className="empty">{t('dev.none')}</p> : null}
      {error ? <p className="empty error-text">{error}</p> : null}
      <ul className="device-list">
        {live.map((d) => {
          const config = stored.find((c) => c.id === d.id) ?? null;
          return <DeviceRow key={d.id} device={d} onEdit={config && !disabled ? () => setEditing(config) : null} />;
        })}
      </ul>
      <DeviceDialog editing={editing} onClose={() => setEditing(null)} />
    </Panel>
  );
}

function DeviceRow({ device, onEdit }: { device: SerialDeviceView; onEdit: (() => void) | null }) {
  const t = useT();
  const now = useNow(1000);
  const { live } = device;
  const retryIn = live.retryAt ? Math.max(0, Math.ceil((live.retryAt - now) / 1000)) : null;
  const counters = live.badFrames + live.badChecksums + live.garbageBytes > 0 || live.bytesIn > 0;
  return (
    <li className="device-row" data-device={device.id} data-status={live.status}>
      <div className="device-main">
        <span className={`link-dot link-${live.status}`} aria-hidden />
        <span className="device-name">{device.name}</span>
        <span className="device-kind">{t(`dev.kind.${device.kind}`)}</span>
        <span className={`device-status status-${live.status}`}>{t(`dev.status.${live.status}`)}</span>
        {onEdit ? (
          <button type="button" className="btn btn-small btn-ghost btn-edit-device" onClick={onEdit}>
            {t('dev.edit')}
          </button>
        ) : null}
      </div>
      <div className="device-detail mono dim">{device.path}</div>
      {live.reason ? (
        <div className="device-reason">
          {live.reasonText ? t(live.reasonText, live.reason) : live.reason}
          {retryIn !== null ? ` · ${t('dev.retryIn', { s: retryIn })}` : ''}
        </div>
      ) : null}
      {counters ? (
        <div className="device-counters dim" data-testid="device-counters">
          {t('dev.counters', { bytes: live.bytesIn.toLocaleString('en-US'), frames: live.badFrames, sums: live.badChecksums, garbage: live.garbageBytes })}
        </div>
      ) : null}
    </li>
  );
}
