import { useState } from 'react';
import { Panel } from '../../components/panel.js';
import { formatMoney } from '../../lib/format.js';
import { NO_SCENES } from '../../stores/desk-reducers.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { useProductsStore } from '../../stores/products-store.js';
import { draftToInput, EMPTY_DRAFT, type DraftErrors, type ProductDraft } from './product-form.js';
import { ProductThumb } from './product-thumb.js';
import { stockLevel } from './stock-level.js';

export function ProductsPanel({ disabled }: { disabled: boolean }) {
  const t = useT();
  const products = useProductsStore((s) => s.products);
  const status = useProductsStore((s) => s.status);
  const error = useProductsStore((s) => s.error);
  const current = useDeskStore((s) => s.state?.product?.sku ?? null);
  const run = useDeskStore((s) => s.run);
  const sales = useDeskStore((s) => s.state?.kpi.detail?.products);

  return (
    <Panel title={t('products.title')} className="products-panel" aside={<span className="count">{products.length}</span>} testId="products">
      <div className="table-scroll">
        <table className="table products-table">
          <thead>
            <tr>
              <th>{t('products.name')}</th>
              <th>{t('products.sku')}</th>
              <th className="num">{t('products.price')}</th>
              <th>{t('products.scene')}</th>
              <th aria-label={t('products.explain')} />
            </tr>
          </thead>
          <tbody>
            {products.map((p) => {
              const live = p.sku === current;
              const level = stockLevel(p.stock, sales?.find((x) => x.sku === p.sku)?.qty ?? 0);
              return (
                <tr key={p.sku} className={live ? 'row-live' : undefined} data-sku={p.sku}>
                  <td className="product-name">
                    <span className="product-name-cell">
                      <ProductThumb image={p.image} name={p.name} size={26} />
                      {p.name}
                      {level.kind === 'low' ? (
                        <span className="badge badge-warn stock-badge" data-testid="stock-low" data-left={level.left}>
                          {t('stock.left', { n: level.left })}
                        </span>
                      ) : null}
                      {level.kind === 'oversold' ? (
                        <span className="badge badge-live stock-badge" data-testid="stock-oversold" data-over={level.over}>
                          {t('stock.oversold', { n: level.over })}
                        </span>
                      ) : null}
                    </span>
                  </td>
                  <td className="mono dim">{p.sku}</td>
                  <td className="num">{formatMoney(p.priceFen, p.currency)}</td>
                  <td className="dim">{p.scene ?? '—'}</td>
                  <td className="actions">
                    {live ? (
                      <span className="badge badge-live">{t('products.explaining')}</span>
                    ) : (
                      <button className="btn btn-small btn-explain" type="button" disabled={disabled} onClick={() => void run({ type: 'product.explain', sku: p.sku })}>
                        {t('products.explain')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {status === 'loading' ? <p className="empty">{t('products.loading')}</p> : null}
        {status === 'error' ? <p className="empty error-text">{error}</p> : null}
        {status === 'ready' && products.length === 0 ? <p className="empty">{t('products.empty')}</p> : null}
      </div>
      <AddProductForm disabled={disabled} />
    </Panel>
  );
}

function AddProductForm({ disabled }: { disabled: boolean }) {
  const t = useT();
  const add = useProductsStore((s) => s.add);
  const scenes = useDeskStore((s) => s.state?.obs.scenes ?? NO_SCENES);
  const [draft, setDraft] = useState<ProductDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (k: keyof ProductDraft) => ({
    value: draft[k],
    'aria-invalid': errors[k] ? true : undefined,
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value }),
  });

  return (
    <form
      className="add-product"
      aria-label={t('products.add')}
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = draftToInput(draft);
        if ('errors' in parsed) {
          setErrors(parsed.errors);
          return;
        }
        setErrors({});
        setServerError(null);
        setBusy(true);
        void add(parsed.input).then((res) => {
          setBusy(false);
          if (res.ok) setDraft({ ...EMPTY_DRAFT, scene: draft.scene });
          else setServerError(res.message);
        });
      }}
    >
      <input className="input input-sku" placeholder={t('products.sku')} aria-label={t('products.sku')} maxLength={64} {...field('sku')} />
      <input className="input input-name" placeholder={t('products.name')} aria-label={t('products.name')} maxLength={200} {...field('name')} />
      <input className="input input-price" placeholder={t('products.priceYuan')} aria-label={t('products.priceYuan')} inputMode="decimal" {...field('price')} />
      <select className="input input-scene" aria-label={t('products.scene')} {...field('scene')}>
        <option value="">{t('products.noScene')}</option>
        {scenes.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
        {draft.scene && !scenes.includes(draft.scene) ? <option value={draft.scene}>{draft.scene}</option> : null}
      </select>
      <button className="btn btn-primary" type="submit" disabled={disabled || busy}>
        {t('products.add')}
      </button>
      {Object.keys(errors).length || serverError ? (
        <p className="form-errors" role="alert">
          {[...Object.values(errors).map((k) => t(k)), ...(serverError ? [serverError] : [])].join(' · ')}
        </p>
      ) : null}
    </form>
  );
}
