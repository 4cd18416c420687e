import type { CurrentProduct } from '../contract.js';

export type Card = { key: string; product: CurrentProduct; leaving: boolean };

/** One explain is one card: the same product explained again later animates in again. */
export const cardKey = (p: CurrentProduct): string => `${p.sku}@${p.since}`;

/**
 * The cards on screen after the current product becomes `product`: the card for it stays (with fresh
 * data, e.g. a price change), every other card is marked leaving and removed once its exit animation
 * ends (see `dropCard`). So a change of product cross-fades and a clear animates out.
 */
export function nextCards(cards: readonly Card[], product: CurrentProduct | null): Card[] {
  const key = product ? cardKey(product) : null;
  const out = cards.map((c) => (c.key === key && product ? { ...c, product, leaving: false } : c.leaving ? c : { ...c, leaving: true }));
  if (product && key && !out.some((c) => c.key === key)) out.push({ key, product, leaving: false });
  return out;
}

export function dropCard(cards: readonly Card[], key: string): Card[] {
  return cards.filter((c) => !(c.key === key && c.leaving));
}
