import { coded, DeskError } from '../contract/index.js';
import type { NewEvent } from '../store/sessions-repo.js';
import type { Alerts } from './alerts.js';
import type { StateHub } from './state-hub.js';

const STORAGE_CODES = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|CORRUPT|NOTADB)/;
const RETRY_MS = 1_000;
/** Log entries kept in memory while the disk is in trouble; beyond this the oldest are dropped (and counted). */
const MAX_PENDING = 50_000;

/** A write the database refused because of the disk (full, read-only, I/O error), not because of the data. */
export const isStorageError = (error: unknown): error is Error & { code: string } =>
  error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && STORAGE_CODES.test((error as unknown as { code: string }).code);

const describe = (error: Error & { code: string }) =>
  /FULL/.test(error.code) ? 'the disk is full' : /READONLY/.test(error.code) ? 'the data dir is read-only' : `the disk failed (${error.code})`;

export interface PendingEntry {
  sessionId: string;
  event: NewEvent;
}

/**
 * Disk trouble, said loudly and survived: the first refused write raises a standing error alert and
 * marks the state; log entries wait in memory (the show goes on: OBS, cards, keys keep working) while
 * anything whose promise is durability (ingest's 202) is refused with a 503 to retry. Every second it
 * tries to write the waiting entries; the first success clears the alert.
 */
export class StorageGuard {
  private reason: string | null = null;
  private readonly pending: PendingEntry[] = [];
  private dropped = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly alerts: Alerts,
    private readonly hub: StateHub,
    private readonly writePending: (entries: readonly PendingEntry[]) => void,
  ) {}

  get failing(): string | null {
    return this.reason;
  }

  /** Turns a storage failure into the alert and a 503 DeskError; any other error is returned as it is. */
  translate(error: unknown): unknown {
    if (!isStorageError(error)) return error;
    this.fail(error);
    const detail = `the desk cannot write its database: ${this.reason}. Nothing of this request was stored; retry when the storage alert clears`;
    return new DeskError('storage_unavailable', coded('storage.unavailable', {}, detail));
  }

  /** Keeps a log entry the database refused, to write it once the disk takes writes again. */
  keep(entry: PendingEntry, error: Error & { code: string }): void {
    this.fail(error);
    this.pending.push(entry);
    if (this.pending.length > MAX_PENDING) {
      this.pending.shift();
      this.dropped++;
    }
    this.publish();
  }

  /** A write just succeeded: if the disk was in trouble, flush what waits and clear the alert. */
  succeeded(): void {
    if (this.reason !== null) this.retry();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private fail(error: Error & { code: string }): void {
    const reason = describe(error);
    if (this.reason === reason) return;
    this.reason = reason;
    const detail = `Storage: ${reason}. The show goes on, but new events are not being saved; free space or fix the data dir`;
    this.alerts.raise('storage', 'error', coded('storage.failed', {}, detail));
    this.publish();
    this.timer ??= setInterval(() => this.retry(), RETRY_MS);
    this.timer.unref();
  }

  private retry(): void {
    try {
      if (this.pending.length) this.writePending(this.pending);
    } catch (error) {
      if (isStorageError(error)) return;
      throw error;
    }
    this.pending.length = 0;
    if (this.dropped) this.alerts.raise('storage-dropped', 'warn', coded('storage.dropped', { count: this.dropped }, `${this.dropped} log entries could not be kept while storage was down`));
    this.dropped = 0;
    this.reason = null;
    this.close();
    this.alerts.resolve('storage');
    this.publish();
  }

  private publish(): void {
    this.hub.patch({ storage: { ok: this.reason === null, reason: this.reason, pending: this.pending.length } });
  }
}
