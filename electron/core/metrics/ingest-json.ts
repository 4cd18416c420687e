import { ingestEventSchema, type IngestEvent, type IngestEventType } from '../contract/ingest.js';

/** The fields that name a person: logged as their pseudonym (DESIGN §8). */
const PERSON_FIELDS = new Set(['user', 'buyer']);

interface LoggedField {
  key: string;
  /** `"key":`, written once here rather than for every event. */
  prefix: string;
  person: boolean;
}

/**
 * The logged fields of each event type, from the schema: everything but `type` and `ts` (those have
 * their own columns). A field added to the schema is logged without touching this file.
 */
const LOGGED_FIELDS = Object.fromEntries(
  ingestEventSchema.options.map((option) => [
    option.shape.type.value,
    Object.keys(option.shape)
      .filter((k) => k !== 'type' && k !== 'ts')
      .map((key): LoggedField => ({ key, prefix: `${JSON.stringify(key)}:`, person: PERSON_FIELDS.has(key) })),
  ]),
) as unknown as Record<IngestEventType, readonly LoggedField[]>;

/** A batch has one source: its JSON is written once, not once per event. */
let lastSource: string | null = null;
let lastSourceJson = '';
function sourceJson(source: string): string {
  if (source !== lastSource) {
    lastSource = source;
    lastSourceJson = `"source":${JSON.stringify(source)}`;
  }
  return lastSourceJson;
}

/** What a refund did (commerce-repo's RefundOutcome): whether its order is known, what counted, what did not. */
export interface RefundFacts {
  known: boolean;
  appliedFen: number;
  excessFen: number;
}

/**
 * The event log's `data` JSON for one validated event, written field by field: the same JSON as
 * stringifying `{...fields, source, known}` with the person replaced by `pseudonym`, without building
 * that object for each of 10k events a second (the spread and the generic stringify were a fifth of
 * ingest's CPU). Numbers are safe integers (validated), strings go through JSON.stringify.
 */
export function eventDataJson(event: IngestEvent, source: string | null, pseudonym: string | null, extra?: RefundFacts): string {
  const e = event as unknown as Record<string, unknown>;
  let out = '{';
  for (const field of LOGGED_FIELDS[event.type]) {
    const sent = e[field.key];
    if (sent === undefined) continue;
    const value = field.person ? pseudonym : sent;
    if (out.length > 1) out += ',';
    out += field.prefix + (typeof value === 'string' ? JSON.stringify(value) : String(value));
  }
  if (source !== null) out += (out.length > 1 ? ',' : '') + sourceJson(source);
  if (extra) out += `${out.length > 1 ? ',' : ''}"known":${extra.known},"appliedFen":${extra.appliedFen},"excessFen":${extra.excessFen}`;
  return out + '}';
}
