import type { BindingPage, KeyBinding, Layout } from '../../contract.js';

/** Which way a dial turns; a dial binding holds one binding per direction. */
export type DialTurn = 'left' | 'right';
export const DIAL_TURNS: readonly DialTurn[] = ['left', 'right'];

/** Dials per Stream Deck model (hardware reference: Plus has 4 encoders, Studio 2). */
const MODEL_DIALS: Readonly<Record<string, number>> = { plus: 4, studio: 2 };

/**
 * How many dials the editor offers for a layout: the deck's own, or for the `default` layout (every
 * deck) as many as the largest dial deck has, so a Plus plugged in later finds its dials bound.
 */
export function dialCount(model: string | undefined, layoutId: string): number {
  if (layoutId === 'default') return Math.max(...Object.values(MODEL_DIALS));
  return (model ? MODEL_DIALS[model] : undefined) ?? 0;
}

/** What turning `dial` toward `turn` does on a page, if anything. */
export function dialBinding(page: BindingPage | undefined, dial: number, turn: DialTurn): KeyBinding | undefined {
  return page?.dials?.[String(dial)]?.[turn];
}

/**
 * The layout with one dial direction bound (or cleared with null), leaving the input untouched. A dial
 * with neither direction is removed, and a page without dials drops `dials`, so the saved document
 * only holds what was bound (the schema accepts dial indexes 0–9).
 */
export function setDial(layout: Layout, pageIndex: number, dial: number, turn: DialTurn, binding: KeyBinding | null): Layout {
  const page = layout.pages[pageIndex];
  if (!page || !Number.isInteger(dial) || dial < 0 || dial > 9) return layout;
  const dials = { ...(page.dials ?? {}) };
  const next = { ...(dials[String(dial)] ?? {}) };
  if (binding) next[turn] = binding;
  else delete next[turn];
  if (next.left || next.right) dials[String(dial)] = next;
  else delete dials[String(dial)];
  const { dials: _old, ...rest } = page;
  const updated: BindingPage = Object.keys(dials).length ? { ...rest, dials } : rest;
  return { ...layout, pages: layout.pages.map((p, i) => (i === pageIndex ? updated : p)) };
}
