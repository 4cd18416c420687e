import { useEffect, useState } from 'react';
import type { SerialDeviceConfig } from '../../contract.js';
import { useT } from '../../stores/prefs-store.js';
import { useProductsStore } from '../../stores/products-store.js';
import { configToDraft, DEVICE_KINDS, draftToConfig, EMPTY_DEVICE, NUMBER_LABELS, type DeviceDraft, type DraftErrors } from './device-form.js';
import { Field, LineFields, NetworkFields, ScaleFields, TextInput } from './device-fields.js';
import { useDevicesStore } from './devices-store.js';
import { Modal } from '../../components/modal.js';

/** Adds a device or edits one; saving replaces the stored list, and the core says what it refuses. */
export function DeviceDialog({ editing, onClose }: { editing: SerialDeviceConfig | 'new' | null; onClose(): void }) {
  const t = useT();
  const base = editing === 'new' ? null : editing;
  return (
    <Modal open={editing !== null} title={base ? t('dev.form.titleEdit', { id: base.id }) : t('dev.form.titleAdd')} onClose={onClose} testId="device-dialog" wide>
      <DeviceForm key={base?.id ?? 'new'} base={base} onDone={onClose} />
    </Modal>
  );
}

function DeviceForm({ base, onDone }: { base: SerialDeviceConfig | null; onDone(): void }) {
  const t = useT();
  const devices = useDevicesStore((s) => s.devices);
  const saveDevices = useDevicesStore((s) => s.saveDevices);
  const loadPorts = useDevicesStore((s) => s.loadPorts);
  const products = useProductsStore((s) => s.products);
  const [draft, setDraft] = useState<DeviceDraft>(() => (base ? configToDraft(base) : EMPTY_DEVICE));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void loadPorts(), [loadPorts]);
  const set = (patch: Partial<DeviceDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const props = { draft, errors, set, t };
  const network = draft.kind === 'sacn' || draft.kind === 'artnet';

  const save = async (list: unknown[]) => {
    setBusy(true);
    setServerError(null);
    const res = await saveDevices(list);
    setBusy(false);
    if (res.ok) onDone();
    else setServerError(res.message);
  };

  return (
    <form
      className="device-form"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = draftToConfig(draft, base, devices.map((d) => d.id));
        if ('errors' in parsed) return setErrors(parsed.errors);
        setErrors({});
        const others = devices.filter((d) => d.id !== base?.id);
        const at = base ? devices.findIndex((d) => d.id === base.id) : devices.length;
        void save([...others.slice(0, at), parsed.config, ...others.slice(at)]);
      }}
    >
      <div className="field-grid">
        <Field label={t('dev.form.kind')}>
          <select className="input" name="kind" value={draft.kind} onChange={(e) => set({ kind: e.target.value as DeviceDraft['kind'] })}>
            {DEVICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`dev.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('dev.form.id')}>
          <TextInput {...props} name="id" placeholder="scale1" />
        </Field>
        <Field label={t('dev.form.name')}>
          <TextInput {...props} name="name" placeholder={t(`dev.kind.${draft.kind}`)} />
        </Field>
        <Field label={t('dev.form.enabled')}>
          <input type="checkbox" name="enabled" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        </Field>
        {network ? <NetworkFields {...props} /> : <LineFields {...props} />}
        {draft.kind === 'scale' ? <ScaleFields {...props} skus={products} /> : null}
        {draft.kind === 'buttons' ? (
          <Field label={t('dev.form.buttons')}>
            <TextInput {...props} name="buttons" inputMode="numeric" />
          </Field>
        ) : null}
      </div>
      {Object.keys(errors).length || serverError ? (
        <p className="form-errors" role="alert">
          {[
            ...Object.entries(errors).map(([field, key]) => {
              const label = NUMBER_LABELS[field as keyof DeviceDraft];
              return t(key, { field: label ? t(label) : field });
            }),
            ...(serverError ? [serverError] : []),
          ].join(' · ')}
        </p>
      ) : null}
      <div className="confirm-actions">
        {base ? (
          <button type="button" className="btn btn-danger-outline btn-delete-device" disabled={busy} onClick={() => void save(devices.filter((d) => d.id !== base.id))}>
            {t('dev.form.delete')}
          </button>
        ) : null}
        <span className="spacer" />
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary btn-save-device" disabled={busy}>
          {t('dev.form.save')}
        </button>
      </div>
    </form>
  );
}
