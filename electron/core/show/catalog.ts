import { DeskError, parseOrThrow, productInputSchema, type ImportResult, type Product } from '../contract/index.js';
import type { ProductFields, ProductsRepo } from '../store/products-repo.js';
import { decodeImportRequest, guessMapping, readSheetRows, rowsToProducts } from './catalog-import.js';

type ProductInput = ReturnType<typeof productInputSchema.parse>;

const fieldsOf = (input: ProductInput): ProductFields => ({
  sku: input.sku,
  name: input.name,
  priceFen: input.priceFen,
  currency: input.currency,
  scene: input.scene ?? null,
  image: input.image ?? null,
  notes: input.notes ?? null,
  listPriceFen: input.listPriceFen ?? null,
  flashPriceFen: input.flashPriceFen ?? null,
  stock: input.stock ?? null,
  tags: input.tags ?? [],
  sellingPoints: input.sellingPoints ?? [],
  cue: input.cue ?? null,
});

const toFields = (body: unknown): ProductFields => fieldsOf(parseOrThrow(productInputSchema, body));

/** `PUT /products/:sku`'s body as a product: the path names it, and a body naming another sku is refused. */
export function productUpdateInput(sku: string, body: unknown): ProductInput {
  if (body && typeof body === 'object' && 'sku' in body && (body as { sku: unknown }).sku !== sku) {
    throw new DeskError('bad_request', 'sku: the body sku differs from the sku in the path; a sku cannot be renamed', { field: 'sku' });
  }
  return parseOrThrow(productInputSchema, { ...(body as object), sku });
}


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

  find(sku: string): Product | null {
    return this.repo.get(sku);
  }

  create(body: unknown): Product {
    const fields = toFields(body);
    const product = this.repo.insert(fields, this.now());
    if (!product) throw new DeskError('conflict', `a product with sku "${fields.sku}" already exists; use PUT /products/${fields.sku} to change it`, { field: 'sku' });
    this.onChange();
    return product;
  }

  update(sku: string, body: unknown): Product {
    const product = this.repo.update(fieldsOf(productUpdateInput(sku, body)), this.now());
    if (!product) throw new DeskError('not_found', `no product with sku "${sku}"`);
    this.onChange();
    return product;
  }

  /** Points a product at a new image without touching its other fields. */
  setImage(sku: string, image: string | null): Product {
    const { createdAt: _c, updatedAt: _u, ...fields } = this.get(sku);
    const product = this.repo.update({ ...fields, image }, this.now()) as Product;
    this.onChange();
    return product;
  }

  remove(sku: string): void {
    if (!this.repo.remove(sku)) throw new DeskError('not_found', `no product with sku "${sku}"`);
    this.onChange();
  }

  /** Reads a CSV/XLSX file and says how its columns would map, with the first rows, before anything is written. */
  async previewImport(body: unknown) {
    const { name, bytes, mapping } = decodeImportRequest(body);
    const sheet = await readSheetRows(name, bytes);
    return { format: sheet.format, headers: sheet.headers, rows: sheet.rows.length, sample: sheet.rows.slice(0, 5), mapping: mapping ?? guessMapping(sheet.headers) };
  }

  /** Imports good rows (new skus added, known skus replaced) in one transaction; bad rows are reported by line. */
  async import(body: unknown): Promise<ImportResult> {
    const { name, bytes, mapping } = decodeImportRequest(body);
    const sheet = await readSheetRows(name, bytes);
    const { products, errors } = rowsToProducts(sheet, mapping ?? guessMapping(sheet.headers));
    const fields = products.map(fieldsOf);
    const { created, updated } = this.repo.upsertMany(fields, this.now());
    if (created + updated) this.onChange();
    return { format: sheet.format, rows: sheet.rows.length, created, updated, errors };
  }
}
