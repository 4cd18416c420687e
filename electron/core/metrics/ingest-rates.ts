import type { IngestSourceRate } from '../contract/index.js';

const WINDOW_S = 5;
/** A source silent this long leaves the list: it was a one-off script, not a connector. */
const FORGET_MS = 10 * 60_000;

interface SourceCounter {
  total: number;
  firstAt: number;
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
      c = { total: 0, firstAt: now, lastAt: now, buckets: new Array<number>(WINDOW_S).fill(0), bucketSecond: second };
      this.sources.set(name, c);
    }
    advance(c, second);
    c.buckets[second % WINDOW_S] = (c.buckets[second % WINDOW_S] ?? 0) + events;
    c.total += events;
    c.lastAt = now;
  }

  /**
   * The rate over the window including the current, partial second (so a burst shows at once),
   * divided by the time the window really spans: the elapsed part of this second, or less for a source
   * that started a moment ago (at least one second, so a first burst does not read as a huge rate).
   */
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
      const span = Math.max(1, Math.min(WINDOW_S - 1 + (now % 1000) / 1000, (now - c.firstAt) / 1000));
      out.push({ source, perSecond: Math.round((sum / span) * 10) / 10, total: c.total, lastAt: c.lastAt });
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
