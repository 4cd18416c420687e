import { Money } from '../../components/money.js';
import { formatClock, formatCount, formatMoney } from '../../lib/format.js';
import { useNow } from '../../lib/use-now.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { ProductThumb } from '../products/product-thumb.js';

export function NowExplaining({ disabled }: { disabled: boolean }) {
  const t = useT();
  const product = useDeskStore((s) => s.state?.product ?? null);
  const currency = useDeskStore((s) => s.state?.session?.currency ?? 'CNY');
  const run = useDeskStore((s) => s.run);
  const now = useNow();

  if (!product) {
    return (
      <section className="now now-idle" data-testid="now-explaining">
        <span className="now-label">{t('now.title')}</span>
        <p className="empty">{t('now.none')}</p>
      </section>
    );
  }
  return (
    <section className="now now-live" data-testid="now-explaining">
      <ProductThumb image={product.image} name={product.name} size={64} />
      <div className="now-main">
        <span className="now-label now-label-live">
          <span className="live-dot" aria-hidden />
          {t('now.title')}
        </span>
        <div className="now-name" title={product.name}>
          {product.name}
        </div>
        <div className="now-meta">
          <span className="now-price">{formatMoney(product.priceFen, currency)}</span>
          <span className="now-sku mono">{product.sku}</span>
        </div>
      </div>
      <dl className="now-stats">
        <div>
          <dt>{t('now.elapsed')}</dt>
          <dd className="mono now-clock">{formatClock(now - product.since)}</dd>
        </div>
        <div>
          <dt>{t('now.gmv')}</dt>
          <dd>
            <Money fen={product.gmvFen} currency={currency} />
          </dd>
        </div>
        <div>
          <dt>{t('now.orders')}</dt>
          <dd>{formatCount(product.orders)}</dd>
        </div>
      </dl>
      <button className="btn now-clear" type="button" disabled={disabled} onClick={() => void run({ type: 'product.clear' })}>
        {t('now.clear')}
      </button>
    </section>
  );
}
