import { useState } from 'react';
import { useT } from '../../stores/prefs-store.js';
import { cueToDraft, draftsToCues, EMPTY_CUE, type CueDraft, type CueErrors } from './cue-form.js';
import { useDevicesStore } from './devices-store.js';
import { Modal } from '../../components/modal.js';

/** A table of cues: name, channel values, fade, and the product or scene that brings each along. */
export function CueEditor({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  return (
    <Modal open={open} title={t('cue.title')} onClose={onClose} testId="cue-editor" wide>
      <CueTable onDone={onClose} />
    </Modal>
  );
}

function CueTable({ onDone }: { onDone(): void }) {
  const t = useT();
  const cues = useDevicesStore((s) => s.cues);
  const saveCues = useDevicesStore((s) => s.saveCues);
  // Where a cue goes: one light output, or every one (no device). Buttons and scales take no cues.
  const lights = useDevicesStore((s) => s.devices).filter((d) => d.kind !== 'scale' && d.kind !== 'buttons');
  const [drafts, setDrafts] = useState<CueDraft[]>(() => (cues.length ? cues.map(cueToDraft) : [EMPTY_CUE]));
  const [errors, setErrors] = useState<CueErrors>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const edit = (i: number, patch: Partial<CueDraft>) => setDrafts((all) => all.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <form
      className="cue-form"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = draftsToCues(drafts);
        if ('errors' in parsed) return setErrors(parsed.errors);
        setErrors([]);
        void saveCues(parsed.cues).then((res) => (res.ok ? onDone() : setServerError(res.message)));
      }}
    >
      <table className="table cue-table">
        <thead>
          <tr>
            <th>{t('cue.name')}</th>
            <th>{t('cue.channels')}</th>
            <th>{t('cue.fade')}</th>
            <th>{t('cue.product')}</th>
            <th>{t('cue.scene')}</th>
            <th>{t('cue.device')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {drafts.map((d, i) => (
            <tr key={i} data-row={i}>
              <td>
                <input className="input" name="cue-name" value={d.name} onChange={(e) => edit(i, { name: e.target.value })} />
              </td>
              <td>
                <input className="input" name="cue-channels" value={d.channels} placeholder="1=255, 2=128" onChange={(e) => edit(i, { channels: e.target.value })} />
              </td>
              <td>
                <input className="input input-narrow" name="cue-fade" value={d.fade} inputMode="numeric" onChange={(e) => edit(i, { fade: e.target.value })} />
              </td>
              <td>
                <input className="input input-narrow" name="cue-product" value={d.product} onChange={(e) => edit(i, { product: e.target.value })} />
              </td>
              <td>
                <input className="input input-narrow" name="cue-scene" value={d.scene} onChange={(e) => edit(i, { scene: e.target.value })} />
              </td>
              <td>
                <select className="input input-narrow" name="cue-device" value={d.device ?? ''} onChange={(e) => edit(i, { device: e.target.value || undefined })}>
                  <option value="">{t('cue.allDevices')}</option>
                  {[...lights.map((l) => ({ id: l.id, name: l.name ?? l.id })), ...(d.device && !lights.some((l) => l.id === d.device) ? [{ id: d.device, name: d.device }] : [])].map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button type="button" className="btn btn-small btn-ghost" onClick={() => setDrafts((all) => all.filter((_, j) => j !== i))}>
                  {t('cue.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn-small btn-add-cue" onClick={() => setDrafts((all) => [...all, EMPTY_CUE])}>
        {t('cue.add')}
      </button>
      {errors.length || serverError ? (
        <p className="form-errors" role="alert">
          {[...errors.map((e) => t(e.key, { n: e.n, field: t('cue.fade') })), ...(serverError ? [serverError] : [])].join(' · ')}
        </p>
      ) : null}
      <div className="confirm-actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary btn-save-cues">
          {t('cue.save')}
        </button>
      </div>
    </form>
  );
}
