import { useEffect, useRef } from 'react';
import { formatMoney, formatTime } from '../lib/format.js';
import { kt } from '../lib/kpi-strings.js';
import { useNow } from '../lib/use-now.js';
import { kpiItems, pickItems, type KpiItemId } from './kpi-items.js';
import { useKpiFeed } from './kpi-feed-store.js';
import { Sparkline } from './sparkline.js';
import { useTablePages } from './use-table-pages.js';
import type { ViewOptions } from './view-options.js';

export type BoardLayout = 'grid' | 'focus';
export const BOARD_LAYOUTS = ['grid', 'focus'] as const;

// Online and GMV are the hero panels above the tiles.
const GRID_TILES: KpiItemId[] = ['peakOnline', 'averageOnline', 'viewersUv', 'orders', 'buyers', 'conversion', 'perBuyerFen', 'uvValueFen', 'gpmFen', 'clickToOrder', 'followerConversion', 'roi'];
const FOCUS_TILES: KpiItemId[] = ['orders', 'buyers', 'conversion', 'uvValueFen'];

/** The full-screen data board (大屏) for a second monitor or a Browser Source, 1920×1080. */
export function KpiBoard({ url, token, options }: { url: string; token: string | null; options: ViewOptions<BoardLayout> }) {
  const frame = useKpiFeed((s) => s.frame);
  const history = useKpiFeed((s) => s.history);
  const renders = useKpiFeed((s) => s.renders);
  const link = useKpiFeed((s) => s.socket.kind);
  const now = useNow(1000);
  const { layout, theme, lang } = options;
  useEffect(() => {
    if (token) useKpiFeed.getState().start(url, token);
  }, [url, token]);

  const items = frame ? kpiItems(frame.kpi) : [];
  const product = frame?.product ?? null;
  // Every product, a page at a time: the table pages by itself to fit the canvas (issue 17).
  const tableBox = useRef<HTMLDivElement>(null);
  const pages = useTablePages(tableBox, frame?.kpi.detail?.products ?? [], now);
  const products = pages.page;
  return (
    <div className={`board board-${layout} theme-${theme}`} data-testid="kpi-board" data-layout={layout} data-theme={theme} data-rev={frame?.rev ?? -1} data-renders={renders} data-link={link}>
      <header className="board-head">
        <h1>{kt(lang, 'k.title')}</h1>
        <span className={`board-link board-link-${link}`} aria-hidden />
        <time className="board-clock">{formatTime(now)}</time>
      </header>
      <section className="board-hero">
        <div className="board-gmv" data-testid="board-gmv">
          <span className="board-label">{kt(lang, 'k.gmv')}</span>
          <span className="board-gmv-value">{frame ? formatMoney(frame.kpi.gmvFen) : '—'}</span>
          <Sparkline points={history} pick={(p) => p.gmvFen} width={760} height={90} />
        </div>
        <div className="board-online" data-testid="board-online">
          <span className="board-label">{kt(lang, 'k.online')}</span>
          <span className="board-online-value">{items.find((i) => i.id === 'online')?.value ?? '—'}</span>
          <Sparkline points={history} pick={(p) => p.online} width={560} height={90} testId="board-online-spark" />
        </div>
      </section>
      <section className="board-tiles">
        {pickItems(items, layout === 'grid' ? GRID_TILES : FOCUS_TILES).map((item) => (
          <div key={item.id} className="board-tile" data-testid={`board-${item.id}`}>
            <span className="board-label">
              {kt(lang, item.label)}
              {item.basis ? <em className="basis">{kt(lang, `basis.${item.basis}`)}</em> : null}
            </span>
            <span className="board-tile-value">{item.value}</span>
          </div>
        ))}
      </section>
      <section className="board-bottom">
        {product ? (
          <div className="board-explain" data-testid="board-explain">
            <span className="board-label">{kt(lang, 'k.nowExplaining')}</span>
            <span className="board-explain-name">{product.name}</span>
            <span className="board-explain-sales">{kt(lang, 'k.sinceExplain', { orders: product.orders, gmv: formatMoney(product.gmvFen) })}</span>
          </div>
        ) : null}
        <div className="board-products-box" ref={tableBox} data-page={pages.index} data-pages={pages.count} data-measured={pages.measured}>
          <table className="board-products" data-testid="board-products">
            <thead>
              <tr>
                <th>{kt(lang, 'k.sku')}</th>
                <th>{kt(lang, 'k.gmv')}</th>
                <th>{kt(lang, 'k.orders')}</th>
                <th>{kt(lang, 'k.explainSales')}</th>
              </tr>
            </thead>
            <tbody>
              {products.length === 0 ? (
                <tr>
                  <td colSpan={4} className="board-empty">{kt(lang, 'k.noProducts')}</td>
                </tr>
              ) : (
                products.map((p) => (
                  <tr key={p.sku} data-sku={p.sku} className={product?.sku === p.sku ? 'is-explaining' : ''}>
                    <td>{p.name ?? p.sku}</td>
                    <td>{formatMoney(p.gmvFen)}</td>
                    <td>{p.orders}</td>
                    <td>{formatMoney(p.explainGmvFen)} · {p.explainOrders}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
          {pages.count > 1 ? (
            <span className="board-page" data-testid="board-page">
              {pages.index + 1}/{pages.count}
            </span>
          ) : null}
        </div>
      </section>
    </div>
  );
}
