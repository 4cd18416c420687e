import { useState } from 'react';
import { actionSchema, MARK_PRESETS } from '../../contract.js';
import { fenToYuanInput, formatClock, formatMoney, parseYuanToFen } from '../../lib/format.js';
import { useNow } from '../../lib/use-now.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { useProductsStore } from '../../stores/products-store.js';

/** 秒杀 from the desk: start one (price defaults to the catalog's flash price), watch its clock and stock. */
export function FlashSalePanel({ disabled }: { disabled: boolean }) {
  const t = useT();
  const sale = useDeskStore((s) => s.state?.flashSale ?? null);
  const last = useDeskStore((s) => s.state?.lastFlashSale ?? null);
  const current = useDeskStore((s) => s.state?.product?.sku ?? '');
  const run = useDeskStore((s) => s.run);
  const products = useProductsStore((s) => s.products);
  const now = useNow(250);
  const [sku, setSku] = useState('');
  const [price, setPrice] = useState('');
  const [seconds, setSeconds] = useState('60');
  const [stock, setStock] = useState('');
  const [warmup, setWarmup] = useState('');
  const [problem, setProblem] = useState<'flash.badSeconds' | 'flash.badStock' | 'flash.badWarmup' | 'flash.badPrice' | null>(null);
  const chosen = sku || current || products[0]?.sku || '';
  const product = products.find((p) => p.sku === chosen);

  if (sale) {
    // 预热: announced, not open yet — the clock counts down to the opening.
    const warmup = now < sale.startedAt;
    const left = warmup ? sale.startedAt - now : Math.max(0, sale.endsAt - now);
    return (
      <section className="flash flash-live" data-testid="flash-sale" data-sku={sale.sku}>
        <span className="now-label flash-label">{t('flash.title')}</span>
        <div className="flash-name">{sale.name}</div>
        <div className="flash-price">{formatMoney(sale.priceFen)}</div>
        <div className="flash-clock mono" data-testid="flash-countdown" data-warmup={warmup}>
          {warmup ? `${t('flash.overlayWarmup')} ${formatClock(left)}` : formatClock(left)}
        </div>
        <div className="flash-stock" data-testid="flash-stock">
          {sale.stock === null ? t('flash.unlimited') : t('flash.left', { n: Math.max(0, sale.stock - sale.sold) })} · {t('flash.sold', { n: sale.sold })}
        </div>
        {sale.oversold ? (
          <div className="flash-oversold" data-testid="flash-oversold" role="alert">
            {t('flash.oversold', { n: sale.oversold })}
          </div>
        ) : null}
        <button className="btn btn-danger-outline" type="button" disabled={disabled} onClick={() => void run({ type: 'flashsale.stop' })}>
          {t('flash.stop')}
        </button>
      </section>
    );
  }
  const priceFen = price.trim() ? parseYuanToFen(price) : null;
  return (
    <section className="flash" data-testid="flash-sale">
      <span className="now-label">{t('flash.title')}</span>
      <form
        className="flash-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!chosen) return;
          // What the controller typed is sent as typed or refused here; never replaced by a default.
          const secs = wholeAtLeastOne(seconds);
          const units = stock.trim() ? wholeAtLeastOne(stock) : undefined;
          // 预热: empty opens the sale at once; otherwise whole seconds within what flashsale.start accepts.
          const warm = warmup.trim() ? wholeAtLeastOne(warmup) : undefined;
          const badWarmup = warm === null || (warm !== undefined && !actionSchema.safeParse({ type: 'flashsale.start', sku: chosen, seconds: 1, warmupSeconds: warm }).success);
          const badPrice = price.trim() !== '' && (priceFen === null || (product !== undefined && priceFen > product.priceFen));
          const wrong: typeof problem = secs === null ? 'flash.badSeconds' : units === null ? 'flash.badStock' : badWarmup ? 'flash.badWarmup' : badPrice ? 'flash.badPrice' : null;
          setProblem(wrong);
          if (wrong || secs === null || units === null || warm === null) return;
          void run({
            type: 'flashsale.start',
            sku: chosen,
            seconds: secs,
            ...(priceFen !== null && { price: priceFen }),
            ...(units !== undefined && { stock: units }),
            ...(warm !== undefined && { warmupSeconds: warm }),
          });
        }}
      >
        <select className="input flash-sku" aria-label={t('flash.product')} value={chosen} onChange={(e) => setSku(e.target.value)}>
          {products.map((p) => (
            <option key={p.sku} value={p.sku}>
              {p.name}
            </option>
          ))}
        </select>
        <label className="flash-field">
          {t('flash.price')}
          <input className="input flash-price-input" placeholder={product?.flashPriceFen != null ? fenToYuanInput(product.flashPriceFen) : ''} value={price} onChange={(e) => setPrice(e.target.value)} inputMode="decimal" />
        </label>
        <label className="flash-field">
          {t('flash.seconds')}
          <input className="input flash-seconds" value={seconds} onChange={(e) => setSeconds(e.target.value)} inputMode="numeric" />
        </label>
        <label className="flash-field">
          {t('flash.stock')}
          <input className="input flash-stock-input" placeholder={t('flash.unlimited')} value={stock} onChange={(e) => setStock(e.target.value)} inputMode="numeric" />
        </label>
        <label className="flash-field">
          {t('flash.warmup')}
          <input className="input flash-warmup" data-testid="flash-warmup" placeholder={t('flash.noWarmup')} value={warmup} onChange={(e) => setWarmup(e.target.value)} inputMode="numeric" />
        </label>
        <button className="btn btn-primary flash-start" type="submit" disabled={disabled || !chosen}>
          {t('flash.start')}
        </button>
      </form>
      {problem ? (
        <p className="flash-problem" data-testid="flash-problem" role="alert">
          {t(problem)}
        </p>
      ) : null}
      {last ? (
        <p className="flash-result dim" data-testid="flash-result" data-reason={last.reason}>
          {t('flash.result', { name: last.name, sold: last.sold, gmv: formatMoney(last.gmvFen), reason: t(`flash.reason.${last.reason}`) })}
          {last.oversold ? ` · ${t('flash.oversold', { n: last.oversold })}` : ''}
        </p>
      ) : null}
    </section>
  );
}

/** A whole number ≥ 1 from what was typed, or null: "abc", "-3" and "2.5" are refused, not rounded. */
function wholeAtLeastOne(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= 1 && Number.isSafeInteger(n) ? n : null;
}

/** Markers for review: one tap, from a preset. */
export function MarkBar({ disabled }: { disabled: boolean }) {
  const t = useT();
  const live = useDeskStore((s) => s.state?.session?.status === 'live');
  const run = useDeskStore((s) => s.run);
  return (
    <div className="mark-bar" data-testid="mark-bar">
      <span className="now-label">{t('mark.title')}</span>
      {MARK_PRESETS.map((label) => (
        <button key={label} className={`btn btn-small mark-btn mark-${label.replace(/\s+/g, '-')}`} type="button" data-label={label} disabled={disabled || !live} onClick={() => void run({ type: 'session.mark', label })}>
          {t(`mark.${label}`)}
        </button>
      ))}
    </div>
  );
}
