import { describe, expect, it } from 'vitest';
import type { CurrentProduct } from '../contract.js';
import { dropCard, nextCards } from './card-stack.js';

const p = (sku: string, since = 1, priceFen = 100): CurrentProduct => ({ sku, name: sku, priceFen, image: null, since, gmvFen: 0, orders: 0 });

describe('card stack', () => {
  it('brings a card in and takes it out on clear', () => {
    let cards = nextCards([], p('A'));
    expect(cards.map((c) => [c.key, c.leaving])).toEqual([['A@1', false]]);
    cards = nextCards(cards, null);
    expect(cards.map((c) => [c.key, c.leaving])).toEqual([['A@1', true]]);
    expect(dropCard(cards, 'A@1')).toEqual([]);
    expect(nextCards([], null)).toEqual([]);
  });

  it('cross-fades to another product and updates the same one in place', () => {
    let cards = nextCards([], p('A'));
    cards = nextCards(cards, p('A', 1, 90));
    expect(cards).toHaveLength(1);
    expect(cards[0]?.product.priceFen).toBe(90);
    cards = nextCards(cards, p('B', 2));
    expect(cards.map((c) => [c.key, c.leaving])).toEqual([
      ['A@1', true],
      ['B@2', false],
    ]);
  });

  it('never drops a card that is still showing', () => {
    const cards = nextCards([], p('A'));
    expect(dropCard(cards, 'A@1')).toHaveLength(1);
  });

  it('treats a new explain of the same product as a new card', () => {
    const cards = nextCards(nextCards([], p('A', 1)), p('A', 5));
    expect(cards.map((c) => [c.key, c.leaving])).toEqual([
      ['A@1', true],
      ['A@5', false],
    ]);
  });
});
