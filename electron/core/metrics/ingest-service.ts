import { DeskError, ingestEventSchema, type IngestBatch, type IngestEventType, type IngestResult, type SessionEvent } from '../contract/index.js';
import { eventDataJson } from './ingest-json.js';
import type { Db } from '../store/database.js';
import type { CommerceRepo } from '../store/commerce-repo.js';
import type { SessionsRepo } from '../store/sessions-repo.js';
import type { KpiTracker } from './kpi-tracker.js';

const KINDS = Object.fromEntries(ingestEventSchema.options.map((o) => [o.shape.type.value, `ingest.${o.shape.type.value}`])) as Record<IngestEventType, string>;

export interface NewOrder {
  sku: string;
  qty: number;
  amountFen: number;
  ts: number;
}

export interface IngestDeps {
  db: Db;
  sessions: SessionsRepo;
  commerce: CommerceRepo;
  pseudonymize: (value: string) => string;
}

export interface IngestOutcome extends IngestResult {
  tracker: KpiTracker;
  newOrders: NewOrder[];
  logged: SessionEvent[];
}

/**
 * Writes one validated batch into the live session in a single transaction: events to the log,
 * orders (a repeated orderId is a duplicate, not a second sale), refunds (idem for the same order,
 * time and amount), and the per-second rollups.
 * Returns the staged KPIs; the caller publishes them only after this returns, i.e. once durable.
 */
export function writeIngestBatch(
  deps: IngestDeps,
  sessionId: string,
  current: KpiTracker,
  batch: IngestBatch,
  explaining: { sku: string; since: number } | null = null,
): IngestOutcome {
  const { db, sessions, commerce, pseudonymize } = deps;
  const next = current.clone();
  const newOrders: NewOrder[] = [];
  const logged: SessionEvent[] = [];
  const seconds = new Map<number, [number | null, number, number]>();
  const rows: { ts: number; kind: string; json: string }[] = [];
  const loggedAt: number[] = [];
  let duplicates = 0;

  db.transaction(() => {
    for (const event of batch.events) {
      const ts = event.ts;
      // The person's pseudonym and a refund's `known` go into the logged JSON (eventDataJson).
      let person: string | null = null;
      let known: { known: boolean } | undefined;
      switch (event.type) {
        case 'order': {
          person = event.buyer ? pseudonymize(event.buyer) : null;
          const order = { orderId: event.orderId, sku: event.sku, qty: event.qty, amountFen: event.amount, buyer: person, ts };
          if (!commerce.insertOrder(sessionId, order)) {
            duplicates++;
            continue;
          }
          const duringExplain = explaining !== null && explaining.sku === event.sku && ts >= explaining.since;
          next.applyOrder(event.amount, person, ts, { sku: event.sku, qty: event.qty, duringExplain });
          newOrders.push({ sku: event.sku, qty: event.qty, amountFen: event.amount, ts });
          break;
        }
        case 'snapshot':
          next.applySnapshot(event);
          break;
        case 'refund': {
          const refund = commerce.recordRefund(sessionId, event.orderId, event.amount, ts);
          if (refund.duplicate) {
            duplicates++;
            continue;
          }
          known = { known: refund.known };
          next.applyRefund(event.amount, ts);
          break;
        }
        case 'comment':
          person = pseudonymize(event.user);
          next.applyComment(person, ts);
          break;
        case 'follow':
          person = pseudonymize(event.user);
          next.applyFollow(person, ts);
          break;
        case 'enter':
          person = pseudonymize(event.user);
          next.applyEnter(person, ts);
          break;
        case 'like':
          next.applyLike(event.count, ts);
          break;
      }
      const kind = KINDS[event.type];
      const json = eventDataJson(event, batch.source, person, known);
      if (event.type === 'order' || event.type === 'refund') {
        loggedAt.push(rows.length);
        logged.push({ id: 0, ts, kind, data: JSON.parse(json) as Record<string, unknown> });
      }
      rows.push({ ts, kind, json });
      seconds.set(next.secondOf(ts), [next.online, next.gmvFen, next.orders]);
    }
    const firstId = sessions.appendMany(sessionId, rows);
    loggedAt.forEach((row, i) => ((logged[i] as SessionEvent).id = firstId + row));
    for (const [second, [online, gmv, orders]] of seconds) commerce.writeSecond(sessionId, second, online, gmv, orders);
  })();

  return { accepted: batch.events.length - duplicates, duplicates, tracker: next, newOrders, logged };
}

export const noLiveSession = () =>
  new DeskError('conflict', 'no live session: start one with the session.start action before ingesting events');
