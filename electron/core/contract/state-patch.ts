import { z } from 'zod';
import { deskStateSchema, overlayStateSchema, type DeskState } from './state.js';

/**
 * Publication by change (issue 15): after the full state on connect, a client that asked for patches
 * (`/ws?…&patch=1`) gets only the top-level keys that changed since the revision it holds. `from` is
 * that revision; a client whose revision differs has missed something and asks for the full state
 * again (`{type:"resync"}`). Keys are the state schema's own, so a new state field is published
 * without touching this file.
 */
export type DeskStateKey = Exclude<keyof DeskState, 'rev'>;

/** Every top-level state key but `rev`, from the schema. */
export const DESK_STATE_KEYS = Object.keys(deskStateSchema.shape).filter((k): k is DeskStateKey => k !== 'rev');

/** The keys an overlay (read-only token) sees, from the overlay schema. */
export const OVERLAY_STATE_KEYS = Object.keys(overlayStateSchema.shape).filter((k): k is DeskStateKey & keyof typeof overlayStateSchema.shape => k !== 'rev');

const patchFields = { from: z.int().nonnegative(), rev: z.int().nonnegative(), unset: z.array(z.string()).optional() };

export const statePatchSchema = z.object({ ...patchFields, set: deskStateSchema.omit({ rev: true }).partial() });
export const overlayPatchSchema = z.object({ ...patchFields, set: overlayStateSchema.omit({ rev: true }).partial() });

export interface StatePatch<S> {
  from: number;
  rev: number;
  set: Partial<Omit<S, 'rev'>>;
  /** Optional keys that are gone (JSON cannot carry `undefined`). */
  unset?: readonly string[] | undefined;
}

/**
 * The state after `patch`, or null when the patch does not follow `base` (a gap: resync). Keys the
 * patch does not name keep their identity, so views that select them do not redraw.
 */
export function applyStatePatch<S extends { rev: number }>(base: S | null, patch: StatePatch<S>): S | null {
  if (!base || base.rev !== patch.from) return null;
  const next = { ...base, ...patch.set, rev: patch.rev } as S;
  for (const key of patch.unset ?? []) delete (next as Record<string, unknown>)[key];
  return next;
}

/** The patch taking a client from `from` to `state`, naming `keys` (those of them the state lacks go to `unset`). */
export function statePatchOf<S extends { rev: number }>(state: S, from: number, keys: Iterable<keyof S & string>): StatePatch<S> {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const key of keys) {
    const value = state[key];
    if (value === undefined) unset.push(key);
    else set[key] = value;
  }
  return unset.length ? { from, rev: state.rev, set: set as StatePatch<S>['set'], unset } : { from, rev: state.rev, set: set as StatePatch<S>['set'] };
}
