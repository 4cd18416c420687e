import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database.js';

/**
 * The thread: its own connection to the desk database, copying committed WAL frames back into the file
 * (and syncing it) with PASSIVE checkpoints, which never wait for and never block the desk's writer and
 * never touch the WAL's header. The desk's connection keeps SQLite's own checkpoint every 1,000 pages, which
 * then finds the frames already copied: it only rewinds the WAL, which must happen between the writer's
 * transactions (a second connection rewinding it would turn a write under way into SQLITE_BUSY_SNAPSHOT).
 * Plain CommonJS given as text, so the same code runs from the sources (tests) and from out/.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file, { fileMustExist: true });
const timer = setInterval(() => {
  try {
    const [round] = db.pragma('wal_checkpoint(PASSIVE)');
    if (round.checkpointed > 0) parentPort.postMessage({ copied: round.checkpointed });
  } catch (error) {
    parentPort.postMessage({ problem: error.message });
  }
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;
const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');

/** How often the thread copies: at 200k events/s the WAL grows ~4 MB in this time. */
const EVERY_MS = 50;

/**
 * Copies the write-ahead log back into the database on a worker thread. Left to SQLite, the connection
 * that commits does it all on the event loop: every 1,000 pages of WAL one commit also copies the pages and
 * syncs the database file, and during a 10k events/s show that stalls whatever waits behind it — a key
 * press included. Commits are exactly as durable (they are durable in the WAL); only where the copying
 * runs changes. Started by the first ingest batch, so a desk that never ingests never starts a thread.
 */
export class WalCheckpointer {
  private worker: Worker | null = null;
  private broken = false;
  /** Frames the thread has copied (what the tests and a curious reader can see it doing). */
  copiedFrames = 0;

  constructor(
    private readonly db: Db,
    private readonly file: string,
    private readonly onProblem: (message: string) => void = () => undefined,
  ) {}

  get running(): boolean {
    return this.worker !== null;
  }

  ensure(): void {
    if (this.worker || this.broken || this.db.memory) return;
    const worker = new Worker(THREAD, { eval: true, workerData: { file: this.file, everyMs: EVERY_MS, sqlite } });
    worker.unref();
    worker.on('message', (message: { copied?: number; problem?: string }) => {
      if (message.copied) this.copiedFrames += message.copied;
      if (message.problem) this.onProblem(`WAL checkpoint: ${message.problem}`);
    });
    worker.on('error', (error) => this.stopped(`WAL checkpointer stopped: ${error.message}`));
    worker.on('exit', () => this.worker === worker && this.stopped('WAL checkpointer exited'));
    this.worker = worker;
  }

  /** Stops the thread (its connection closes first, so the desk's close can remove the WAL). */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    // Held while it stops: an unref'd thread is no reason for Node to wait, and a close awaiting its exit
    // would otherwise end the process mid-await.
    worker.ref();
    worker.postMessage('stop');
    await exited;
  }

  /** SQLite's own checkpoints on the desk's connection carry on alone: slower commits, nothing lost. */
  private stopped(message: string): void {
    this.worker = null;
    this.broken = true;
    this.onProblem(message);
  }
}
