import { z } from 'zod';
import { create } from 'zustand';
import {
  bundleImportReplySchema,
  compareReplySchema,
  platformCompareSchema,
  productStatsSchema,
  reviewListItemSchema,
  sessionNotesReplySchema,
  sessionReviewSchema,
  type BundleImportReply,
  type CompareReply,
  type PlatformCompare,
  type ProductStats,
  type ReviewListItem,
  type SessionNotes,
  type SessionNotesReply,
  type SessionReview,
} from '../contract.js';
import { whenLinked } from '../lib/desk-link.js';
import { downloadName } from '../features/review/review-format.js';
import { sayError } from './prefs-store.js';

const listSchema = z.array(reviewListItemSchema);
const productsSchema = z.array(productStatsSchema);

export type ListFilter = { q: string; from: string; to: string; tag: string };
const EMPTY_FILTER: ListFilter = { q: '', from: '', to: '', tag: '' };

type ReviewDeskStore = {
  filter: ListFilter;
  items: ReviewListItem[];
  allTags: string[];
  listError: string | null;
  selected: string[];
  reviewId: string | null;
  review: SessionReview | null;
  products: ProductStats[] | null;
  notes: SessionNotesReply | null;
  /** Imported platform figures beside the desk's (empty lists when nothing was imported). */
  platform: PlatformCompare | null;
  reviewError: string | null;
  compareIds: string;
  compare: CompareReply | null;
  compareError: string | null;
  setFilter(patch: Partial<ListFilter>): void;
  loadList(): Promise<void>;
  toggleSelected(id: string): void;
  patchSession(id: string, patch: { title?: string; tags?: string[] }): Promise<void>;
  deleteSession(id: string): Promise<void>;
  loadReview(id: string): Promise<void>;
  saveNotes(id: string, notes: SessionNotes): Promise<void>;
  loadCompare(ids: string[]): Promise<void>;
  openBundle(file: File): Promise<BundleImportReply>;
  download(path: string, fallbackName: string): Promise<void>;
};


/** A calendar day typed in the filter, as the local midnight that starts it (ms), or null. */
export function localDayStart(day: string, offsetDays = 0): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + offsetDays).getTime();
}

/** The list query: days become local-midnight bounds, so "from 7 March" means 7 March where the user is. */
export function listQuery(filter: ListFilter): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.tag) params.set('tag', filter.tag);
  const from = localDayStart(filter.from);
  const to = localDayStart(filter.to, 1);
  if (from !== null) params.set('from', String(from));
  if (to !== null) params.set('to', String(to));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Review's data: the filtered list, one session's review, compare, and files in and out. */
export const useReviewDeskStore = create<ReviewDeskStore>()((set, get) => ({
  filter: EMPTY_FILTER,
  items: [],
  allTags: [],
  listError: null,
  selected: [],
  reviewId: null,
  review: null,
  products: null,
  platform: null,
  notes: null,
  reviewError: null,
  compareIds: '',
  compare: null,
  compareError: null,
  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
    void get().loadList();
  },
  async loadList() {
    const { api } = await whenLinked();
    const filter = get().filter;
    try {
      const [items, all] = await Promise.all([api.get(`/review/sessions${listQuery(filter)}`, listSchema), api.get('/review/sessions', listSchema)]);
      if (get().filter !== filter) return;
      set({ items, allTags: [...new Set(all.flatMap((s) => s.tags))].sort(), listError: null });
    } catch (err) {
      set({ listError: sayError(err) });
    }
  },
  toggleSelected(id) {
    const selected = get().selected;
    set({ selected: selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id] });
  },
  async patchSession(id, patch) {
    const { api } = await whenLinked();
    await api.send('PATCH', `/sessions/${encodeURIComponent(id)}`, patch, reviewListItemSchema);
    await get().loadList();
    if (get().reviewId === id) await get().loadReview(id);
  },
  async deleteSession(id) {
    const { api } = await whenLinked();
    await api.send('DELETE', `/sessions/${encodeURIComponent(id)}?confirm=true`, undefined, z.object({ deleted: z.string() }));
    set({ selected: get().selected.filter((s) => s !== id) });
    await get().loadList();
  },
  async loadReview(id) {
    const { api } = await whenLinked();
    if (get().reviewId !== id) set({ reviewId: id, review: null, products: null, notes: null, platform: null, reviewError: null });
    const path = `/sessions/${encodeURIComponent(id)}`;
    const current = () => get().reviewId === id;
    const failed = (err: unknown) => {
      if (current()) set({ reviewError: sayError(err) });
    };
    // What the page draws first (curves, lanes, product table) is asked for first and shown as it
    // lands: the core answers one request at a time, so the notes and the imported platform figures,
    // further down the page, ask after it instead of in front of it (issue 15: 12-hour review open).
    try {
      await Promise.all([
        api.get(`${path}/review`, sessionReviewSchema).then((review) => current() && set({ review, reviewError: null })),
        api.get(`${path}/products`, productsSchema).then((products) => current() && set({ products })),
      ]);
    } catch (err) {
      return failed(err);
    }
    // Each shown as it lands: the notes are instant, the platform comparison costs the core a KPI pass.
    api.get(`${path}/notes`, sessionNotesReplySchema).then((notes) => current() && set({ notes }), failed);
    api.get(`${path}/platform/compare`, platformCompareSchema).then((platform) => current() && set({ platform }), failed);
  },
  async saveNotes(id, notes) {
    const { api } = await whenLinked();
    const saved = await api.send('PUT', `/sessions/${encodeURIComponent(id)}/notes`, notes, sessionNotesReplySchema);
    if (get().reviewId === id) set({ notes: saved });
  },
  async loadCompare(ids) {
    const { api } = await whenLinked();
    const key = ids.join(',');
    set({ compareIds: key, compare: get().compareIds === key ? get().compare : null, compareError: null });
    try {
      const compare = await api.get(`/review/compare?ids=${ids.map(encodeURIComponent).join(',')}`, compareReplySchema);
      if (get().compareIds === key) set({ compare });
    } catch (err) {
      if (get().compareIds === key) set({ compareError: sayError(err) });
    }
  },
  async openBundle(file) {
    const { api } = await whenLinked();
    const res = await api.raw('POST', '/review/import', file);
    const reply = bundleImportReplySchema.parse(await res.json());
    await get().loadList();
    return reply;
  },
  async download(path, fallbackName) {
    const { api } = await whenLinked();
    const res = await api.raw('GET', path);
    const blob = await res.blob();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = downloadName(res.headers.get('content-disposition'), fallbackName);
    document.body.append(a);
    a.click();
    a.remove();
    // Give the browser a moment to start the download before the object URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
}));
