import { IMPORT_FIELDS, type ColumnMapping, type ImportChanges, type ImportField, type Product, type productInputSchema } from '../contract/index.js';
import type { ProductFields } from '../store/products-repo.js';
import type { z } from 'zod';

type ParsedProduct = z.output<typeof productInputSchema>;

/** The fields a sheet fills: only these change on a product the catalog already has. */
export const mappedFields = (mapping: ColumnMapping): ImportField[] => IMPORT_FIELDS.filter((f) => mapping[f] != null);

/** A product as the API would create it from `input`: absent fields empty. */
export function newProductFields(input: ParsedProduct): ProductFields {
  return {
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
  };
}

/**
 * What an imported row makes of a product: a new sku as the sheet has it; a known sku keeps every field
 * the sheet does not map (a sheet of code, name, price and stock once wiped tags, list price, selling
 * points, scene and notes), and its currency.
 */
export function mergeImported(existing: Product | null, input: ParsedProduct, mapped: readonly ImportField[]): ProductFields {
  const incoming = newProductFields(input);
  if (!existing) return incoming;
  const { createdAt: _created, updatedAt: _updated, ...kept } = existing;
  const merged: Record<string, unknown> = { ...kept };
  for (const field of mapped) merged[field] = incoming[field];
  return merged as ProductFields;
}

/** What an import would change, per field, before anything is written (the preview's summary). */
export function importChanges(find: (sku: string) => Product | null, inputs: readonly ParsedProduct[], mapped: readonly ImportField[]): ImportChanges {
  const perField = new Map<ImportField, number>();
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const input of inputs) {
    const existing = find(input.sku);
    if (!existing) {
      created++;
      continue;
    }
    const next = mergeImported(existing, input, mapped);
    const changed = mapped.filter((f) => f !== 'sku' && JSON.stringify(existing[f]) !== JSON.stringify(next[f]));
    for (const f of changed) perField.set(f, (perField.get(f) ?? 0) + 1);
    if (changed.length) updated++;
    else unchanged++;
  }
  return {
    created,
    updated,
    unchanged,
    fields: mapped.filter((f) => perField.has(f)).map((field) => ({ field, products: perField.get(field) as number })),
    kept: IMPORT_FIELDS.filter((f) => f !== 'sku' && !mapped.includes(f)),
  };
}
