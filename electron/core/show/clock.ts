/** Time as the show modules see it, so flash sales and pacing run against a fake clock in tests. */
export interface Clock {
  now(): number;
  /** Calls `fn` after `ms`; returns a cancel function. */
  after(ms: number, fn: () => void): () => void;
}

export const systemClock = (now: () => number = Date.now): Clock => ({
  now,
  after(ms, fn) {
    const timer = setTimeout(fn, Math.max(0, ms));
    // A pending countdown must not keep a closing core alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
});
