import { create } from 'zustand';
import { API_PREFIX } from '../contract.js';
import { createApiClient } from '../lib/api-client.js';
import { forgetToken, rememberToken, resolveConsoleConnection } from '../lib/connection.js';
import { setLink, getLink } from '../lib/desk-link.js';
import { DeskSocket, type AuthCheck, type SocketStatus } from '../lib/desk-socket.js';
import { useDeskStore } from './desk-store.js';
import { useProductsStore } from './products-store.js';
import { useDevicesStore } from '../features/devices/devices-store.js';

type Phase = 'resolving' | 'need-token' | 'linked';

type ConnectionStore = {
  phase: Phase;
  url: string | null;
  socket: SocketStatus;
  /** The last token tried was refused by the core. */
  rejected: boolean;
  init(): Promise<void>;
  submitToken(token: string): void;
  retryNow(): void;
};

async function checkAuth(url: string, token: string): Promise<AuthCheck> {
  try {
    const res = await fetch(`${url}${API_PREFIX}/state`, { headers: { Authorization: `Bearer ${token}` } });
    return res.status === 401 || res.status === 403 ? 'unauthorized' : 'ok';
  } catch {
    return 'unreachable';
  }
}

// init() runs once per page even when React's StrictMode mounts the app twice.
let initStarted = false;

export const useConnectionStore = create<ConnectionStore>()((set, get) => {
  function link(url: string, token: string) {
    const socket = new DeskSocket({
      url,
      token,
      onMessage(msg) {
        if (msg.type === 'state') useDeskStore.getState().receive(msg.state);
      },
      onStatus(status) {
        set({ socket: status });
        if (status.kind === 'open') {
          set({ rejected: false });
          useDeskStore.getState().linkOpened();
          // Another console may have changed the catalog while this one was away.
          void useProductsStore.getState().load();
          void useDevicesStore.getState().load();
        } else if (status.kind === 'unauthorized') {
          forgetToken();
          setLink(null);
          set({ phase: 'need-token', rejected: true });
        }
      },
      onMalformed(detail) {
        useDeskStore.getState().setMalformed(detail);
      },
      checkAuth: () => checkAuth(url, token),
    });
    setLink({ url, api: createApiClient(url, token), socket, token });
    set({ phase: 'linked', url });
    socket.start();
  }

  return {
    phase: 'resolving',
    url: null,
    socket: { kind: 'stopped' },
    rejected: false,
    async init() {
      if (initStarted) return;
      initStarted = true;
      const { url, token } = await resolveConsoleConnection();
      if (token) link(url, token);
      else set({ phase: 'need-token', url });
    },
    submitToken(token) {
      const url = get().url;
      if (!url || !token.trim()) return;
      rememberToken(token.trim());
      link(url, token.trim());
    },
    retryNow() {
      getLink()?.socket.retryNow();
    },
  };
});
