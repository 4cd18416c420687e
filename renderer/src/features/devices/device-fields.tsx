import type { ReactNode } from 'react';
import type { Translate } from '../../lib/i18n.js';
import { useDevicesStore } from './devices-store.js';
import { BAUD_RATES, PARITIES, SCALE_PRESETS, UNITS, withProtocol, type DeviceDraft, type DraftErrors } from './device-form.js';

export type FieldProps = { draft: DeviceDraft; errors: DraftErrors; set(patch: Partial<DeviceDraft>): void; t: Translate };

export function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={`field ${wide ? 'field-wide' : ''}`}>
      <span className="field-label">{label}</span>
      {children}
    </label>
  );
}

/** A text input bound to one draft field. */
export function TextInput({ name, draft, errors, set, ...rest }: FieldProps & { name: keyof DeviceDraft; placeholder?: string; inputMode?: 'numeric' | 'decimal' }) {
  return <input className="input" name={name} value={String(draft[name])} aria-invalid={errors[name] ? true : undefined} onChange={(e) => set({ [name]: e.target.value })} {...rest} />;
}

/** Port picker (what the OS lists) plus the path itself: pseudo-terminals and symlinks never list. */
export function LineFields(p: FieldProps) {
  const { draft, set, t } = p;
  const ports = useDevicesStore((s) => s.ports);
  const loadPorts = useDevicesStore((s) => s.loadPorts);
  return (
    <>
      <Field label={t('dev.form.port')} wide>
        <span className="field-row">
          <select className="input" name="port-pick" value={ports.some((x) => x.path === draft.path) ? draft.path : ''} onChange={(e) => e.target.value && set({ path: e.target.value })}>
            <option value="">{t('dev.form.portPick')}</option>
            {ports.map((port) => (
              <option key={port.path} value={port.path}>
                {port.path}
                {port.manufacturer ? ` — ${port.manufacturer}` : ''}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-small" onClick={() => void loadPorts()}>
            {t('dev.form.refresh')}
          </button>
        </span>
      </Field>
      <Field label={t('dev.form.path')} wide>
        <TextInput {...p} name="path" placeholder="/dev/ttyUSB0" />
      </Field>
      {ports.length === 0 ? <p className="field-note field-full">{t('dev.form.portsNone')}</p> : null}
      {draft.kind === 'dmx-open' ? null : (
        <>
          <Field label={t('dev.form.baud')}>
            <select className="input" name="baudRate" value={draft.baudRate} onChange={(e) => set({ baudRate: e.target.value })}>
              {[...new Set([...BAUD_RATES, draft.baudRate])].map((b) => (
                <option key={b}>{b}</option>
              ))}
            </select>
          </Field>
          <Field label={t('dev.form.dataBits')}>
            <select className="input" name="dataBits" value={draft.dataBits} onChange={(e) => set({ dataBits: e.target.value })}>
              {['8', '7', '6', '5'].map((b) => (
                <option key={b}>{b}</option>
              ))}
            </select>
          </Field>
          <Field label={t('dev.form.parity')}>
            <select className="input" name="parity" value={draft.parity} onChange={(e) => set({ parity: e.target.value as DeviceDraft['parity'] })}>
              {PARITIES.map((v) => (
                <option key={v} value={v}>
                  {t(`dev.parity.${v}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('dev.form.stopBits')}>
            <select className="input" name="stopBits" value={draft.stopBits} onChange={(e) => set({ stopBits: e.target.value })}>
              {['1', '1.5', '2'].map((b) => (
                <option key={b}>{b}</option>
              ))}
            </select>
          </Field>
        </>
      )}
    </>
  );
}

export function ScaleFields(p: FieldProps & { skus: readonly { sku: string; name: string }[] }) {
  const { draft, set, t, skus } = p;
  return (
    <>
      <Field label={t('dev.form.protocol')} wide>
        <select className="input" name="protocol" value={draft.protocol} onChange={(e) => set(withProtocol(draft, e.target.value as DeviceDraft['protocol']))}>
          {SCALE_PRESETS.map((v) => (
            <option key={v} value={v}>
              {t(`dev.proto.${v}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('dev.form.mode')}>
        <select className="input" name="mode" value={draft.mode} onChange={(e) => set({ mode: e.target.value as DeviceDraft['mode'] })}>
          <option value="continuous">{t('dev.mode.continuous')}</option>
          <option value="request">{t('dev.mode.request')}</option>
        </select>
      </Field>
      <Field label={t('dev.form.unit')}>
        <select className="input" name="unit" value={draft.unit} onChange={(e) => set({ unit: e.target.value as DeviceDraft['unit'] })}>
          {UNITS.map((u) => (
            <option key={u}>{u}</option>
          ))}
        </select>
      </Field>
      {draft.protocol === 'custom' ? (
        <Field label={t('dev.form.pattern')} wide>
          <TextInput {...p} name="pattern" placeholder="^(?<status>ST|US),\s*(?<weight>[-+\d.]+)\s*(?<unit>\w+)" />
        </Field>
      ) : null}
      <fieldset className="field-group field-wide">
        <legend>
          <label className="check">
            <input type="checkbox" name="triggerOn" checked={draft.triggerOn} onChange={(e) => set({ triggerOn: e.target.checked })} />
            {t('dev.form.triggerOn')}
          </label>
        </legend>
        {draft.triggerOn ? (
          <div className="field-grid">
            <Field label={t('dev.form.threshold')}>
              <TextInput {...p} name="threshold" inputMode="decimal" />
            </Field>
            <Field label={t('dev.form.hysteresis')}>
              <TextInput {...p} name="hysteresis" inputMode="decimal" />
            </Field>
            <Field label={t('dev.form.stableMs')}>
              <TextInput {...p} name="stableMs" inputMode="numeric" />
            </Field>
            <Field label={t('dev.form.onRemove')}>
              <select className="input" name="onRemove" value={draft.onRemove} onChange={(e) => set({ onRemove: e.target.value as DeviceDraft['onRemove'] })}>
                <option value="clear">{t('dev.remove.clear')}</option>
                <option value="none">{t('dev.remove.none')}</option>
              </select>
            </Field>
            <Field label={t('dev.form.onPlace')} wide>
              <select className="input" name="onPlace" value={draft.onPlace} onChange={(e) => set({ onPlace: e.target.value as DeviceDraft['onPlace'] })}>
                <option value="next">{t('dev.place.next')}</option>
                <option value="explain">{t('dev.place.explain')}</option>
                <option value="match">{t('dev.place.match')}</option>
              </select>
            </Field>
            {draft.onPlace === 'explain' ? (
              <Field label={t('dev.form.sku')} wide>
                <select className="input" name="sku" value={draft.sku} aria-invalid={p.errors.sku ? true : undefined} onChange={(e) => set({ sku: e.target.value })}>
                  <option value="">—</option>
                  {skus.map((s) => (
                    <option key={s.sku} value={s.sku}>
                      {s.name} ({s.sku})
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
            {draft.onPlace === 'match' ? (
              <Field label={t('dev.form.ranges')} wide>
                <textarea className="input textarea" name="ranges" rows={3} value={draft.ranges} aria-invalid={p.errors.ranges ? true : undefined} placeholder={'TEA-250 240 260\nTEA-500 480 520'} onChange={(e) => set({ ranges: e.target.value })} />
              </Field>
            ) : null}
          </div>
        ) : null}
      </fieldset>
    </>
  );
}

export function NetworkFields(p: FieldProps) {
  const { draft, t } = p;
  return (
    <>
      <Field label={t('dev.form.host')} wide>
        <TextInput {...p} name="host" placeholder={draft.kind === 'sacn' ? '239.255.0.1' : '255.255.255.255'} />
      </Field>
      <Field label={t('dev.form.udpPort')}>
        <TextInput {...p} name="port" inputMode="numeric" placeholder={draft.kind === 'sacn' ? '5568' : '6454'} />
      </Field>
      <Field label={t('dev.form.universe')}>
        <TextInput {...p} name="universe" inputMode="numeric" />
      </Field>
      {draft.kind === 'sacn' ? (
        <Field label={t('dev.form.priority')}>
          <TextInput {...p} name="priority" inputMode="numeric" />
        </Field>
      ) : null}
    </>
  );
}
