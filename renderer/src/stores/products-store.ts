import { z } from 'zod';
import { create } from 'zustand';
import { productSchema, type Product, type ProductInput } from '../contract.js';
import { ApiRequestError } from '../lib/api-client.js';
import { whenLinked } from '../lib/desk-link.js';

const productList = z.array(productSchema);
const deleted = z.unknown();

export type SaveResult = { ok: true } | { ok: false; field: string | undefined; message: string };

type ProductsStore = {
  products: Product[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(): Promise<void>;
  add(input: ProductInput): Promise<SaveResult>;
  remove(sku: string): Promise<SaveResult>;
};

const failure = (err: unknown): SaveResult => ({
  ok: false,
  field: err instanceof ApiRequestError ? err.field : undefined,
  message: err instanceof Error ? err.message : String(err),
});

export const useProductsStore = create<ProductsStore>()((set, get) => ({
  products: [],
  status: 'idle',
  error: null,
  async load() {
    const { api } = await whenLinked();
    if (get().status === 'idle') set({ status: 'loading' });
    try {
      set({ products: await api.get('/products', productList), status: 'ready', error: null });
    } catch (err) {
      set({ status: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  },
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
