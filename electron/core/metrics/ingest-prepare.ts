// The contract's ingest module alone: the parse thread loads this file and not the whole desk contract.
import { ingestEventSchema, parseIngestBatch, type IngestEvent, type IngestEventType } from '../contract/ingest.js';
import { eventDataJson } from './ingest-json.js';

/** The event types in the schema's order: a prepared event's type is its index here. */
export const INGEST_TYPES = ingestEventSchema.options.map((o) => o.shape.type.value) as readonly IngestEventType[];
const TYPE_INDEX = Object.fromEntries(INGEST_TYPES.map((type, i) => [type, i])) as Record<IngestEventType, number>;

/**
 * The fields of each type that ride in `values`: all but `type` and `ts` (they have their own arrays) and
 * the person, who travels as a pseudonym only; a comment's user is the exception, the console's feed
 * shows it (masked).
 */
const VALUE_FIELDS = INGEST_TYPES.map((type) =>
  Object.keys((ingestEventSchema.options.find((o) => o.shape.type.value === type) as { shape: object }).shape).filter(
    (k) => k !== 'type' && k !== 'ts' && k !== 'buyer' && (k !== 'user' || type === 'comment'),
  ),
);

/**
 * A validated ingest batch laid flat: what the write needs, worked out before the write. Built on the
 * ingest parse thread for WebSocket frames (ingest-parser.ts), or on the event loop for the HTTP route
 * and rehearsal, by the same function. Arrays of numbers and strings, no object per event, so it
 * crosses between threads for a fraction of what parsing the JSON costs.
 */
export interface PreparedBatch {
  source: string | null;
  /** Per event: its type's index in INGEST_TYPES. */
  types: Uint8Array;
  ts: Float64Array;
  /** Per event, in order: the values of its type's VALUE_FIELDS, null where the event had none. */
  values: (string | number | null)[];
  /** Per event: its log row's JSON with the person pseudonymized; '' for a refund, whose JSON says what the write made of it. */
  json: string[];
  /** Per event: the pseudonym of its buyer or user, or null. */
  person: (string | null)[];
}

/** Validates a batch (parseIngestBatch: whole or not at all, the first bad event named) and lays it flat. */
export function prepareIngest(body: unknown, now: number, pseudonymize: (value: string) => string): PreparedBatch {
  const { source, events } = parseIngestBatch(body, now);
  const types = new Uint8Array(events.length);
  const ts = new Float64Array(events.length);
  const values: (string | number | null)[] = [];
  const json: string[] = new Array<string>(events.length);
  const person: (string | null)[] = new Array<string | null>(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as IngestEvent;
    const type = TYPE_INDEX[event.type];
    types[i] = type;
    ts[i] = event.ts;
    const fields = event as unknown as Record<string, string | number | undefined>;
    for (const key of VALUE_FIELDS[type] as string[]) values.push(fields[key] ?? null);
    const named = 'buyer' in event ? (event.buyer ?? null) : 'user' in event ? event.user : null;
    const pseudonym = named === null ? null : pseudonymize(named);
    person[i] = pseudonym;
    json[i] = event.type === 'refund' ? '' : eventDataJson(event, source, pseudonym);
  }
  return { source, types, ts, values, json, person };
}

/**
 * The events back as objects, for the write and the KPIs (allocating them here is cheap; copying them
 * between threads is not). Without their person but a comment's user: the write reads `person`.
 */
export function preparedEvents(batch: PreparedBatch): IngestEvent[] {
  const events: IngestEvent[] = new Array<IngestEvent>(batch.types.length);
  let at = 0;
  for (let i = 0; i < events.length; i++) {
    const type = batch.types[i] as number;
    const event: Record<string, string | number> = { type: INGEST_TYPES[type] as string, ts: batch.ts[i] as number };
    for (const key of VALUE_FIELDS[type] as string[]) {
      const value = batch.values[at++];
      if (value !== null && value !== undefined) event[key] = value;
    }
    events[i] = event as unknown as IngestEvent;
  }
  return events;
}

/** A WebSocket `ingest` message, its batch laid flat. */
export interface PreparedFrame {
  id: string | null;
  batch: PreparedBatch;
}

/**
 * A WebSocket frame, when it is a well-formed `ingest` message with a valid batch; null otherwise, and
 * the frame then takes the event loop's usual path, which answers exactly as it always has (the error
 * names the field). Only that path writes errors, so a frame reads the same wherever it was parsed.
 * The envelope check is narrower than wsClientMessageSchema's `ingest` (the test holds them to that):
 * whatever passes here passes there unchanged.
 */
export function prepareFrame(text: string, now: number, pseudonymize: (value: string) => string): PreparedFrame | null {
  try {
    const message: unknown = JSON.parse(text);
    if (typeof message !== 'object' || message === null || Object.getPrototypeOf(message) !== Object.prototype) return null;
    const { type, id, batch, ...rest } = message as Record<string, unknown>;
    if (type !== 'ingest' || Object.keys(rest).length > 0) return null;
    if (id !== undefined && (typeof id !== 'string' || id.length > 64)) return null;
    return { id: id ?? null, batch: prepareIngest(batch, now, pseudonymize) };
  } catch {
    return null;
  }
}
