import { useEffect } from 'react';
import { formatMoney } from '../lib/format.js';
import { translate } from '../lib/i18n.js';
import { kpiItems, pickItems } from './kpi-items.js';
import { useKpiFeed } from './kpi-feed-store.js';
import type { ViewOptions } from './view-options.js';

export type TickerLayout = 'bar' | 'compact';
export const TICKER_LAYOUTS = ['bar', 'compact'] as const;

/** A KPI strip for OBS Browser Source (transparent 1920×1080): a bottom bar or a compact corner box. */
export function KpiTicker({ url, token, options }: { url: string; token: string | null; options: ViewOptions<TickerLayout> }) {
  const frame = useKpiFeed((s) => s.frame);
  const renders = useKpiFeed((s) => s.renders);
  const link = useKpiFeed((s) => s.socket.kind);
  const { layout, theme, lang } = options;
  useEffect(() => {
    if (token) useKpiFeed.getState().start(url, token);
  }, [url, token]);

  if (!frame) return <div className="stage" data-testid="kpi-ticker" data-link={link} />;
  const ids = layout === 'bar' ? (['online', 'gmv', 'orders', 'conversion', 'uvValueFen', 'gpmFen'] as const) : (['online', 'gmv', 'orders'] as const);
  const items = pickItems(kpiItems(frame.kpi), ids);
  const product = frame.product;
  return (
    <div className="stage" data-link={link}>
      <div className={`ticker ticker-${layout} theme-${theme}`} data-testid="kpi-ticker" data-layout={layout} data-theme={theme} data-rev={frame.rev} data-renders={renders}>
        {items.map((item) => (
          <div key={item.id} className="ticker-item" data-testid={`ticker-${item.id}`}>
            <span className="ticker-label">{translate(lang, item.label)}</span>
            <span className="ticker-value">{item.value}</span>
          </div>
        ))}
        {product && layout === 'bar' ? (
          <div className="ticker-item ticker-product" data-testid="ticker-product">
            <span className="ticker-label">{translate(lang, 'k.nowExplaining')} · {product.name}</span>
            <span className="ticker-value">{translate(lang, 'k.tickerExplain', { orders: product.orders, gmv: formatMoney(product.gmvFen) })}</span>
          </div>
        ) : null}
      </div>
    </div>
  );
}
