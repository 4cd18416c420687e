import type { Product } from '../contract/index.js';
import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { Db } from './database.js';
import { storedJson } from './stored-json.js';

interface ProductRow {
  sku: string;
  name: string;
  price_fen: number;
  currency: string;
  scene: string | null;
  image: string | null;
  notes: string | null;
  list_price_fen: number | null;
  flash_price_fen: number | null;
  stock: number | null;
  tags: string;
  selling_points: string;
  cue: string | null;
  created_at: number;
  updated_at: number;
}

// A damaged list reads as empty (reported once): the product stays in the catalog, and saving it repairs it.
const strings = (json: string, where: string): string[] => storedJson(json, z.array(z.unknown()), where)?.filter((v): v is string => typeof v === 'string') ?? [];

const toProduct = (r: ProductRow): Product => ({
  sku: r.sku,
  name: r.name,
  priceFen: r.price_fen,
  currency: r.currency,
  scene: r.scene,
  image: r.image,
  notes: r.notes,
  listPriceFen: r.list_price_fen,
  flashPriceFen: r.flash_price_fen,
  stock: r.stock,
  tags: strings(r.tags, `products.tags of ${r.sku}`),
  sellingPoints: strings(r.selling_points, `products.selling_points of ${r.sku}`),
  cue: r.cue,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type ProductFields = Omit<Product, 'createdAt' | 'updatedAt'>;

const params = (p: ProductFields) => [
  p.name,
  p.priceFen,
  p.currency,
  p.scene,
  p.image,
  p.notes,
  p.listPriceFen,
  p.flashPriceFen,
  p.stock,
  JSON.stringify(p.tags),
  JSON.stringify(p.sellingPoints),
  p.cue,
];

/** The product catalog, in the order products were added (the default explain order). */
export class ProductsRepo {
  /** Prepared once: the deck reads the catalog each time it redraws its keys. */
  private listStmt: Statement<[], ProductRow> | undefined;

  constructor(private readonly db: Db) {}

  list(): Product[] {
    this.listStmt ??= this.db.prepare<[], ProductRow>('SELECT * FROM products ORDER BY created_at, rowid');
    return this.listStmt.all().map(toProduct);
  }

  get(sku: string): Product | null {
    const row = this.db.prepare<[string], ProductRow>('SELECT * FROM products WHERE sku = ?').get(sku);
    return row ? toProduct(row) : null;
  }

  /** Inserts a new product; returns null when the sku already exists. */
  insert(p: ProductFields, now: number): Product | null {
    const info = this.db
      .prepare(
        `INSERT OR IGNORE INTO products (name, price_fen, currency, scene, image, notes, list_price_fen, flash_price_fen, stock, tags, selling_points, cue, sku, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...params(p), p.sku, now, now);
    return info.changes === 1 ? this.get(p.sku) : null;
  }

  /** Replaces a product's fields; returns null when there is no such sku. */
  update(p: ProductFields, now: number): Product | null {
    const info = this.db
      .prepare(
        `UPDATE products SET name = ?, price_fen = ?, currency = ?, scene = ?, image = ?, notes = ?, list_price_fen = ?,
           flash_price_fen = ?, stock = ?, tags = ?, selling_points = ?, cue = ?, updated_at = ?
         WHERE sku = ?`,
      )
      .run(...params(p), now, p.sku);
    return info.changes === 1 ? this.get(p.sku) : null;
  }

  /** Inserts or replaces many products in one transaction (catalog import); returns how many were new. */
  upsertMany(products: readonly ProductFields[], now: number): { created: number; updated: number } {
    let created = 0;
    let updated = 0;
    this.db.transaction(() => {
      for (const p of products) {
        if (this.update(p, now)) updated++;
        else if (this.insert(p, now)) created++;
      }
    })();
    return { created, updated };
  }

  remove(sku: string): boolean {
    return this.db.prepare('DELETE FROM products WHERE sku = ?').run(sku).changes === 1;
  }
}
