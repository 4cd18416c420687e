import { z } from 'zod';
import { create } from 'zustand';
import { importPreviewSchema, importResultSchema, productSchema, type ColumnMapping, type ImportPreview, type ImportResult, type Product, type ProductInput } from '../contract.js';
import { ApiRequestError } from '../lib/api-client.js';
import { whenLinked } from '../lib/desk-link.js';
import { loadList, type LoadStatus } from './load-list.js';

const productList = z.array(productSchema);
const deleted = z.unknown();

export type SaveResult = { ok: true } | { ok: false; field: string | undefined; message: string };

type ProductsStore = {
  products: Product[];
  status: LoadStatus;
  error: string | null;
  load(): Promise<void>;
  add(input: ProductInput): Promise<SaveResult>;
  remove(sku: string): Promise<SaveResult>;
  update(sku: string, input: ProductInput): Promise<SaveResult>;
  setImage(sku: string, file: Blob | null): Promise<SaveResult>;
  previewImport(name: string, file: Blob, mapping?: ColumnMapping): Promise<ImportPreview>;
  runImport(name: string, file: Blob, mapping: ColumnMapping): Promise<ImportResult>;
};

/** Files travel base64 inside JSON, so the one API client and its error handling serve uploads too. */
async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const failure = (err: unknown): SaveResult => ({
  ok: false,
  field: err instanceof ApiRequestError ? err.field : undefined,
  message: err instanceof Error ? err.message : String(err),
});

export const useProductsStore = create<ProductsStore>()((set, get) => ({
  products: [],
  status: 'idle',
  error: null,
  load: () => loadList({ get, set }, 'products', '/products', productList),
  async add(input) {
    const { api } = await whenLinked();
    try {
      const created = await api.send('POST', '/products', input, productSchema);
      set({ products: [...get().products.filter((p) => p.sku !== created.sku), created] });
      return { ok: true };
    } catch (err) {
      return failure(err);
    }
  },
  async update(sku, input) {
    const { api } = await whenLinked();
    try {
      const saved = await api.send('PUT', `/products/${encodeURIComponent(sku)}`, input, productSchema);
      set({ products: get().products.map((p) => (p.sku === sku ? saved : p)) });
      return { ok: true };
    } catch (err) {
      return failure(err);
    }
  },
  async setImage(sku, file) {
    const { api } = await whenLinked();
    const path = `/products/${encodeURIComponent(sku)}/image`;
    try {
      const saved = file ? await api.send('PUT', path, { data: await toBase64(file) }, productSchema) : await api.send('DELETE', path, undefined, productSchema);
      set({ products: get().products.map((p) => (p.sku === sku ? saved : p)) });
      return { ok: true };
    } catch (err) {
      return failure(err);
    }
  },
  async previewImport(name, file, mapping) {
    const { api } = await whenLinked();
    return api.send('POST', '/products/import/preview', { name, data: await toBase64(file), ...(mapping && { mapping }) }, importPreviewSchema);
  },
  async runImport(name, file, mapping) {
    const { api } = await whenLinked();
    const result = await api.send('POST', '/products/import', { name, data: await toBase64(file), mapping }, importResultSchema);
    await get().load();
    return result;
  },
  async remove(sku) {
    const { api } = await whenLinked();
    try {
      await api.send('DELETE', `/products/${encodeURIComponent(sku)}`, undefined, deleted);
      set({ products: get().products.filter((p) => p.sku !== sku) });
      return { ok: true };
    } catch (err) {
      return failure(err);
    }
  },
}));
