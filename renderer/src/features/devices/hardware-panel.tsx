import { useState } from 'react';
import type { Action, ControlDeviceView } from '../../contract.js';
import { Panel } from '../../components/panel.js';
import { useBindingsStore } from '../../stores/bindings-store.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useProductsStore } from '../../stores/products-store.js';
import { useT } from '../../stores/prefs-store.js';
import { describeBinding } from './binding-palette.js';
import { usePaletteItems } from './use-palette.js';

// One shared empty list: a fresh [] from a selector would re-render forever.
const NONE: never[] = [];

/** Stream Decks and HID devices as the core sees them: open or not, why not, and how to fix it. */
export function HardwarePanel() {
  const t = useT();
  const controls = useDeskStore((s) => s.state?.controls ?? NONE);
  const rescan = useBindingsStore((s) => s.rescan);
  return (
    <Panel
      title={t('ctl.hardware')}
      testId="hardware"
      aside={
        <button type="button" className="btn btn-ghost" onClick={() => void rescan()} data-testid="rescan">
          {t('ctl.rescan')}
        </button>
      }
    >
      {controls.length === 0 ? <p className="empty">{t('ctl.none')}</p> : null}
      <ul className="hw-list">
        {controls.map((c) => (
          <DeviceRow key={`${c.id}|${c.path}`} device={c} />
        ))}
      </ul>
      <HidBindings />
    </Panel>
  );
}

function DeviceRow({ device }: { device: ControlDeviceView }) {
  const t = useT();
  const run = useDeskStore((s) => s.run);
  const [brightness, setBrightness] = useState<number | null>(null);
  const shown = brightness ?? device.brightness;
  return (
    <li className={`hw-device hw-${device.status}`} data-device={device.id}>
      <div className="hw-head">
        <strong>{device.name}</strong>
        <span className={`badge badge-${device.status}`}>{t(`ctl.status.${device.status}`)}</span>
      </div>
      <div className="hw-meta">
        {device.model ? <span>{device.model}</span> : null}
        {device.serial ? <span>{t('ctl.serial', { serial: device.serial })}</span> : null}
        {device.vendorId !== null && device.productId !== null ? <span>{`${device.vendorId.toString(16).padStart(4, '0')}:${device.productId.toString(16).padStart(4, '0')}`}</span> : null}
        <span className="hw-path">{device.path}</span>
      </div>
      {device.reason ? <p className="hw-reason">{device.reasonText ? t(device.reasonText, device.reason) : device.reason}</p> : null}
      {device.fix ? (
        <p className="hw-fix">
          <strong>{t('ctl.fix')}:</strong> {device.status === 'keyboard' ? t('ctl.useHotkeys') : device.fixText ? t(device.fixText, device.fix) : device.fix}
        </p>
      ) : null}
      {device.kind === 'streamdeck' && device.status === 'open' && shown !== null ? (
        <label className="hw-brightness">
          {t('ctl.brightness')}{' '}
          <input
            type="range"
            min={0}
            max={100}
            value={shown}
            onChange={(e) => setBrightness(Number(e.target.value))}
            onPointerUp={() => brightness !== null && void run({ type: 'deck.brightness', surface: device.id, percent: brightness }).then(() => setBrightness(null))}
            onKeyUp={() => brightness !== null && void run({ type: 'deck.brightness', surface: device.id, percent: brightness }).then(() => setBrightness(null))}
          />{' '}
          {shown}%
        </label>
      ) : null}
      {device.kind === 'hid' && device.status !== 'keyboard' ? <LearnControl device={device} /> : null}
    </li>
  );
}

/** Learn mode: listen to a device, capture the report of the button pressed, bind it to an action. */
function LearnControl({ device }: { device: ControlDeviceView }) {
  const t = useT();
  const learn = useDeskStore((s) => s.state?.learn ?? null);
  const store = useBindingsStore();
  const [choice, setChoice] = useState('');
  const mine = learn && (learn.device === device.id || learn.device.startsWith(`${device.id}:`) || device.id.startsWith(learn.device));
  const items = usePaletteItems().filter((i) => i.binding.kind === 'action');
  if (!mine) {
    return (
      <button type="button" className="btn" onClick={() => void store.learn(device.id)} data-testid="learn">
        {t('ctl.learn')}
      </button>
    );
  }
  const bind = async () => {
    const item = items.find((i) => i.id === choice);
    if (!item || item.binding.kind !== 'action' || !learn?.report) return;
    const action: Action = item.binding.action;
    store.update((d) => ({ ...d, hid: [...d.hid.filter((h) => !(h.device === device.id && h.report === learn.report)), { device: device.id, report: learn.report as string, action }] }));
    if (await store.save()) await store.learn(null);
  };
  return (
    <div className="learn">
      <p>{learn.report ? t('ctl.learnt', { report: learn.report }) : t('ctl.learning', { device: device.name })}</p>
      {learn.report ? (
        <>
          {t('ctl.bindLearnt')}{' '}
          <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="learn-action">
            <option value="" />
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.label}
              </option>
            ))}
          </select>{' '}
          <button type="button" className="btn btn-primary" disabled={!choice} onClick={() => void bind()}>
            {t('ctl.bind')}
          </button>
        </>
      ) : null}{' '}
      <button type="button" className="btn btn-ghost" onClick={() => void store.learn(null)}>
        {t('ctl.learnStop')}
      </button>
    </div>
  );
}

function HidBindings() {
  const t = useT();
  const hid = useBindingsStore((s) => s.saved?.hid ?? NONE);
  const products = useProductsStore((s) => s.products);
  const store = useBindingsStore();
  if (!hid.length) return null;
  return (
    <div className="hid-bindings">
      <h3>{t('ctl.hidBindings')}</h3>
      <ul>
        {hid.map((h, i) => (
          <li key={`${h.device}|${h.report}`}>
            <code>{h.device}</code> <code>{h.report}</code> → {describeBinding({ kind: 'action', action: h.action }, products, t)}{' '}
            <button
              type="button"
              className="btn btn-ghost"
              aria-label={t('bind.clearKey')}
              onClick={() => {
                store.update((d) => ({ ...d, hid: d.hid.filter((_, j) => j !== i) }));
                void store.save();
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
