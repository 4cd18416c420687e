import type { ProductInput } from '../../contract.js';
import { parseYuanToFen } from '../../lib/format.js';
import type { StringKey } from '../../lib/i18n.js';

export type ProductDraft = { sku: string; name: string; price: string; scene: string };
export type DraftErrors = Partial<Record<keyof ProductDraft, StringKey>>;

export const EMPTY_DRAFT: ProductDraft = { sku: '', name: '', price: '', scene: '' };

/** Checks a typed product the way the core will, so the operator sees the problem before sending. */
export function draftToInput(draft: ProductDraft): { input: ProductInput } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const sku = draft.sku.trim();
  const name = draft.name.trim();
  if (!sku || sku.length > 64 || /[\s/?#]/.test(sku)) errors.sku = 'products.errSku';
  if (!name) errors.name = 'products.errName';
  const priceFen = parseYuanToFen(draft.price);
  if (priceFen === null) errors.price = 'products.errPrice';
  if (Object.keys(errors).length || priceFen === null) return { errors };
  return { input: { sku, name, priceFen, currency: 'CNY', scene: draft.scene || null } };
}
