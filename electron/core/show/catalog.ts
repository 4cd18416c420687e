import { DeskError, parseOrThrow, productInputSchema, type ImportPreview, type ImportResult, type Product } from '../contract/index.js';
import type { ProductFields, ProductsRepo } from '../store/products-repo.js';
import { decodeImportRequest, guessMapping, readSheetRows, rowsToProducts } from './catalog-import.js';
import { importChanges, mappedFields, mergeImported, newProductFields } from './catalog-merge.js';

type ProductInput = ReturnType<typeof productInputSchema.parse>;

const toFields = (body: unknown): ProductFields => newProductFields(parseOrThrow(productInputSchema, body));

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
    const product = this.repo.update(newProductFields(productUpdateInput(sku, body)), this.now());
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

  /**
   * Reads a CSV/XLSX file and says how its columns would map, with the first rows and which fields would
   * change for how many products, before anything is written.
   */
  async previewImport(body: unknown): Promise<ImportPreview> {
    const { name, bytes, mapping: asked } = decodeImportRequest(body);
    const sheet = await readSheetRows(name, bytes);
    const mapping = asked ?? guessMapping(sheet.headers);
    const preview = { format: sheet.format, headers: sheet.headers, rows: sheet.rows.length, sample: sheet.rows.slice(0, 5), mapping };
    if (mapping.sku == null || mapping.name == null || mapping.priceFen == null) return preview;
    const { products } = rowsToProducts(sheet, mapping);
    return { ...preview, changes: importChanges((sku) => this.repo.get(sku), products, mappedFields(mapping)) };
  }

  /**
   * Imports good rows in one transaction: new skus added, known skus updated in the fields the sheet maps
   * (the rest kept); bad rows are reported by line.
   */
  async import(body: unknown): Promise<ImportResult> {
    const { name, bytes, mapping: asked } = decodeImportRequest(body);
    const sheet = await readSheetRows(name, bytes);
    const mapping = asked ?? guessMapping(sheet.headers);
    const { products, errors } = rowsToProducts(sheet, mapping);
    const mapped = mappedFields(mapping);
    const fields = products.map((p) => mergeImported(this.repo.get(p.sku), p, mapped));
    const { created, updated } = this.repo.upsertMany(fields, this.now());
    if (created + updated) this.onChange();
    return { format: sheet.format, rows: sheet.rows.length, created, updated, errors };
  }
}
