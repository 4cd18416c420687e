import { afterEach, describe, expect, it } from 'vitest';
import type { Bindings, DeskState, FlashSale, Product, SurfaceState } from '../contract/index.js';
import { VirtualDeck } from '../../../native/sim/virtual-deck.js';
import { DeckBinder } from './deck-binder.js';

const tea = { sku: 'TEA-01', name: '明前龙井', priceFen: 12_800, flashPriceFen: 9_900, image: null } as Product;
const sale = { sku: 'TEA-01', name: '明前龙井', priceFen: 9_900, stock: 9, sold: 0, startedAt: Date.now(), endsAt: Date.now() + 30_000 } as FlashSale;
const state = {
  rev: 1,
  obs: { status: 'connected', programScene: null, previewScene: null, scenes: [], streaming: false },
  product: null,
  session: { id: 's' },
  kpi: {},
  flashSale: sale,
  plan: null,
  serial: [],
} as unknown as DeskState;

let binder: DeckBinder | null = null;
afterEach(async () => {
  await binder?.close();
  binder = null;
});

describe('the flash-sale countdown on keys', () => {
  it('redraws once a second from the typed sale, with no new state and whatever the key is labelled', async () => {
    const bindings = {
      layouts: { default: { pages: [{ name: '', keys: { '0': { kind: 'action', action: { type: 'flashsale.start', sku: 'TEA-01', seconds: 30 }, label: '龙井秒杀' } } }] } },
    } as unknown as Bindings;
    const seen: string[] = [];
    let changed: (() => void) | null = null;
    binder = new DeckBinder({
      dispatch: async () => ({}),
      products: () => [tea],
      bindings: () => bindings,
      onError: () => {},
      onLooks: (surfaces: SurfaceState[]) => {
        seen.push(surfaces[0]?.keys[0]?.detail ?? '');
        changed?.();
      },
    });
    binder.attach(new VirtualDeck({ columns: 3, rows: 1 }), state);
    expect(seen.at(-1)).toMatch(/^0:[23]\d 剩 9$/);
    // The state never changes again: only the ticker can move the clock on the key.
    await new Promise<void>((resolve) => (changed = resolve));
    expect(seen.at(-1)).toMatch(/^0:[12]\d 剩 9$/);
    expect(seen.at(-1)).not.toBe(seen.at(-2));
  });
});
