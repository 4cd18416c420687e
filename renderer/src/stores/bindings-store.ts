import { z } from 'zod';
import { create } from 'zustand';
import { bindingsSchema, controlDeviceViewSchema, type Bindings, type KeyBinding, type Layout } from '../contract.js';
import { ApiRequestError } from '../lib/api-client.js';
import { whenLinked } from '../lib/desk-link.js';
import { sayError } from './prefs-store.js';

const ok = z.unknown();

type BindingsStore = {
  /** What the core has stored; `draft` is what the editor shows until saved. */
  saved: Bindings | null;
  draft: Bindings | null;
  status: 'idle' | 'loading' | 'ready' | 'saving' | 'error';
  error: string | null;
  errorField: string | null;
  load(): Promise<void>;
  save(): Promise<boolean>;
  revert(): void;
  /** Puts `binding` on `key` of `page` in layout `layoutId` (null clears the key). */
  setKey(layoutId: string, page: number, key: number, binding: KeyBinding | null, seed: Layout): void;
  addPage(layoutId: string, seed: Layout): void;
  removePage(layoutId: string, page: number): void;
  update(change: (draft: Bindings) => Bindings): void;
  rescan(): Promise<void>;
  learn(device: string | null): Promise<void>;
};

const clone = <T>(value: T): T => structuredClone(value);

export const useBindingsStore = create<BindingsStore>()((set, get) => {
  /** The draft's layout, started from `seed` (the layout the deck shows now) when it has none yet. */
  const layoutOf = (draft: Bindings, layoutId: string, seed: Layout): Layout => draft.layouts[layoutId] ?? clone(seed);

  return {
    saved: null,
    draft: null,
    status: 'idle',
    error: null,
    errorField: null,
    async load() {
      const { api } = await whenLinked();
      set({ status: 'loading' });
      try {
        const saved = await api.get('/bindings', bindingsSchema);
        set({ saved, draft: clone(saved), status: 'ready', error: null, errorField: null });
      } catch (err) {
        set({ status: 'error', error: sayError(err) });
      }
    },
    async save() {
      const { api } = await whenLinked();
      const draft = get().draft;
      if (!draft) return false;
      set({ status: 'saving' });
      try {
        const saved = await api.send('PUT', '/bindings', draft, bindingsSchema);
        set({ saved, draft: clone(saved), status: 'ready', error: null, errorField: null });
        return true;
      } catch (err) {
        set({ status: 'ready', error: sayError(err), errorField: err instanceof ApiRequestError ? (err.field ?? null) : null });
        return false;
      }
    },
    revert() {
      const saved = get().saved;
      set({ draft: saved ? clone(saved) : null, error: null, errorField: null });
    },
    setKey(layoutId, page, key, binding, seed) {
      get().update((draft) => {
        const layout = layoutOf(draft, layoutId, seed);
        const target = layout.pages[page];
        if (!target) return draft;
        if (binding) target.keys[String(key)] = binding;
        else delete target.keys[String(key)];
        return { ...draft, layouts: { ...draft.layouts, [layoutId]: layout } };
      });
    },
    addPage(layoutId, seed) {
      get().update((draft) => {
        const layout = layoutOf(draft, layoutId, seed);
        layout.pages.push({ name: '', keys: {} });
        return { ...draft, layouts: { ...draft.layouts, [layoutId]: layout } };
      });
    },
    removePage(layoutId, page) {
      get().update((draft) => {
        const layout = draft.layouts[layoutId];
        if (!layout || layout.pages.length < 2) return draft;
        layout.pages.splice(page, 1);
        return { ...draft, layouts: { ...draft.layouts, [layoutId]: layout } };
      });
    },
    update(change) {
      const draft = get().draft;
      if (draft) set({ draft: change(clone(draft)), error: null, errorField: null });
    },
    async rescan() {
      const { api } = await whenLinked();
      try {
        await api.send('POST', '/controls/rescan', undefined, z.array(controlDeviceViewSchema));
      } catch (err) {
        set({ error: sayError(err) });
      }
    },
    async learn(device) {
      const { api } = await whenLinked();
      try {
        await api.send('POST', '/controls/learn', { device }, ok);
      } catch (err) {
        set({ error: sayError(err) });
      }
    },
  };
});

/** Whether the draft differs from what is stored. */
export const isDirty = (s: { saved: Bindings | null; draft: Bindings | null }) => JSON.stringify(s.saved) !== JSON.stringify(s.draft);
