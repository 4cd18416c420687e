import { create } from 'zustand';
import type { Action, DeskState } from '../contract.js';
import { getLink } from '../lib/desk-link.js';
import { RequestError } from '../lib/desk-socket.js';
import { acceptsState, pushNotice, type Notice } from './desk-reducers.js';

const NOTICE_MS = 7000;

type DeskStore = {
  /** The last state the core pushed; stale (but kept on screen, dimmed) while the link is down. */
  state: DeskState | null;
  /** Set when the core sent a state that fails the contract; the last good state stays. */
  malformed: string | null;
  notices: Notice[];
  freshLink: boolean;
  receive(state: DeskState): void;
  setMalformed(detail: string): void;
  linkOpened(): void;
  /** Sends one action; failures become a notice. Resolves with whether the core accepted it. */
  run(action: Action): Promise<boolean>;
  pressKey(surface: string, key: number, down: boolean): void;
  /** Shows why something the operator pressed did nothing (a hotkey the core refused, …). */
  report(action: string, err: unknown): void;
  dismiss(id: number): void;
  reset(): void;
};

let noticeId = 0;

export const useDeskStore = create<DeskStore>()((set, get) => {
  const fail = (action: string, err: unknown) => {
    const code = err instanceof RequestError ? err.code : 'error';
    const message = err instanceof Error ? err.message : String(err);
    const notice: Notice = { id: ++noticeId, ts: Date.now(), action, code, message };
    set({ notices: pushNotice(get().notices, notice) });
    setTimeout(() => get().dismiss(notice.id), NOTICE_MS);
  };

  const request = (message: Parameters<NonNullable<ReturnType<typeof getLink>>['socket']['request']>[0]) => {
    const link = getLink();
    return link ? link.socket.request(message) : Promise.reject(new RequestError('offline', 'desk disconnected'));
  };

  return {
    state: null,
    malformed: null,
    notices: [],
    freshLink: false,
    receive(state) {
      const { state: current, freshLink } = get();
      if (acceptsState(current, state, freshLink)) set({ state, freshLink: false, malformed: null });
    },
    setMalformed(detail) {
      set({ malformed: detail });
    },
    linkOpened() {
      set({ freshLink: true });
    },
    async run(action) {
      try {
        await request({ type: 'action', action, via: 'ui' });
        return true;
      } catch (err) {
        fail(action.type, err);
        return false;
      }
    },
    pressKey(surface, key, down) {
      request({ type: 'surface.key', surface, key, down }).catch((err: unknown) => fail(`key ${key + 1}`, err));
    },
    report(action, err) {
      fail(action, err);
    },
    dismiss(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
    reset() {
      set({ state: null, malformed: null, notices: [], freshLink: false });
    },
  };
});
