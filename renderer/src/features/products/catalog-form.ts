import type { Product, ProductInput } from '../../contract.js';
import { fenToYuanInput, parseYuanToFen } from '../../lib/format.js';
import type { StringKey } from '../../lib/i18n.js';

/** Everything the catalog editor types: text as typed, checked and converted only on save. */
export type CatalogDraft = {
  sku: string;
  name: string;
  price: string;
  listPrice: string;
  flashPrice: string;
  stock: string;
  tags: string;
  sellingPoints: string;
  notes: string;
  scene: string;
  cue: string;
  image: string;
};
export type CatalogErrors = Partial<Record<keyof CatalogDraft, StringKey>>;

export const EMPTY_CATALOG_DRAFT: CatalogDraft = { sku: '', name: '', price: '', listPrice: '', flashPrice: '', stock: '', tags: '', sellingPoints: '', notes: '', scene: '', cue: '', image: '' };

const yuan = (fen: number | null) => (fen === null ? '' : fenToYuanInput(fen));

export function productToDraft(p: Product): CatalogDraft {
  return {
    sku: p.sku,
    name: p.name,
    price: yuan(p.priceFen),
    listPrice: yuan(p.listPriceFen),
    flashPrice: yuan(p.flashPriceFen),
    stock: p.stock === null ? '' : String(p.stock),
    tags: p.tags.join(', '),
    sellingPoints: p.sellingPoints.join('\n'),
    notes: p.notes ?? '',
    scene: p.scene ?? '',
    cue: p.cue ?? '',
    image: p.image ?? '',
  };
}

/** Checks a typed product the way the core will (yuan → fen, lists split), so problems show before sending. */
export function catalogDraftToInput(d: CatalogDraft): { input: ProductInput } | { errors: CatalogErrors } {
  const errors: CatalogErrors = {};
  const sku = d.sku.trim();
  const name = d.name.trim();
  if (!sku || sku.length > 64 || /[\s/?#]/.test(sku)) errors.sku = 'products.errSku';
  if (!name) errors.name = 'products.errName';
  const priceFen = parseYuanToFen(d.price);
  if (priceFen === null) errors.price = 'products.errPrice';
  const optionalFen = (text: string, key: 'listPrice' | 'flashPrice') => {
    if (!text.trim()) return null;
    const fen = parseYuanToFen(text);
    if (fen === null) errors[key] = 'catalog.badMoney';
    return fen;
  };
  const listPriceFen = optionalFen(d.listPrice, 'listPrice');
  const flashPriceFen = optionalFen(d.flashPrice, 'flashPrice');
  const stockText = d.stock.trim();
  if (stockText && !/^\d+$/.test(stockText)) errors.stock = 'catalog.badStock';
  if (Object.keys(errors).length || priceFen === null) return { errors };
  return {
    input: {
      sku,
      name,
      priceFen,
      currency: 'CNY',
      listPriceFen,
      flashPriceFen,
      stock: stockText ? Number(stockText) : null,
      tags: d.tags.split(/[,，、]/).map((s) => s.trim()).filter(Boolean),
      sellingPoints: d.sellingPoints.split('\n').map((s) => s.trim()).filter(Boolean),
      notes: d.notes.trim() || null,
      scene: d.scene || null,
      cue: d.cue.trim() || null,
      image: d.image.trim() || null,
    },
  };
}
