import { create } from 'zustand';
import { toOverlayState, type OverlayState } from '../contract.js';
import { DeskSocket, type SocketStatus } from '../lib/desk-socket.js';
import { dropCard, nextCards, type Card } from './card-stack.js';

type OverlayStore = {
  state: OverlayState | null;
  cards: Card[];
  socket: SocketStatus;
  start(url: string, token: string): void;
  cardGone(key: string): void;
};

let socket: DeskSocket | null = null;

export const useOverlayStore = create<OverlayStore>()((set, get) => ({
  state: null,
  cards: [],
  socket: { kind: 'stopped' },
  start(url, token) {
    if (socket) return;
    // An overlay keeps retrying forever and keeps its last picture while the desk is away: on air, a
    // card vanishing because of a core restart would be worse than a card that stays a few seconds.
    socket = new DeskSocket({
      url,
      token,
      onStatus: (status) => set({ socket: status }),
      onMessage(msg) {
        if (msg.type !== 'overlay' && msg.type !== 'state') return;
        // Every overlay field, picked by the schema's keys (a hand-copied list once dropped the sell-out).
        const state = toOverlayState(msg.state);
        set({ state, cards: nextCards(get().cards, state.product) });
      },
    });
    socket.start();
  },
  cardGone(key) {
    set({ cards: dropCard(get().cards, key) });
  },
}));
