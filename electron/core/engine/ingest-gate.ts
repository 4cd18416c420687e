import type { IngestResult, SessionSummary } from '../contract/index.js';
import { prepareIngest, type PreparedBatch } from '../metrics/ingest-prepare.js';
import { noLiveSession } from '../metrics/ingest-service.js';

export interface IngestGateDeps {
  live: () => SessionSummary | null;
  write: (sessionId: string, batch: PreparedBatch) => IngestResult;
  storage: { translate(error: unknown): unknown; succeeded(): void };
  /** The desk's clock: event times outside a window around it are refused (README: Timestamps). */
  now: () => number;
  pseudonymize: (value: string) => string;
}

export interface IngestGate {
  /** A batch as sent (HTTP, rehearsal): validated and laid flat here, then written. */
  body(body: unknown): IngestResult;
  /** A batch laid flat already (a WebSocket frame, on the ingest parse thread): written. */
  prepared(batch: PreparedBatch): IngestResult;
}

/** Where ingest batches enter: parsed, written durably to the live session, then their KPIs published. */
export function createIngestGate(deps: IngestGateDeps): IngestGate {
  const prepared = (batch: PreparedBatch): IngestResult => {
    const session = deps.live();
    if (!session) throw noLiveSession();
    let result: IngestResult;
    try {
      result = deps.write(session.id, batch);
    } catch (error) {
      // The transaction rolled back: nothing of the batch is stored or counted, and the sender retries.
      throw deps.storage.translate(error);
    }
    deps.storage.succeeded();
    return result;
  };
  return { body: (body) => prepared(prepareIngest(body, deps.now(), deps.pseudonymize)), prepared };
}
