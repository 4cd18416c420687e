import type { ApiClient } from './api-client.js';
import type { DeskSocket } from './desk-socket.js';

/** The live connection to the core, shared by the stores' actions; set once the console knows its token. */
export type DeskLink = { url: string; api: ApiClient; socket: DeskSocket; token?: string };

let current: DeskLink | null = null;
let waiters: ((link: DeskLink) => void)[] = [];

export function setLink(link: DeskLink | null): void {
  current?.socket.stop();
  current = link;
  if (link) {
    const ready = waiters;
    waiters = [];
    ready.forEach((w) => w(link));
  }
}

export function getLink(): DeskLink | null {
  return current;
}

/** Resolves with the link as soon as there is one, so a store can ask for data before the token is known. */
export function whenLinked(): Promise<DeskLink> {
  return current ? Promise.resolve(current) : new Promise((resolve) => waiters.push(resolve));
}
