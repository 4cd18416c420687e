import { coded, DeskError, ingestEventSchema, isBeforeSession, RECENT_EVENTS, type IngestEvent, type IngestEventType, type IngestResult, type SessionEvent } from '../contract/index.js';
import { eventDataJson } from './ingest-json.js';
import { preparedEvents, type PreparedBatch } from './ingest-prepare.js';
import { withoutForeignKeyChecks, type Db } from '../store/database.js';
import { OrderFacts, type CommerceRepo, type OrderRow } from '../store/commerce-repo.js';
import type { SessionsRepo } from '../store/sessions-repo.js';
import type { KpiTracker } from './kpi-tracker.js';
import type { RawComment } from './comment-feed.js';

const KINDS = Object.fromEntries(ingestEventSchema.options.map((o) => [o.shape.type.value, `ingest.${o.shape.type.value}`])) as Record<IngestEventType, string>;

export interface NewOrder {
  sku: string;
  qty: number;
  amountFen: number;
  ts: number;
}

/** A second's rollup as the batch leaves it: its highest online reading, GMV and orders after its last event. */
interface SecondRollup {
  online: number | null;
  gmvFen: number;
  orders: number;
}

export interface IngestDeps {
  db: Db;
  sessions: SessionsRepo;
  commerce: CommerceRepo;
}

/** A refund (or part of one) that was not counted: more than was paid, repeated, or of an unknown order. */
export interface RefundExcess {
  orderId: string;
  excessFen: number;
  known: boolean;
}

export interface IngestOutcome extends IngestResult {
  tracker: KpiTracker;
  refundExcess: RefundExcess[];
  newOrders: NewOrder[];
  /** The newest of its orders and refunds as logged (at most RECENT_EVENTS: what the console's recent list can show). */
  logged: SessionEvent[];
  /** The batch's comments with their raw names, for the console's feed (which masks them). */
  comments: RawComment[];
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
  batch: PreparedBatch,
  /** Whether the order's SKU was being explained at its own ts (a late order counts for its 讲解). */
  explainedAt: (sku: string, ts: number) => boolean = () => false,
  /** The session's start: events stamped before it are left out and counted as `early` (see isBeforeSession). */
  startedAt: number | null = null,
): IngestOutcome {
  const { db, sessions, commerce } = deps;
  const events = preparedEvents(batch);
  const next = current.clone();
  const newOrders: NewOrder[] = [];
  const comments: RawComment[] = [];
  const logged: SessionEvent[] = [];
  const seconds = new Map<number, SecondRollup>();
  /** The log rows, flat: ts, kind, json per event (see appendMany). */
  const rows: (string | number)[] = [];
  const loggedAt: number[] = [];
  let duplicates = 0;
  let early = 0;
  const refundExcess: RefundExcess[] = [];
  const facts = new OrderFacts();

  withoutForeignKeyChecks(db, db.transaction(() => {
    // The one check the per-row foreign keys made: the rows belong to a session that exists.
    if (!sessions.exists(sessionId)) throw noLiveSession();
    // The orders before the batch's first refund go in together (a refund must find exactly the orders
    // sent before it); the rest one by one, in the loop. Either way the first of an id is the new one.
    let bulkEnd = events.length;
    const bulk: OrderRow[] = [];
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as IngestEvent;
      if (event.type === 'refund') {
        bulkEnd = i;
        break;
      }
      if (event.type === 'order' && !(startedAt !== null && isBeforeSession(event.ts, startedAt))) bulk.push(orderRow(event, batch.person[i] as string | null));
    }
    const fresh = commerce.insertOrders(sessionId, bulk);
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as IngestEvent;
      const ts = event.ts;
      // Counters from before the show (a previous stream's snapshot, an old order) are not this session's.
      if (startedAt !== null && isBeforeSession(ts, startedAt)) {
        early++;
        continue;
      }
      const person = batch.person[i] as string | null;
      // Laid out before the write (prepareIngest), but a refund's, which says what the write made of it.
      let json = batch.json[i] as string;
      switch (event.type) {
        case 'order': {
          if (!(i < bulkEnd ? fresh.delete(event.orderId) : commerce.insertOrder(sessionId, orderRow(event, person)))) {
            duplicates++;
            continue;
          }
          // A buyer the session's committed figures already count has its order_buyers row (they are
          // written in the same transactions, and a resumed tracker is read back from that table).
          facts.add(event.sku, event.amount, person !== null && current.countsBuyer(person) ? null : person);
          const duringExplain = explainedAt(event.sku, ts);
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
          // Counted live, in the database and in review alike: capped at what is left of the order.
          json = eventDataJson(event, batch.source, null, { known: refund.known, appliedFen: refund.appliedFen, excessFen: refund.excessFen });
          next.applyRefund(refund.appliedFen, ts);
          if (refund.excessFen > 0) refundExcess.push({ orderId: event.orderId, excessFen: refund.excessFen, known: refund.known });
          break;
        }
        case 'comment':
          next.applyComment(person as string, ts);
          comments.push({ user: event.user, text: event.text, ts });
          break;
        case 'follow':
          next.applyFollow(person as string, ts);
          break;
        case 'enter':
          next.applyEnter(person as string, ts);
          break;
        case 'like':
          next.applyLike(event.count, ts);
          break;
      }
      const kind = KINDS[event.type];
      if (event.type === 'order' || event.type === 'refund') loggedAt.push(rows.length / 3);
      rows.push(ts, kind, json);
      // A second keeps its highest online reading (a late one too), so every peak agrees with the live one.
      const second = next.secondOf(ts);
      const reading = event.type === 'snapshot' && event.online !== undefined ? event.online : next.online;
      // Updated in place: one object per second of the batch, not one array per event (GC was a tenth of ingest).
      const rollup = seconds.get(second);
      if (rollup === undefined) seconds.set(second, { online: reading, gmvFen: next.gmvFen, orders: next.orders });
      else {
        if (rollup.online === null || (reading !== null && reading > rollup.online)) rollup.online = reading;
        rollup.gmvFen = next.gmvFen;
        rollup.orders = next.orders;
      }
    }
    const firstId = sessions.appendMany(sessionId, rows);
    // The console's recent list keeps the newest few: only those are read back into objects.
    for (const row of loggedAt.slice(-RECENT_EVENTS)) {
      const at = row * 3;
      logged.push({ id: firstId + row, ts: rows[at] as number, kind: rows[at + 1] as string, data: JSON.parse(rows[at + 2] as string) as Record<string, unknown> });
    }
    commerce.addOrderFacts(sessionId, facts);
    for (const [second, r] of seconds) commerce.writeSecond(sessionId, second, r.online, r.gmvFen, r.orders);
  }));

  return { accepted: events.length - duplicates - early, duplicates, ...(early > 0 && { early }), tracker: next, newOrders, logged, refundExcess, comments };
}

const orderRow = (event: Extract<IngestEvent, { type: 'order' }>, buyer: string | null): OrderRow => ({
  orderId: event.orderId,
  sku: event.sku,
  qty: event.qty,
  amountFen: event.amount,
  buyer,
  ts: event.ts,
});

export const noLiveSession = () =>
  new DeskError('conflict', coded('ingest.noSession', {}, 'no live session: start one with the session.start action before ingesting events'));
