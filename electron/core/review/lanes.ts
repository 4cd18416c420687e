import type { Lane, LaneItem } from '../contract/index.js';
import type { MarkRow } from '../store/review-repo.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v.length ? v : typeof v === 'number' ? String(v) : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);

const PROBLEM_WORDS = /disconnect|error|fail|drop|lost|problem|reconnect|stall|down/i;

/**
 * Which lane an event kind belongs in. Other features add kinds over time (flash sales, markers,
 * alerts, device events); reading them by name pattern shows what is present without knowing them all.
 */
export function laneOf(kind: string, data: Record<string, unknown>): Lane {
  if (kind.startsWith('flashsale') || kind.startsWith('flash-sale') || kind.startsWith('flash_sale')) return 'flashsale';
  if (kind === 'mark' || kind === 'marker' || kind === 'session.mark') return 'marker';
  if (kind === 'obs.status') return data.status === 'connected' ? 'other' : 'problem';
  if (kind.startsWith('alert')) return 'alert';
  if (PROBLEM_WORDS.test(kind)) return 'problem';
  return 'other';
}

const isEnd = (kind: string) => /\.(stop|end|ended|done|expire|expired|sold-?out|cancel(led)?)$/.test(kind);

function labelOf(kind: string, data: Record<string, unknown>): string {
  const grams = typeof data.grams === 'number' ? `${data.grams} g` : null;
  return str(data.label) ?? str(data.text) ?? str(data.message) ?? str(data.name) ?? str(data.title) ?? str(data.scene) ?? str(data.status) ?? str(data.reason) ?? grams ?? str(data.sku) ?? kind;
}

/**
 * Lane items with durations where the log has them: a flash sale runs to its stop event (or for its
 * planned seconds), a stream problem until OBS reports connected again, an alert until it clears —
 * one span each, never a start and an end drawn as two marks; one still on at the end lasts until it.
 */
export function buildLanes(marks: readonly MarkRow[], sessionEnd: number): LaneItem[] {
  const items: LaneItem[] = [];
  let openSale: LaneItem | null = null;
  let openProblem: LaneItem | null = null;
  const openAlerts = new Map<string, LaneItem>();
  for (const m of marks) {
    const lane = laneOf(m.kind, m.data);
    const alertId = str(m.data.id);
    if (m.kind === 'alert.clear') {
      // The end of its alert's span; a clearing of nothing open (cleared twice) draws nothing.
      const open = alertId === null ? undefined : openAlerts.get(alertId);
      if (open) open.endTs = m.ts;
      if (alertId !== null) openAlerts.delete(alertId);
      if (open || alertId !== null) continue;
    }
    if (m.kind === 'alert' && alertId !== null) {
      // A repeated raise of an alert already open (it went from warn to error) stays one span.
      if (openAlerts.has(alertId)) continue;
      const item: LaneItem = { lane, kind: m.kind, ts: m.ts, endTs: null, label: labelOf(m.kind, m.data), sku: null, data: m.data };
      openAlerts.set(alertId, item);
      items.push(item);
      continue;
    }
    if (m.kind === 'obs.status') {
      if (m.data.status === 'connected') {
        if (openProblem) openProblem.endTs = m.ts;
        openProblem = null;
      } else if (!openProblem) {
        openProblem = { lane: 'problem', kind: m.kind, ts: m.ts, endTs: null, label: `OBS ${labelOf(m.kind, m.data)}`, sku: null, data: m.data };
        items.push(openProblem);
      }
      continue;
    }
    if (lane === 'flashsale') {
      if (isEnd(m.kind)) {
        if (openSale) openSale.endTs = Math.max(openSale.ts, Math.min(openSale.endTs ?? Infinity, m.ts));
        openSale = null;
        continue;
      }
      if (openSale) openSale.endTs = Math.min(openSale.endTs ?? Infinity, m.ts);
      const sku = str(m.data.sku);
      const seconds = int(m.data.seconds);
      const price = int(m.data.priceFen);
      openSale = {
        lane,
        kind: m.kind,
        ts: m.ts,
        endTs: null,
        label: [sku, price !== null ? `¥${(price / 100).toFixed(2)}` : null].filter(Boolean).join(' ') || m.kind,
        sku,
        data: m.data,
      };
      // A sale with a planned length ends then unless a stop event comes first.
      if (seconds !== null) openSale.endTs = m.ts + seconds * 1000;
      items.push(openSale);
      continue;
    }
    items.push({ lane, kind: m.kind, ts: m.ts, endTs: null, label: labelOf(m.kind, m.data), sku: str(m.data.sku), data: m.data });
  }
  for (const item of items) {
    // A sale, a problem or an alert still on when the show ended lasted until then.
    if (item.endTs === null && (item.lane === 'flashsale' || item.lane === 'problem' || item.kind === 'alert')) item.endTs = Math.max(item.ts, sessionEnd);
    // A stop that came before the planned end wins; a planned end past the session is cut at its end.
    if (item.endTs !== null) item.endTs = Math.min(item.endTs, Math.max(item.ts, sessionEnd));
  }
  return items;
}

/** Flash-sale facts (price, stock) from the start event, for the per-product results. */
export function flashSaleFacts(marks: readonly MarkRow[], ts: number): { priceFen: number | null; stock: number | null } {
  const start = marks.find((m) => m.ts === ts && laneOf(m.kind, m.data) === 'flashsale' && !isEnd(m.kind));
  return { priceFen: int(start?.data.priceFen), stock: int(start?.data.stock) };
}
