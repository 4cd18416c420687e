import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { Panel } from '../../components/panel.js';
import { sessionListItemSchema, type SessionListItem } from '../../contract.js';
import { whenLinked } from '../../lib/desk-link.js';
import { formatDateTime, formatMoney } from '../../lib/format.js';
import { kt } from '../../lib/kpi-strings.js';
import { usePrefsStore } from '../../stores/prefs-store.js';

const summarySchema = z.looseObject({
  platform: z.enum(['douyin', 'taobao']),
  kind: z.enum(['minutes', 'products', 'sessions']),
  rows: z.int(),
  merged: z.int(),
  gmvFen: z.int(),
  payFen: z.int(),
  orders: z.int(),
  unknownColumns: z.array(z.string()),
  unmatched: z.array(z.object({ productId: z.string(), name: z.string() })),
});

/** Post-show: merge a platform's minute or product export into a session (POST /sessions/:id/import). */
export function ImportPanel() {
  const lang = usePrefsStore((s) => s.lang);
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [sessions, setSessions] = useState<SessionListItem[]>([]);
  const [sessionId, setSessionId] = useState('');
  const [platform, setPlatform] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
    if (!open) return;
    void whenLinked()
      .then(({ api }) => api.get('/sessions', z.array(sessionListItemSchema)))
      .then((list) => {
        setSessions(list);
        setSessionId((current) => current || list[0]?.id || '');
      })
      .catch(() => undefined);
  }, [open]);

  const submit = async () => {
    if (!file || !sessionId) return;
    setBusy(true);
    setResult(null);
    try {
      const { api } = await whenLinked();
      const query = platform ? `?platform=${platform}` : '';
      const s = await api.upload(`/sessions/${encodeURIComponent(sessionId)}/import${query}`, file, summarySchema);
      // Nothing read is hidden: columns the importer does not know and products the catalog lacks are named.
      const lines = [
        kt(lang, 'import.done', { platform: kt(lang, `import.${s.platform}`), kind: kt(lang, `import.kind.${s.kind}`), rows: s.rows, replaced: s.merged, gmv: formatMoney(s.gmvFen), pay: formatMoney(s.payFen), orders: s.orders }),
        s.unknownColumns.length ? kt(lang, 'import.unknown', { columns: s.unknownColumns.join('、') }) : '',
        s.unmatched.length ? kt(lang, 'import.unmatched', { products: s.unmatched.map((p) => p.name).join('、') }) : '',
      ];
      setResult({ ok: true, text: lines.filter(Boolean).join('\n') });
    } catch (err) {
      setResult({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title={kt(lang, 'import.title')} className="import-panel" testId="import-panel">
      <button type="button" className="btn" data-testid="import-open" onClick={() => setOpen(true)}>
        {kt(lang, 'import.open')}
      </button>
      <dialog ref={ref} className="import-dialog" data-testid="import-dialog" onCancel={(e) => (e.preventDefault(), setOpen(false))}>
        <h3>{kt(lang, 'import.title')}</h3>
        <p className="import-hint">{kt(lang, 'import.hint')}</p>
        <label>
          {kt(lang, 'import.session')}
          <select value={sessionId} onChange={(e) => setSessionId(e.target.value)} data-testid="import-session">
            {sessions.length === 0 ? <option value="">{kt(lang, 'import.noSession')}</option> : null}
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} · {formatDateTime(s.startedAt)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {kt(lang, 'import.platform')}
          <select value={platform} onChange={(e) => setPlatform(e.target.value)} data-testid="import-platform">
            <option value="">{kt(lang, 'import.auto')}</option>
            <option value="douyin">{kt(lang, 'import.douyin')}</option>
            <option value="taobao">{kt(lang, 'import.taobao')}</option>
          </select>
        </label>
        <label>
          {kt(lang, 'import.file')}
          <input type="file" accept=".csv,.tsv,.txt,.xlsx" data-testid="import-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        {result ? (
          <p className={result.ok ? 'import-ok' : 'import-error'} style={{ whiteSpace: 'pre-line' }} data-testid="import-result" data-ok={result.ok}>
            {result.text}
          </p>
        ) : null}
        <div className="import-actions">
          <button type="button" className="btn" onClick={() => setOpen(false)}>
            {kt(lang, 'import.close')}
          </button>
          <button type="button" className="btn btn-primary" disabled={!file || !sessionId || busy} data-testid="import-submit" onClick={() => void submit()}>
            {kt(lang, busy ? 'import.busy' : 'import.submit')}
          </button>
        </div>
      </dialog>
    </Panel>
  );
}
