import { parseIngestBatch, type IngestBatch, type IngestResult, type SessionSummary } from '../contract/index.js';
import { noLiveSession } from '../metrics/ingest-service.js';

export interface IngestGateDeps {
  live: () => SessionSummary | null;
  write: (sessionId: string, batch: IngestBatch) => IngestResult;
  storage: { translate(error: unknown): unknown; succeeded(): void };
  /** The desk's clock: event times outside a window around it are refused (README: Timestamps). */
  now: () => number;
}

/** Where ingest batches enter: parsed, written durably to the live session, then their KPIs published. */
export function createIngestGate(deps: IngestGateDeps): (body: unknown) => IngestResult {
  return (body) => {
    const batch = parseIngestBatch(body, deps.now());
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
}
