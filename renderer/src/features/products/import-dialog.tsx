import { useEffect, useRef, useState } from 'react';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField, type ImportPreview, type ImportResult } from '../../contract.js';
import { ImportChangesNote } from './import-changes.js';
import { useT } from '../../stores/prefs-store.js';
import { useProductsStore } from '../../stores/products-store.js';

const REQUIRED: ReadonlySet<ImportField> = new Set(['sku', 'name', 'priceFen']);

/**
 * CSV/XLSX import in three steps: pick a file, check how its columns map (guessed from Chinese or
 * English headers), import; bad rows come back with their line, good rows are kept.
 */
export function ImportDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const { previewImport, runImport } = useProductsStore();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
    if (!open) {
      setFile(null);
      setPreview(null);
      setResult(null);
      setError(null);
    }
  }, [open]);

  const pick = async (picked: File) => {
    setFile(picked);
    setResult(null);
    setError(null);
    try {
      const p = await previewImport(picked.name, picked);
      setPreview(p);
      setMapping(p.mapping);
    } catch (err) {
      setPreview(null);
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await runImport(file.name, file, mapping));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  /** A changed mapping changes what the import would do: ask the desk again (nothing is written). */
  const remap = async (next: ColumnMapping) => {
    setMapping(next);
    if (!file) return;
    try {
      const p = await previewImport(file.name, file, next);
      setPreview(p);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const missing = IMPORT_FIELDS.filter((f) => REQUIRED.has(f) && mapping[f] == null);
  return (
    <dialog
      ref={ref}
      className="import-dialog import-dialog-wide"
      data-testid="import-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h3>{t('import.title')}</h3>
      <label className="btn import-pick">
        {file ? file.name : t('import.pick')}
        <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" hidden onChange={(e) => e.target.files?.[0] && void pick(e.target.files[0])} />
      </label>
      {preview ? (
        <>
          <p className="dim">{t('import.rows', { n: preview.rows, format: preview.format.toUpperCase() })}</p>
          <div className="import-body">
            <table className="table import-mapping" data-testid="import-mapping">
              <thead>
                <tr>
                  <th>{t('import.field')}</th>
                  <th>{t('import.column')}</th>
                </tr>
              </thead>
              <tbody>
                {IMPORT_FIELDS.map((f) => (
                  <tr key={f}>
                    <td>
                      {t(`field.${f}`)}
                      {REQUIRED.has(f) ? <span className="required"> *</span> : null}
                    </td>
                    <td>
                      <select
                        className="input"
                        data-field={f}
                        value={mapping[f] ?? ''}
                        aria-invalid={REQUIRED.has(f) && mapping[f] == null ? true : undefined}
                        onChange={(e) => void remap({ ...mapping, [f]: e.target.value === '' ? null : Number(e.target.value) })}
                      >
                        <option value="">{t('import.none')}</option>
                        {preview.headers.map((h, i) => (
                          <option key={i} value={i}>
                            {h || `#${i + 1}`}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="import-sample">
              <h4>{t('import.sample')}</h4>
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th>#</th>
                      {preview.headers.map((h, i) => (
                        <th key={i}>{h}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.sample.map((r) => (
                      <tr key={r.line}>
                        <td className="dim mono">{r.line}</td>
                        {preview.headers.map((_, i) => (
                          <td key={i}>{r.cells[i] ?? ''}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
          {preview.changes && !result ? <ImportChangesNote changes={preview.changes} /> : null}
        </>
      ) : null}
      {result ? (
        <div className="import-result" data-testid="import-result" role="status">
          <p className={result.errors.length ? 'warn-text' : 'ok-text'}>{t('import.done', { created: result.created, updated: result.updated, bad: result.errors.length })}</p>
          {result.errors.length ? (
            <ul className="import-errors">
              {result.errors.map((e) => (
                <li key={`${e.line}-${e.field ?? ''}`} data-line={e.line}>
                  <span className="mono">{t('import.line', { line: e.line })}</span> {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p className="form-errors" role="alert">
          {error}
        </p>
      ) : null}
      <div className="confirm-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('import.close')}
        </button>
        <button type="button" className="btn btn-primary import-run" disabled={!preview || busy || missing.length > 0} onClick={() => void run()}>
          {t('import.run')}
        </button>
      </div>
    </dialog>
  );
}
