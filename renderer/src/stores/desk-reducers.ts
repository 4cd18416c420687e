import type { DeskState, SurfaceState } from '../contract.js';

export type Notice = { id: number; ts: number; action: string; code: string; message: string };

export const MAX_NOTICES = 4;

/**
 * Whether a pushed state replaces the one shown: newer revisions win; after a reconnect the first state
 * is taken whatever its revision, because a restarted core counts from zero again.
 */
export function acceptsState(current: DeskState | null, incoming: DeskState, freshLink: boolean): boolean {
  return freshLink || current === null || incoming.rev >= current.rev;
}

/** Newest first, at most MAX_NOTICES; a repeat of the newest message replaces it instead of stacking. */
export function pushNotice(list: readonly Notice[], notice: Notice): Notice[] {
  const head = list[0];
  const rest = head && head.action === notice.action && head.message === notice.message ? list.slice(1) : list;
  return [notice, ...rest].slice(0, MAX_NOTICES);
}

/** The on-screen deck: the first surface of kind 'virtual'. */
export function virtualSurface(state: DeskState | null): SurfaceState | null {
  return state?.surfaces.find((s) => s.kind === 'virtual') ?? null;
}

/**
 * Stable empties for selectors: a selector that returns a fresh `[]` on every call makes React re-render
 * forever (zustand compares by identity).
 */
export const NO_SCENES: readonly string[] = Object.freeze([]);
export const NO_ALERTS: DeskState['alerts'] = [];
