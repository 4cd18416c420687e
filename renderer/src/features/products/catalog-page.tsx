import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { Panel } from '../../components/panel.js';
import type { Product } from '../../contract.js';
import { formatMoney } from '../../lib/format.js';
import { useT } from '../../stores/prefs-store.js';
import { useProductsStore } from '../../stores/products-store.js';
import { ImportDialog } from './import-dialog.js';
import { ProductEditor } from './product-editor.js';
import { ProductThumb } from './product-thumb.js';

const money = (fen: number | null, currency: string) => (fen === null ? '—' : formatMoney(fen, currency));

/** The whole catalog: every field at a glance, an editor beside it, and the spreadsheet import. */
export function CatalogPage() {
  const t = useT();
  const products = useProductsStore((s) => s.products);
  const status = useProductsStore((s) => s.status);
  const remove = useProductsStore((s) => s.remove);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<Product | null>(null);

  useEffect(() => {
    void useProductsStore.getState().load();
  }, []);

  return (
    <main className="page catalog-page" data-testid="catalog-page">
      <Panel
        title={t('catalog.title')}
        className="catalog-panel"
        testId="catalog"
        aside={
          <>
            <span className="count">{products.length}</span>
            <button className="btn btn-small" type="button" data-testid="catalog-import" onClick={() => setImporting(true)}>
              {t('catalog.import')}
            </button>
            <button className="btn btn-small btn-primary" type="button" data-testid="catalog-new" onClick={() => setEditing('new')}>
              {t('catalog.new')}
            </button>
          </>
        }
      >
        <div className="table-scroll">
          <table className="table catalog-table">
            <thead>
              <tr>
                <th aria-label={t('catalog.image')} />
                <th>{t('products.name')}</th>
                <th>{t('products.sku')}</th>
                <th className="num">{t('catalog.livePrice')}</th>
                <th className="num">{t('catalog.listPrice')}</th>
                <th className="num">{t('catalog.flashPrice')}</th>
                <th className="num">{t('catalog.stock')}</th>
                <th>{t('catalog.sellingPoints')}</th>
                <th>{t('products.scene')}</th>
                <th>{t('catalog.cue')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {products.map((p) => (
                <tr key={p.sku} data-sku={p.sku} className={editing !== 'new' && editing?.sku === p.sku ? 'row-selected' : undefined}>
                  <td className="thumb-cell">
                    <ProductThumb image={p.image} name={p.name} />
                  </td>
                  <td>
                    <div className="product-name">{p.name}</div>
                    <div className="tag-list">
                      {p.tags.map((tag) => (
                        <span key={tag} className="tag">
                          {tag}
                        </span>
                      ))}
                    </div>
                  </td>
                  <td className="mono dim">{p.sku}</td>
                  <td className="num strong">{formatMoney(p.priceFen, p.currency)}</td>
                  <td className="num dim strike">{money(p.listPriceFen, p.currency)}</td>
                  <td className="num flash-text">{money(p.flashPriceFen, p.currency)}</td>
                  <td className="num">{p.stock ?? '—'}</td>
                  <td className="points dim">{p.sellingPoints.join(' · ') || '—'}</td>
                  <td className="dim">{p.scene ?? '—'}</td>
                  <td className="dim">{p.cue ?? '—'}</td>
                  <td className="actions">
                    <button className="btn btn-small btn-edit" type="button" onClick={() => setEditing(p)}>
                      {t('catalog.edit')}
                    </button>
                    <button className="btn btn-small btn-ghost" type="button" onClick={() => setDeleting(p)}>
                      {t('catalog.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {status === 'ready' && !products.length ? <p className="empty">{t('catalog.empty')}</p> : null}
        </div>
      </Panel>
      {editing ? <ProductEditor key={editing === 'new' ? 'new' : editing.sku} product={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
      <ConfirmDialog
        open={deleting !== null}
        danger
        title={t('catalog.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('catalog.delete')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) void remove(deleting.sku);
          setDeleting(null);
        }}
      >
        {t('catalog.deleteBody')}
      </ConfirmDialog>
    </main>
  );
}
