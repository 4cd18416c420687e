import type { Product } from '../contract/index.js';
import type { Db } from './database.js';

interface ProductRow {
  sku: string;
  name: string;
  price_fen: number;
  currency: string;
  scene: string | null;
  image: string | null;
  notes: string | null;
  created_at: number;
  updated_at: number;
}

const toProduct = (r: ProductRow): Product => ({
  sku: r.sku,
  name: r.name,
  priceFen: r.price_fen,
  currency: r.currency,
  scene: r.scene,
  image: r.image,
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type ProductFields = Pick<Product, 'sku' | 'name' | 'priceFen' | 'currency' | 'scene' | 'image' | 'notes'>;

/** The product catalog, in the order products were added (the default explain order). */
export class ProductsRepo {
  constructor(private readonly db: Db) {}

  list(): Product[] {
    return this.db.prepare<[], ProductRow>('SELECT * FROM products ORDER BY created_at, rowid').all().map(toProduct);
  }

  get(sku: string): Product | null {
    const row = this.db.prepare<[string], ProductRow>('SELECT * FROM products WHERE sku = ?').get(sku);
    return row ? toProduct(row) : null;
  }

  /** Inserts a new product; returns null when the sku already exists. */
  insert(p: ProductFields, now: number): Product | null {
    const info = this.db
      .prepare(
        `INSERT OR IGNORE INTO products (sku, name, price_fen, currency, scene, image, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.sku, p.name, p.priceFen, p.currency, p.scene, p.image, p.notes, now, now);
    return info.changes === 1 ? this.get(p.sku) : null;
  }

  /** Replaces a product's fields; returns null when there is no such sku. */
  update(p: ProductFields, now: number): Product | null {
    const info = this.db
      .prepare(
        `UPDATE products SET name = ?, price_fen = ?, currency = ?, scene = ?, image = ?, notes = ?, updated_at = ?
         WHERE sku = ?`,
      )
      .run(p.name, p.priceFen, p.currency, p.scene, p.image, p.notes, now, p.sku);
    return info.changes === 1 ? this.get(p.sku) : null;
  }

  remove(sku: string): boolean {
    return this.db.prepare('DELETE FROM products WHERE sku = ?').run(sku).changes === 1;
  }
}
