import { useState } from 'react';
import { useT } from '../../stores/prefs-store.js';
import { useReviewDeskStore } from '../../stores/review-desk-store.js';

const TABLES = ['products', 'segments', 'curve', 'kpis', 'lanes', 'notes', 'sessions'] as const;

/** Downloads: the offline HTML report, a CSV of any table, the session bundle. */
export function ExportMenu({ ids }: { ids: string[] }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const single = ids.length === 1;
  // PDF: Electron's printer where the shell offers it; elsewhere the core prints the same report with headless Chromium.
  const pdf = window.livedesk?.saveReportPdf;
  const base = single ? `/sessions/${encodeURIComponent(ids[0] as string)}/export?` : `/review/export?ids=${ids.map(encodeURIComponent).join(',')}&`;
  const get = (query: string, name: string) => {
    setError(null);
    useReviewDeskStore
      .getState()
      .download(`${base}${query}`, name)
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };
  return (
    <div className="rv-export" data-testid="export">
      <span className="dim">{t('rv.export')}</span>
      <button type="button" className="btn btn-small" data-export="html" onClick={() => get(`format=html&tz=${new Date().getTimezoneOffset()}`, 'livedesk-report.html')}>
        {t('rv.exportHtml')}
      </button>
      {single ? (
        <select
          className="input input-small"
          aria-label="CSV"
          value=""
          onChange={(e) => e.target.value && get(`format=csv&table=${e.target.value}&tz=${new Date().getTimezoneOffset()}`, `livedesk-${e.target.value}.csv`)}
        >
          <option value="">CSV…</option>
          {TABLES.map((table) => (
            <option key={table} value={table}>
              {t('rv.exportCsv', { table })}
            </option>
          ))}
        </select>
      ) : null}
      <button
        type="button"
        className="btn btn-small"
        data-export="pdf"
        onClick={() => {
          setError(null);
          if (pdf) pdf(ids).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
          else get(`format=pdf&tz=${new Date().getTimezoneOffset()}`, 'livedesk-report.pdf');
        }}
      >
        PDF
      </button>
      <button type="button" className="btn btn-small" data-export="bundle" onClick={() => get('format=bundle', 'livedesk.ldbundle')}>
        {t('rv.exportBundle', { n: ids.length })}
      </button>
      {error ? <span className="error-text">{error}</span> : null}
    </div>
  );
}
