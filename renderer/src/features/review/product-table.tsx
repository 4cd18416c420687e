import { useState } from 'react';
import type { ProductStats } from '../../contract.js';
import { formatCount, formatDuration, formatMoney } from '../../lib/format.js';
import type { StringKey } from '../../lib/i18n.js';
import { useT } from '../../stores/prefs-store.js';
import { MIN_RATE_MINUTES, perMinuteCell, sortProducts, type SortKey } from './product-sort.js';
import { formatSigned } from './review-format.js';

const COLUMNS: { key: SortKey; label: StringKey; num: boolean }[] = [
  { key: 'name', label: 'review.product', num: false },
  { key: 'explains', label: 'rv.explains', num: true },
  { key: 'explainMs', label: 'rv.explainTime', num: true },
  { key: 'gmvDuringFen', label: 'rv.gmvDuring', num: true },
  { key: 'ordersDuring', label: 'rv.ordersDuring', num: true },
  { key: 'gmvOutsideFen', label: 'rv.gmvOutside', num: true },
  { key: 'ordersOutside', label: 'rv.ordersOutside', num: true },
  { key: 'gmvPerExplainMinuteFen', label: 'rv.gmvPerMin', num: true },
  { key: 'onlineChange', label: 'rv.onlineChange', num: true },
  { key: 'flashSales', label: 'rv.flashSales', num: true },
];

/** Per product: what only the desk knows — sales during its explains, per explain-minute, audience change. */
export function ProductTable({ products, currency, testId = 'products-table' }: { products: ProductStats[]; currency: string; testId?: string }) {
  const t = useT();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'gmvPerExplainMinuteFen', desc: true });
  if (!products.length) return <p className="empty">{t('rv.noProducts')}</p>;
  const rows = sortProducts(products, sort.key, sort.desc);
  return (
    <div className="table-scroll">
      <table className="table rv-products" data-testid={testId}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} className={c.num ? 'num' : ''} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="th-sort" data-sort={c.key} onClick={() => setSort({ key: c.key, desc: sort.key === c.key ? !sort.desc : c.num })}>
                  {t(c.label)}
                  {sort.key === c.key ? (sort.desc ? ' ▾' : ' ▴') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.sku} data-sku={p.sku}>
              <td className="product-name">
                {p.name} <span className="mono dim">{p.sku}</span>
              </td>
              <td className="num">{formatCount(p.explains)}</td>
              <td className="num">{p.explainMs ? formatDuration(p.explainMs) : '—'}</td>
              <td className="num">{formatMoney(p.gmvDuringFen, currency)}</td>
              <td className="num">{formatCount(p.ordersDuring)}</td>
              <td className="num">{formatMoney(p.gmvOutsideFen, currency)}</td>
              <td className="num">{formatCount(p.ordersOutside)}</td>
              <PerMinuteTd product={p} currency={currency} />
              <td className="num mono">{p.onlineChanges.length ? p.onlineChanges.map(formatSigned).join(' ') : '—'}</td>
              <td className="num">
                {p.flashSales.length
                  ? p.flashSales.map((f) => `${f.orders}${f.stock !== null ? `/${f.stock}` : ''} · ${formatMoney(f.gmvFen, currency)}`).join('; ')
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dim" data-testid="per-minute-note">
        {t('rv.perMinNote', { minutes: MIN_RATE_MINUTES })}
      </p>
    </div>
  );
}

/** The per-explain-minute figure, or why there is none: a short explain is not ranked (MIN_EXPLAIN_MS_FOR_RATE). */
function PerMinuteTd({ product, currency }: { product: ProductStats; currency: string }) {
  const t = useT();
  const cell = perMinuteCell(product);
  return (
    <td className="num strong money-text" data-col="per-minute">
      {cell.kind === 'rate' ? formatMoney(cell.fen, currency) : cell.kind === 'tooShort' ? <span className="dim">{t('rv.perMinTooShort', { minutes: cell.minutes })}</span> : '—'}
    </td>
  );
}
