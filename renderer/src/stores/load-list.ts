import type { z } from 'zod';
import { whenLinked } from '../lib/desk-link.js';
import { sayError } from './prefs-store.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Loads one list from the core into a store's `key`, with the status and error a panel shows. A reload
 * keeps showing the old list ('ready') instead of flashing 'loading'.
 */
export async function loadList<S extends { status: LoadStatus; error: string | null }, K extends keyof S>(
  store: { get(): S; set(patch: Partial<S>): void },
  key: K,
  path: string,
  schema: z.ZodType<S[K]>,
): Promise<void> {
  const { api } = await whenLinked();
  if (store.get().status === 'idle') store.set({ status: 'loading' } as Partial<S>);
  try {
    store.set({ [key]: await api.get(path, schema), status: 'ready', error: null } as Partial<S>);
  } catch (err) {
    store.set({ status: 'error', error: sayError(err) } as Partial<S>);
  }
}
