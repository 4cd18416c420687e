import type { ExplainSegment, SessionListItem } from '../../contract.js';

export type Band = { key: string; sku: string; name: string; x1: number; x2: number; shade: number };

/** When a session's chart ends: its end, or now while it is still live. */
export function sessionEnd(session: Pick<SessionListItem, 'endedAt' | 'startedAt'>, now: number): number {
  return session.endedAt ?? Math.max(now, session.startedAt);
}

/** Explain segments as chart bands; an open segment runs to `end`. Alternating shades keep neighbours apart. */
export function bandsFor(segments: readonly ExplainSegment[], end: number): Band[] {
  return segments.map((s, i) => ({
    key: `${s.sku}@${s.startedAt}`,
    sku: s.sku,
    name: s.name,
    x1: s.startedAt,
    x2: Math.max(s.startedAt, s.endedAt ?? end),
    shade: i % 2,
  }));
}

/** The product being explained at `ts`, if any (for the chart tooltip). */
export function segmentAt(segments: readonly ExplainSegment[], ts: number, end: number): ExplainSegment | null {
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i];
    if (s && s.startedAt <= ts && ts < (s.endedAt ?? end)) return s;
  }
  return null;
}

/**
 * A band's label cut to what fits `widthPx` (CJK glyphs count double), or null when not even two
 * characters fit: neighbouring short segments must not print over each other.
 */
export function fitLabel(name: string, widthPx: number, charPx = 7): string | null {
  const room = Math.floor((widthPx - 8) / charPx);
  const weight = (ch: string) => (/[\u2e80-\uffff]/.test(ch) ? 2 : 1);
  const chars = [...name];
  let used = 0;
  let out = '';
  for (const ch of chars) {
    if (used + weight(ch) > room) break;
    used += weight(ch);
    out += ch;
  }
  if (out.length === chars.length) return out;
  return out.length >= 2 ? `${out.slice(0, -1)}…` : null;
}

export function segmentDuration(s: ExplainSegment, end: number): number {
  return Math.max(0, (s.endedAt ?? end) - s.startedAt);
}
