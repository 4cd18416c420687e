import { z } from 'zod';
import { fenSchema, skuSchema, timestampSchema } from './primitives.js';
import { DeskError, firstIssue, parseOrThrow } from './errors.js';
import { coded } from './texts.js';
import { fastIngestEvent } from './ingest-fast.js';

const count = z.int().nonnegative();
const text = (max: number) => z.string().min(1).max(max);
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ts: timestampSchema, ...shape });

/** Audience and commerce events pushed by connectors (DESIGN §3.4). */
export const ingestEventSchema = z.discriminatedUnion('type', [
  ev('snapshot', {
    online: count.optional(),
    viewersUv: count.optional(),
    viewsPv: count.optional(),
    likes: count.optional(),
    comments: count.optional(),
    newFollowers: count.optional(),
    productExposures: count.optional(),
    productClicks: count.optional(),
    adSpend: fenSchema.optional(),
  }),
  ev('order', {
    orderId: text(128),
    sku: skuSchema,
    qty: z.int().positive(),
    amount: fenSchema,
    buyer: text(256).optional(),
  }),
  ev('refund', { orderId: text(128), amount: fenSchema }),
  ev('comment', { user: text(256), text: z.string().max(2000) }),
  ev('like', { count: z.int().positive() }),
  ev('follow', { user: text(256) }),
  ev('enter', { user: text(256) }),
]);

export type IngestEvent = z.infer<typeof ingestEventSchema>;
export type IngestEventType = IngestEvent['type'];

export const MAX_INGEST_BATCH = 10_000;

const DAY_MS = 86_400_000;

/** The earliest time any stored row may carry (ingest, bundles): LiveDesk did not exist before. */
export const STORED_TIME_FLOOR = Date.UTC(2000, 0, 1);

/**
 * Times a connector may send: from 2000-01-01 (late exports and replays are fine; a time in seconds
 * instead of ms lands in 1970) to a day after the desk's clock (a connector whose clock runs fast;
 * microseconds or a year 3000 land far beyond). A time after the show would stretch the session it
 * lands in and size its review (README: Timestamps); one before it changes no allocation.
 */
export const INGEST_TIME_WINDOW = { floor: STORED_TIME_FLOOR, futureMs: DAY_MS } as const;

/** Why `ts` is outside the ingest window around `now`, or null when it is inside. */
export function ingestTimeProblem(ts: number, now: number): string | null {
  if (ts < INGEST_TIME_WINDOW.floor) return 'before 2000-01-01 (ms since epoch expected, not seconds)';
  if (ts > now + INGEST_TIME_WINDOW.futureMs) return `more than ${INGEST_TIME_WINDOW.futureMs / DAY_MS} day after the desk's clock (ms since epoch expected, not µs)`;
  return null;
}

export const ingestBatchSchema = z.strictObject({
  source: z.string().min(1).max(64).optional(),
  events: z.array(z.unknown()).min(1, 'events must not be empty').max(MAX_INGEST_BATCH),
});

/**
 * How far before its session's start an audience/commerce event may be stamped and still count: none.
 * The session's start is the desk's own clock and so is the ingest window; a connector whose clock runs
 * behind shows up as `early` in every response (and an alert), never as figures silently inherited
 * from before the show (issue 16). The live path and the review apply the same rule.
 */
export const EARLY_EVENT_TOLERANCE_MS = 0;

/** Whether an event stamped `ts` belongs before the session that started at `startedAt`. */
export const isBeforeSession = (ts: number, startedAt: number): boolean => ts < startedAt - EARLY_EVENT_TOLERANCE_MS;

/** `early`: events left out because they were stamped before the session started (present only when some were). */
export type IngestResult = { accepted: number; duplicates: number; early?: number };

export interface IngestBatch {
  source: string | null;
  events: IngestEvent[];
}

/**
 * Validates a whole batch. A batch is accepted or rejected whole, so the first bad event is named by
 * its index and field (`events.3.amount: …`).
 */
export function parseIngestBatch(body: unknown, now = Date.now()): IngestBatch {
  const batch = parseOrThrow(ingestBatchSchema, body);
  const events: IngestEvent[] = new Array(batch.events.length);
  for (let index = 0; index < batch.events.length; index++) {
    const fast = fastIngestEvent(batch.events[index]) as IngestEvent | null;
    if (fast) {
      events[index] = fast;
      continue;
    }
    const result = ingestEventSchema.safeParse(batch.events[index]);
    if (!result.success) {
      const { field, message } = firstIssue(result.error, ['events', index]);
      throw new DeskError('bad_request', coded('request.invalidField', { field }, message), { field, index });
    }
    events[index] = result.data;
  }
  // After the shape check, so a bad shape is still named first; both paths (fast and zod) pass here.
  for (let index = 0; index < events.length; index++) {
    const problem = ingestTimeProblem((events[index] as IngestEvent).ts, now);
    if (problem) throw new DeskError('bad_request', coded('ingest.badTime', { index }, `events.${index}.ts: ${problem}`), { field: `events.${index}.ts`, index });
  }
  return { source: batch.source ?? null, events };
}
