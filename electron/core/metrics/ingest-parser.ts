import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { repoRoot } from '../repo-root.js';
import type { PreparedFrame } from './ingest-prepare.js';
import type { FrameJob, FrameReply } from './ingest-worker.js';
import { WireDecoder } from './ingest-wire.js';

/**
 * The thread's module: beside this one when the desk runs built (out/), and the built copy when this runs
 * from its TypeScript source (the tests; `npm test` builds first). Null when there is none.
 */
function workerModule(): URL | null {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return new URL('./ingest-worker.js', import.meta.url);
  const root = repoRoot(dirname(here));
  if (root === null) return null;
  const built = join(root, 'out', relative(root, dirname(here)), 'ingest-worker.js');
  return existsSync(built) ? new URL(`file://${built}`) : null;
}

/** Deaths of the thread after which the desk parses every frame on the event loop. */
const MAX_FAILURES = 3;

/**
 * Parses WebSocket ingest frames on a thread of their own. At 10k events a second and more, turning
 * the frame into text, the text into objects, validating them and working out each event's log JSON
 * and pseudonym cost the event loop as much as SQLite's inserts did; on the thread that runs beside
 * the write of the batch before. The event loop gets back arrays of numbers and strings
 * (PreparedBatch) and writes them; durability is unchanged: the write, and so the acknowledgement,
 * stays where it was. Frames come back in the order they went. Started by the first frame. When the
 * thread dies, the frames it held are parsed on the event loop and the next frame starts a new one;
 * after MAX_FAILURES the desk stops trying and parses everything on the event loop, as it did before.
 */
export class IngestParser {
  private worker: Worker | null = null;
  /** Why frames no longer go to a thread (closed, no module, or it kept failing), or null. */
  private problem: string | null = null;
  private failures = 0;
  private seq = 0;
  private readonly waiting = new Map<number, (frame: PreparedFrame | null) => void>();

  constructor(
    private readonly salt: string,
    private readonly now: () => number,
    private readonly onProblem: (message: string) => void = () => undefined,
  ) {}

  get running(): boolean {
    return this.worker !== null;
  }

  /** The frame's batch laid flat, or null: parse it on the event loop (not an ingest message, invalid, or no thread). */
  prepare(bytes: Uint8Array): Promise<PreparedFrame | null> {
    const worker = this.ensure();
    if (!worker) return Promise.resolve(null);
    const seq = ++this.seq;
    // A copy of its own, handed over rather than copied again: the socket's buffer stays the socket's.
    const job: FrameJob = { seq, bytes: new Uint8Array(bytes), now: this.now() };
    return new Promise((resolve) => {
      this.waiting.set(seq, resolve);
      worker.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.problem = 'closed';
    this.stop();
    await worker?.terminate();
  }

  private ensure(): Worker | null {
    if (this.worker || this.problem) return this.worker;
    const module = workerModule();
    if (!module) {
      this.problem = 'ingest parse thread: its built module is missing (run the build); frames are parsed on the event loop';
      this.onProblem(this.problem);
      return null;
    }
    // A young generation of 16 MB holds a few 5,000-event frames' garbage (with 8 the thread spent a
    // fifth of its time collecting); the old one is capped well above what the thread keeps, so a
    // runaway shows as a failure (and the event loop takes over), not as the desk's memory.
    const worker = new Worker(module, { workerData: { salt: this.salt }, resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 64 } });
    worker.unref();
    // The thread's names table has its twin here, one per thread: a new thread starts both empty.
    const wire = new WireDecoder();
    worker.on('message', ({ seq, frame }: FrameReply) => {
      const resolve = this.waiting.get(seq);
      this.waiting.delete(seq);
      if (!frame) return resolve?.(null);
      try {
        resolve?.(wire.decode(frame));
      } catch (error) {
        // Never seen: the frame is parsed on the event loop, and the thread is not trusted again.
        resolve?.(null);
        void worker.terminate();
        this.failed(worker, `sent a frame that did not add up (${(error as Error).message})`);
      }
    });
    worker.on('error', (error) => this.failed(worker, `stopped: ${error.message}`));
    worker.on('exit', (code) => this.failed(worker, `exited (code ${code})`));
    this.worker = worker;
    return worker;
  }

  /** The thread died: what it held is parsed on the event loop, and the next frame starts another. */
  private failed(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.stop();
    this.failures++;
    if (this.failures >= MAX_FAILURES) this.problem = `ingest parse thread ${why}, ${this.failures} times; frames are parsed on the event loop from now on`;
    this.onProblem(this.problem ?? `ingest parse thread ${why}; its frames are parsed on the event loop and a new thread takes the next`);
  }

  /** Frames still waiting go back to the event loop, which parses them itself. */
  private stop(): void {
    this.worker = null;
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }
}
