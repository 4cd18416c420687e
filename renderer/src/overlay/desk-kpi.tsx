import { useEffect } from 'react';
import { formatMoney, formatTime } from '../lib/format.js';
import { translate, type Lang } from '../lib/i18n.js';
import { kpiItems } from './kpi-items.js';
import { useKpiFeed } from './kpi-feed-store.js';
import { KpiTerm, KpiValue } from './kpi-figure.js';

/**
 * The compact desk KPI view: every number of kpi.md with its basis, the explained product's sales,
 * alerts and data sources. Opened in a browser at /kpi, and by the shell as an always-on-top window.
 */
export function DeskKpi({ url, token, lang }: { url: string; token: string | null; lang: Lang }) {
  const frame = useKpiFeed((s) => s.frame);
  const link = useKpiFeed((s) => s.socket.kind);
  useEffect(() => {
    document.documentElement.classList.add('desk-kpi-page');
    if (token) useKpiFeed.getState().start(url, token);
  }, [url, token]);

  const items = frame ? kpiItems(frame.kpi) : [];
  const product = frame?.product ?? null;
  return (
    <main className="desk-kpi" data-testid="desk-kpi" data-link={link} data-rev={frame?.rev ?? -1}>
      <header className="desk-kpi-head">
        <h1>{translate(lang, 'k.title')}</h1>
        {link !== 'open' && frame ? <span className="desk-kpi-offline">{translate(lang, 'k.offline')}</span> : null}
      </header>
      {token ? null : (
        <p className="desk-kpi-offline" data-testid="desk-kpi-no-token">
          {translate(lang, 'k.noToken')}
        </p>
      )}
      {frame?.alerts?.length ? (
        <ul className="desk-kpi-alerts" data-testid="desk-kpi-alerts">
          {frame.alerts.map((a) => (
            <li key={a.id} className={`alert-${a.level}`}>
              <time>{formatTime(a.ts)}</time> {a.text}
            </li>
          ))}
        </ul>
      ) : null}
      {product ? (
        <p className="desk-kpi-explain" data-testid="desk-kpi-explain">
          <b>{product.name}</b> {translate(lang, 'k.sinceExplain', { orders: product.orders, gmv: formatMoney(product.gmvFen) })}
        </p>
      ) : null}
      <dl className="desk-kpi-list">
        {items.map((item) => (
          <div key={item.id} className="desk-kpi-row" data-testid={`desk-kpi-${item.id}`}>
            <KpiTerm item={item} lang={lang} />
            <KpiValue item={item} />
          </div>
        ))}
      </dl>
      {frame?.ingest?.length ? (
        <ul className="desk-kpi-sources">
          {frame.ingest.map((s) => (
            <li key={s.source}>
              {s.source} · {translate(lang, 'ingest.rate', { n: s.perSecond })}
            </li>
          ))}
        </ul>
      ) : null}
    </main>
  );
}
