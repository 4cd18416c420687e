import { z } from 'zod';
import { create } from 'zustand';
import {
  sessionDetailSchema,
  sessionListItemSchema,
  type SessionDetail,
  type SessionListItem,
} from '../contract.js';
import { ApiRequestError } from '../lib/api-client.js';
import { whenLinked } from '../lib/desk-link.js';
import { sayError } from './prefs-store.js';

const sessionList = z.array(sessionListItemSchema);

type Load = 'idle' | 'loading' | 'ready' | 'error' | 'not-found';

type ReviewStore = {
  sessions: SessionListItem[];
  listStatus: Load;
  listError: string | null;
  sessionId: string | null;
  detail: SessionDetail | null;
  detailStatus: Load;
  detailError: string | null;
  loadList(): Promise<void>;
  loadSession(id: string): Promise<void>;
};


export const useReviewStore = create<ReviewStore>()((set, get) => ({
  sessions: [],
  listStatus: 'idle',
  listError: null,
  sessionId: null,
  detail: null,
  detailStatus: 'idle',
  detailError: null,
  async loadList() {
    const { api } = await whenLinked();
    if (get().listStatus !== 'ready') set({ listStatus: 'loading' });
    try {
      set({ sessions: await api.get('/sessions', sessionList), listStatus: 'ready', listError: null });
    } catch (err) {
      set({ listStatus: 'error', listError: sayError(err) });
    }
  },
  async loadSession(id) {
    const { api } = await whenLinked();
    if (get().sessionId !== id) {
      set({ sessionId: id, detail: null, detailStatus: 'loading', detailError: null });
    }
    const path = `/sessions/${encodeURIComponent(id)}`;
    // The session's event log and status; its curves come from the review store's /review call,
    // so the older /timeline is not fetched twice. A slow answer for a session the user already
    // left must not overwrite the current one.
    await api.get(path, sessionDetailSchema).then(
      (d) => get().sessionId === id && set({ detail: d, detailStatus: 'ready', detailError: null }),
      (err: unknown) => {
        if (get().sessionId !== id) return;
        const notFound = err instanceof ApiRequestError && err.status === 404;
        set({ detailStatus: notFound ? 'not-found' : 'error', detailError: sayError(err) });
      },
    );
  },
}));
