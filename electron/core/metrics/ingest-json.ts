import { ingestEventSchema, type IngestEvent, type IngestEventType } from '../contract/index.js';

/**
 * The logged fields of each event type, from the schema: everything but `type` and `ts` (those have
 * their own columns). A field added to the schema is logged without touching this file.
 */
const LOGGED_FIELDS = Object.fromEntries(
  ingestEventSchema.options.map((option) => [option.shape.type.value, Object.keys(option.shape).filter((k) => k !== 'type' && k !== 'ts')]),
) as unknown as Record<IngestEventType, readonly string[]>;

/** The fields that name a person: logged as their pseudonym (DESIGN §8). */
const PERSON_FIELDS = new Set(['user', 'buyer']);

/**
 * The event log's `data` JSON for one validated event, written field by field: the same JSON as
 * stringifying `{...fields, source, known}` with the person replaced by `pseudonym`, without building
 * that object for each of 10k events a second (the spread and the generic stringify were a fifth of
 * ingest's CPU). Numbers are safe integers (validated), strings go through JSON.stringify.
 */
/** What a refund did (commerce-repo's RefundOutcome): whether its order is known, what counted, what did not. */
export interface RefundFacts {
  known: boolean;
  appliedFen: number;
  excessFen: number;
}

export function eventDataJson(event: IngestEvent, source: string | null, pseudonym: string | null, extra?: RefundFacts): string {
  const e = event as unknown as Record<string, unknown>;
  let out = '{';
  for (const key of LOGGED_FIELDS[event.type]) {
    const value = PERSON_FIELDS.has(key) && e[key] !== undefined ? pseudonym : e[key];
    if (value === undefined) continue;
    if (out.length > 1) out += ',';
    out += `"${key}":${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
  }
  if (source !== null) out += `${out.length > 1 ? ',' : ''}"source":${JSON.stringify(source)}`;
  if (extra) out += `${out.length > 1 ? ',' : ''}"known":${extra.known},"appliedFen":${extra.appliedFen},"excessFen":${extra.excessFen}`;
  return out + '}';
}
