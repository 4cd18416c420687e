import { isBeforeSession } from '../contract/index.js';
import { KpiTracker } from './kpi-tracker.js';

/** A logged event as the session log stores it (ingest-service writes `ingest.<type>` rows). */
export interface LoggedEvent {
  ts: number;
  kind: string;
  data: Record<string, unknown>;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

const SNAPSHOT_FIELDS = ['online', 'viewersUv', 'viewsPv', 'likes', 'comments', 'newFollowers', 'productExposures', 'productClicks', 'adSpend'] as const;

/**
 * The live KPIs rebuilt from a session's log, event by event, through the same tracker the live path
 * uses: after a crash every figure (UV, PV, likes, comments, follows, exposures, clicks, ad spend,
 * refunds, buyers, the per-product list) is what it was, not restarted at zero. The log holds only
 * accepted events (duplicates never reach it) with viewer names already pseudonymized.
 */
export function replayKpis(events: Iterable<LoggedEvent>, explainedAt: (sku: string, ts: number) => boolean, startedAt: number | null = null): KpiTracker {
  const t = new KpiTracker();
  // 平均在线 minutes count from the show's start, as the live tracker's do (live-kpis sets the same origin).
  t.origin = startedAt;
  for (const { ts, kind, data } of events) {
    // As the live path: nothing stamped before the session's start counts (isBeforeSession).
    if (startedAt !== null && isBeforeSession(ts, startedAt)) continue;
    switch (kind) {
      case 'ingest.order': {
        const sku = String(data.sku ?? '');
        t.applyOrder(num(data.amount) ?? 0, str(data.buyer), ts, { sku, qty: num(data.qty) ?? 1, duringExplain: explainedAt(sku, ts) });
        break;
      }
      case 'ingest.snapshot': {
        const snapshot: Record<string, number> = {};
        for (const key of SNAPSHOT_FIELDS) {
          const value = num(data[key]);
          if (value !== undefined) snapshot[key] = value;
        }
        t.applySnapshot({ type: 'snapshot', ts, ...snapshot });
        break;
      }
      case 'ingest.refund':
        // `appliedFen` is what the live path counted; a log from before it counted unknown orders' refunds too.
        t.applyRefund(num(data.appliedFen) ?? (data.known === false ? 0 : (num(data.amount) ?? 0)), ts);
        break;
      case 'ingest.comment':
        t.applyComment(String(data.user ?? ''), ts);
        break;
      case 'ingest.follow':
        t.applyFollow(String(data.user ?? ''), ts);
        break;
      case 'ingest.enter':
        t.applyEnter(String(data.user ?? ''), ts);
        break;
      case 'ingest.like':
        t.applyLike(num(data.count) ?? 1, ts);
        break;
      default:
        continue;
    }
    t.secondOf(ts);
  }
  return t.commit();
}
