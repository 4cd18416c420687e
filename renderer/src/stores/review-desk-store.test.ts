import { describe, expect, it } from 'vitest';
import { listQuery, localDayStart } from './review-desk-store.js';

describe('review list query', () => {
  it('sends typed days as local-midnight bounds, the "to" day included', () => {
    const from = localDayStart('2026-03-07') as number;
    expect(new Date(from).getHours()).toBe(0);
    expect(new Date(from).getDate()).toBe(7);
    expect(localDayStart('2026-03-07', 1)! - from).toBeGreaterThanOrEqual(23 * 3_600_000);
    expect(localDayStart('nope')).toBeNull();
    expect(listQuery({ q: '春茶', from: '2026-03-07', to: '2026-03-07', tag: '' })).toBe(`?q=${encodeURIComponent('春茶')}&from=${from}&to=${localDayStart('2026-03-07', 1)}`);
    expect(listQuery({ q: '', from: '', to: '', tag: '' })).toBe('');
  });
});
