import type { IngestSourceRate } from '../contract/index.js';

const WINDOW_S = 5;
/** A source silent this long leaves the list: it was a one-off script, not a connector. */
const FORGET_MS = 10 * 60_000;

interface SourceCounter {
  total: number;
  lastAt: number;
  /** Events per wall-clock second, for the last WINDOW_S seconds, as a ring. */
  buckets: number[];
  bucketSecond: number;
}

/** Events per second per connector source, over a sliding window of whole seconds. */
export class IngestRates {
  private readonly sources = new Map<string, SourceCounter>();

  record(source: string | null, events: number, now: number): void {
    const name = source ?? 'default';
    const second = Math.floor(now / 1000);
    let c = this.sources.get(name);
    if (!c) {
      c = { total: 0, lastAt: now, buckets: new Array<number>(WINDOW_S).fill(0), bucketSecond: second };
      this.sources.set(name, c);
    }
    advance(c, second);
    c.buckets[second % WINDOW_S] = (c.buckets[second % WINDOW_S] ?? 0) + events;
    c.total += events;
    c.lastAt = now;
  }

  /** The rate of the last WINDOW_S seconds including the current one (so a burst shows at once). */
  view(now: number): IngestSourceRate[] {
    const second = Math.floor(now / 1000);
    const out: IngestSourceRate[] = [];
    for (const [source, c] of this.sources) {
      if (now - c.lastAt > FORGET_MS) {
        this.sources.delete(source);
        continue;
      }
      advance(c, second);
      const sum = c.buckets.reduce((a, b) => a + b, 0);
      out.push({ source, perSecond: Math.round((sum / WINDOW_S) * 10) / 10, total: c.total, lastAt: c.lastAt });
    }
    return out.sort((a, b) => a.source.localeCompare(b.source));
  }

  /** All sources' events per second. */
  total(now: number): number {
    return this.view(now).reduce((sum, s) => sum + s.perSecond, 0);
  }

  clear(): void {
    this.sources.clear();
  }
}

/** Zeroes the buckets of seconds that passed without events. */
function advance(c: SourceCounter, second: number): void {
  if (second <= c.bucketSecond) return;
  const gap = Math.min(WINDOW_S, second - c.bucketSecond);
  for (let i = 1; i <= gap; i++) c.buckets[(c.bucketSecond + i) % WINDOW_S] = 0;
  c.bucketSecond = second;
}
