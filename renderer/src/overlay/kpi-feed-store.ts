import { create } from 'zustand';
import { DeskSocket, type SocketStatus } from '../lib/desk-socket.js';
import { FrameCoalescer, frameOf, pushHistory, type HistoryPoint, type KpiFrame } from './kpi-feed.js';

type KpiFeedStore = {
  frame: KpiFrame | null;
  history: HistoryPoint[];
  /** Renders so far: the e2e checks that a burst of ingest does not mean a burst of renders. */
  renders: number;
  socket: SocketStatus;
  start(url: string, token: string): void;
};

let socket: DeskSocket | null = null;

/** The live numbers for the KPI ticker, the data board and the desk KPI window. */
export const useKpiFeed = create<KpiFeedStore>()((set, get) => {
  const coalescer = new FrameCoalescer((frame) => {
    set({ frame, history: pushHistory(get().history, frame, Date.now()), renders: get().renders + 1 });
  });
  return {
    frame: null,
    history: [],
    renders: 0,
    socket: { kind: 'stopped' },
    start(url, token) {
      if (socket) return;
      // Like the product card: keep retrying and keep the last numbers on screen while the desk is away.
      socket = new DeskSocket({
        url,
        token,
        onStatus: (status) => set({ socket: status }),
        onMessage(msg) {
          const frame = frameOf(msg);
          if (!frame) return;
          // The first frame draws at once; later ones are coalesced.
          if (!get().frame) {
            coalescer.push(frame);
            coalescer.flush();
          } else coalescer.push(frame);
        },
      });
      socket.start();
    },
  };
});
