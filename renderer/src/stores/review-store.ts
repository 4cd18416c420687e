import { z } from 'zod';
import { create } from 'zustand';
import {
  sessionDetailSchema,
  sessionListItemSchema,
  sessionTimelineSchema,
  type SessionDetail,
  type SessionListItem,
  type SessionTimeline,
} from '../contract.js';
import { ApiRequestError } from '../lib/api-client.js';
import { whenLinked } from '../lib/desk-link.js';

const sessionList = z.array(sessionListItemSchema);
/** Enough points for a smooth curve on a wide screen, few enough to draw instantly. */
export const TIMELINE_POINTS = 600;

type Load = 'idle' | 'loading' | 'ready' | 'error' | 'not-found';

type ReviewStore = {
  sessions: SessionListItem[];
  listStatus: Load;
  listError: string | null;
  sessionId: string | null;
  detail: SessionDetail | null;
  timeline: SessionTimeline | null;
  detailStatus: Load;
  detailError: string | null;
  timelineError: string | null;
  loadList(): Promise<void>;
  loadSession(id: string): Promise<void>;
};

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export const useReviewStore = create<ReviewStore>()((set, get) => ({
  sessions: [],
  listStatus: 'idle',
  listError: null,
  sessionId: null,
  detail: null,
  timeline: null,
  detailStatus: 'idle',
  detailError: null,
  timelineError: null,
  async loadList() {
    const { api } = await whenLinked();
    if (get().listStatus !== 'ready') set({ listStatus: 'loading' });
    try {
      set({ sessions: await api.get('/sessions', sessionList), listStatus: 'ready', listError: null });
    } catch (err) {
      set({ listStatus: 'error', listError: message(err) });
    }
  },
  async loadSession(id) {
    const { api } = await whenLinked();
    if (get().sessionId !== id) {
      set({ sessionId: id, detail: null, timeline: null, detailStatus: 'loading', detailError: null, timelineError: null });
    }
    const path = `/sessions/${encodeURIComponent(id)}`;
    // Detail and timeline load side by side and fail separately: a missing chart must not hide the log.
    // A slow answer for a session the user already left must not overwrite the current one.
    const detail = api.get(path, sessionDetailSchema).then(
      (d) => get().sessionId === id && set({ detail: d, detailStatus: 'ready', detailError: null }),
      (err: unknown) => {
        if (get().sessionId !== id) return;
        const notFound = err instanceof ApiRequestError && err.status === 404;
        set({ detailStatus: notFound ? 'not-found' : 'error', detailError: message(err) });
      },
    );
    const timeline = api.get(`${path}/timeline?points=${TIMELINE_POINTS}`, sessionTimelineSchema).then(
      (t) => get().sessionId === id && set({ timeline: t, timelineError: null }),
      (err: unknown) => get().sessionId === id && set({ timelineError: message(err) }),
    );
    await Promise.all([detail, timeline]);
  },
}));
