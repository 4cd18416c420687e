import type { PlatformProductRow } from '../../store/platform-repo.js';

export interface CatalogMatch {
  productId: string;
  name: string;
  sku: string;
  /** How it matched: the export's merchant code or product id equals a catalog SKU, or the names agree. */
  by: 'code' | 'name';
}

const squash = (s: string) => s.toLowerCase().replace(/[\s\u3000【】[\]()（）·,，、/|-]/g, '');

/**
 * Links export rows to catalog SKUs: by code first (商家编码 / 货号, then the platform's product id),
 * then by name — the same name, or the longest catalog name the platform's title contains (platform
 * titles add selling words around the product's own name). Rows that match nothing are left out.
 */
export function matchCatalog(rows: readonly Pick<PlatformProductRow, 'productId' | 'name' | 'sku'>[], catalog: readonly { sku: string; name: string }[]): CatalogMatch[] {
  const bySku = new Map(catalog.map((p) => [p.sku.toLowerCase(), p.sku]));
  const byName = catalog.map((p) => ({ sku: p.sku, key: squash(p.name) })).filter((p) => p.key.length >= 2);
  const out: CatalogMatch[] = [];
  for (const row of rows) {
    const code = [row.sku, row.productId].map((c) => (c ? bySku.get(c.toLowerCase()) : undefined)).find(Boolean);
    if (code) {
      out.push({ productId: row.productId, name: row.name, sku: code, by: 'code' });
      continue;
    }
    const title = squash(row.name);
    const exact = byName.find((p) => p.key === title);
    const within = exact ?? byName.filter((p) => title.includes(p.key)).sort((a, b) => b.key.length - a.key.length)[0];
    if (within) out.push({ productId: row.productId, name: row.name, sku: within.sku, by: 'name' });
  }
  return out;
}
