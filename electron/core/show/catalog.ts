import { DeskError, parseOrThrow, productInputSchema, type Product } from '../contract/index.js';
import type { ProductFields, ProductsRepo } from '../store/products-repo.js';

const toFields = (body: unknown, skuFromPath?: string): ProductFields => {
  const input = parseOrThrow(productInputSchema, skuFromPath === undefined ? body : { ...(body as object), sku: skuFromPath });
  return {
    sku: input.sku,
    name: input.name,
    priceFen: input.priceFen,
    currency: input.currency,
    scene: input.scene ?? null,
    image: input.image ?? null,
    notes: input.notes ?? null,
  };
};

/** The product catalog as the API and the console see it: validated, with specific errors. */
export class Catalog {
  constructor(
    private readonly repo: ProductsRepo,
    private readonly now: () => number,
    private readonly onChange: () => void,
  ) {}

  list(): Product[] {
    return this.repo.list();
  }

  get(sku: string): Product {
    const product = this.repo.get(sku);
    if (!product) throw new DeskError('not_found', `no product with sku "${sku}"`);
    return product;
  }

  create(body: unknown): Product {
    const fields = toFields(body);
    const product = this.repo.insert(fields, this.now());
    if (!product) throw new DeskError('conflict', `a product with sku "${fields.sku}" already exists; use PUT /products/${fields.sku} to change it`, { field: 'sku' });
    this.onChange();
    return product;
  }

  update(sku: string, body: unknown): Product {
    if (body && typeof body === 'object' && 'sku' in body && (body as { sku: unknown }).sku !== sku) {
      throw new DeskError('bad_request', 'sku: the body sku differs from the sku in the path; a sku cannot be renamed', { field: 'sku' });
    }
    const product = this.repo.update(toFields(body, sku), this.now());
    if (!product) throw new DeskError('not_found', `no product with sku "${sku}"`);
    this.onChange();
    return product;
  }

  remove(sku: string): void {
    if (!this.repo.remove(sku)) throw new DeskError('not_found', `no product with sku "${sku}"`);
    this.onChange();
  }
}
