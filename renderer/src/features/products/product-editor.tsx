import { useRef, useState, type ReactNode } from 'react';
import type { Product } from '../../contract.js';
import { NO_SCENES } from '../../stores/desk-reducers.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { useProductsStore } from '../../stores/products-store.js';
import { catalogDraftToInput, EMPTY_CATALOG_DRAFT, productToDraft, type CatalogDraft, type CatalogErrors } from './catalog-form.js';
import { ProductThumb } from './product-thumb.js';

/** Edits every catalog field of one product (or a new one); the image uploads on its own. */
export function ProductEditor({ product, onDone }: { product: Product | null; onDone(): void }) {
  const t = useT();
  const scenes = useDeskStore((s) => s.state?.obs.scenes ?? NO_SCENES);
  const { add, update, setImage } = useProductsStore();
  const [draft, setDraft] = useState<CatalogDraft>(product ? productToDraft(product) : EMPTY_CATALOG_DRAFT);
  const [errors, setErrors] = useState<CatalogErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const live = useProductsStore((s) => s.products.find((p) => p.sku === product?.sku) ?? null);

  const field = (k: keyof CatalogDraft) => ({
    value: draft[k],
    name: k,
    'aria-invalid': errors[k] ? true : undefined,
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value }),
  });
  const row = (k: keyof CatalogDraft, label: string, input: ReactNode) => (
    <label className={`editor-field editor-${k}`}>
      <span>{label}</span>
      {input}
    </label>
  );

  const save = async () => {
    const parsed = catalogDraftToInput(draft);
    if ('errors' in parsed) return setErrors(parsed.errors);
    setErrors({});
    setBusy(true);
    const res = product ? await update(product.sku, parsed.input) : await add(parsed.input);
    setBusy(false);
    if (res.ok) onDone();
    else setServerError(res.message);
  };

  return (
    <form
      className="product-editor"
      data-testid="product-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{product ? t('catalog.editTitle', { sku: product.sku }) : t('catalog.newTitle')}</h3>
      <div className="editor-grid">
        {row('sku', t('field.sku'), <input className="input mono" maxLength={64} disabled={!!product} {...field('sku')} />)}
        {row('name', t('field.name'), <input className="input" maxLength={200} {...field('name')} />)}
        {row('price', t('field.priceFen'), <input className="input" inputMode="decimal" {...field('price')} />)}
        {row('listPrice', t('field.listPriceFen'), <input className="input" inputMode="decimal" {...field('listPrice')} />)}
        {row('flashPrice', t('field.flashPriceFen'), <input className="input" inputMode="decimal" {...field('flashPrice')} />)}
        {row('stock', t('field.stock'), <input className="input" inputMode="numeric" {...field('stock')} />)}
        {row(
          'scene',
          t('field.scene'),
          <select className="input" {...field('scene')}>
            <option value="">{t('products.noScene')}</option>
            {scenes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
            {draft.scene && !scenes.includes(draft.scene) ? <option value={draft.scene}>{draft.scene}</option> : null}
          </select>,
        )}
        {row('cue', t('field.cue'), <input className="input" maxLength={64} {...field('cue')} />)}
        {row('tags', `${t('field.tags')} (${t('catalog.tagsHint')})`, <input className="input" {...field('tags')} />)}
        {row('image', t('catalog.imageUrl'), <input className="input" maxLength={2048} {...field('image')} />)}
        {row('sellingPoints', `${t('field.sellingPoints')} (${t('catalog.pointsHint')})`, <textarea className="input textarea" rows={3} {...field('sellingPoints')} />)}
        {row('notes', t('field.notes'), <textarea className="input textarea" rows={3} maxLength={4000} {...field('notes')} />)}
      </div>
      {product ? (
        <div className="editor-upload">
          <ProductThumb image={live?.image ?? product.image} name={product.name} size={64} />
          <input
            ref={file}
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif"
            hidden
            onChange={(e) => {
              const picked = e.target.files?.[0];
              if (!picked) return;
              void setImage(product.sku, picked).then((res) => {
                if (res.ok) setDraft((d) => ({ ...d, image: useProductsStore.getState().products.find((p) => p.sku === product.sku)?.image ?? '' }));
                else setServerError(res.message);
              });
            }}
          />
          <button className="btn btn-small" type="button" onClick={() => file.current?.click()}>
            {t('catalog.uploadImage')}
          </button>
        </div>
      ) : null}
      {Object.keys(errors).length || serverError ? (
        <p className="form-errors" role="alert">
          {[...Object.values(errors).map((k) => t(k)), ...(serverError ? [serverError] : [])].join(' · ')}
        </p>
      ) : null}
      <div className="editor-actions">
        <button className="btn" type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {t('catalog.save')}
        </button>
      </div>
    </form>
  );
}
