import { describe, expect, it } from 'vitest';
import { stockLevel } from './stock-level.js';

describe('stockLevel', () => {
  it('is unknown without a stock, ok with plenty, low near the end, oversold past it', () => {
    expect(stockLevel(null, 12)).toEqual({ kind: 'unknown' });
    expect(stockLevel(300, 100)).toEqual({ kind: 'ok', left: 200 });
    expect(stockLevel(300, 270)).toEqual({ kind: 'low', left: 30 });
    expect(stockLevel(300, 269)).toEqual({ kind: 'ok', left: 31 });
    expect(stockLevel(20, 15)).toEqual({ kind: 'low', left: 5 });
    expect(stockLevel(20, 20)).toEqual({ kind: 'low', left: 0 });
    expect(stockLevel(20, 23)).toEqual({ kind: 'oversold', over: 3 });
  });
});
