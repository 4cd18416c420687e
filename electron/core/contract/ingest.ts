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

export const ingestBatchSchema = z.strictObject({
  source: z.string().min(1).max(64).optional(),
  events: z.array(z.unknown()).min(1, 'events must not be empty').max(MAX_INGEST_BATCH),
});

export type IngestResult = { accepted: number; duplicates: number };

export interface IngestBatch {
  source: string | null;
  events: IngestEvent[];
}

/**
 * Validates a whole batch. A batch is accepted or rejected whole, so the first bad event is named by
 * its index and field (`events.3.amount: …`).
 */
export function parseIngestBatch(body: unknown): IngestBatch {
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
  return { source: batch.source ?? null, events };
}
