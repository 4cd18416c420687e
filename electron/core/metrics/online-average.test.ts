import { describe, expect, it } from 'vitest';
import { OnlineAverage } from './online-average.js';

describe('平均在线 (OnlineAverage)', () => {
  it('counts minutes from the show start, not the wall clock', () => {
    // A show starting 45 s past a wall-clock minute: readings at show time 0:10 and 0:50 are one minute.
    const start = Date.UTC(2026, 0, 10, 12, 0, 45);
    const a = new OnlineAverage(start);
    a.add(start + 10_000, 100);
    a.add(start + 50_000, 200); // wall clock 12:01:35 — a new wall minute, the same show minute
    a.add(start + 70_000, 300);
    expect(a.value).toBe((200 + 300) / 2);
  });

  it('carries a silent minute forward and ignores a late reading', () => {
    const a = new OnlineAverage(0);
    a.add(0, 10);
    a.add(150_000, 13); // minute 1 had no reading: it keeps 10
    a.add(30_000, 999); // late: neither the gauge nor a closed minute moves
    expect(a.value).toBe((10 + 10 + 13) / 3);
    expect(new OnlineAverage(0).value).toBeNull();
  });
});
