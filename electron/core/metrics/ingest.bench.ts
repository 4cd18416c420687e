import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import type { IngestEvent, WsServerMessage } from '../contract/index.js';
import { startCoreProcess, type CoreProcess } from '../testing/core-process.js';
import { repoRoot } from '../repo-root.js';

/**
 * Measurements for `npm run bench` (DESIGN §7), against the real core process in a scratch data dir:
 * - `ingest-rate`: durable events/s through the desk over WebSocket batches, with its floor, raw
 *   better-sqlite3 batched inserts of the same rows into a file on the same disk, measured in the
 *   same run;
 * - `ingest-push`: ms from sending an event to a subscriber (an overlay socket) receiving KPIs that
 *   include it, at a steady 10k events/s.
 */

export interface RateResult {
  value: number;
  floor: number;
  unit: 'events/s';
}

export interface SamplesResult {
  samples: number[];
  unit: 'ms';
}

interface BenchCore {
  core: CoreProcess;
  dir: string;
  close(): Promise<void>;
}

/** The built core (`out/electron/core/main.js`), found from the repository root whether this file runs from source or from out/. */
function coreMain(): string {
  const root = repoRoot(dirname(fileURLToPath(import.meta.url)));
  if (root === null) throw new Error('bench: cannot find the repository root (package.json)');
  return join(root, 'out/electron/core/main.js');
}

/** `nodeArgs` go to the core's node, e.g. `['--cpu-prof', '--cpu-prof-dir=/tmp/prof']` to see where time goes. */
async function startBenchCore(nodeArgs: readonly string[] = []): Promise<BenchCore> {
  const dir = mkdtempSync(join(tmpdir(), 'livedesk-bench-'));
  // No OBS: the measurement is the data path, and an absent OBS costs nothing but a retry timer.
  const core = await startCoreProcess(['--data-dir', dir, '--port', '0', '--obs-url', 'ws://127.0.0.1:9'], { command: [process.execPath, ...nodeArgs, coreMain()] });
  const started = await core.api('POST', '/actions', { type: 'session.start', title: 'bench' });
  if (started.status !== 200) throw new Error(`bench: could not start a session: ${JSON.stringify(started.body)}`);
  return {
    core,
    dir,
    close: async () => {
      await core.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A realistic mix: mostly likes, comments and enters, a snapshot per batch, and unique orders. */
function makeBatch(seq: number, size: number, ts: number): IngestEvent[] {
  const events: IngestEvent[] = [{ type: 'snapshot', ts, online: seq, viewersUv: seq * 3, viewsPv: seq * 4 }];
  for (let i = 1; i < size; i++) {
    const n = seq * size + i;
    switch (i % 10) {
      case 0:
        events.push({ type: 'order', ts, orderId: `b-${n}`, sku: `SKU-${i % 7}`, qty: 1, amount: 9_900, buyer: `buyer${n % 5_000}` });
        break;
      case 1:
      case 2:
        events.push({ type: 'comment', ts, user: `viewer${n % 20_000}`, text: '多少钱？' });
        break;
      case 3:
        events.push({ type: 'enter', ts, user: `viewer${n % 20_000}` });
        break;
      default:
        events.push({ type: 'like', ts, count: 1 + (i % 3) });
    }
  }
  return events;
}

function openSocket(url: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws?token=${token}`);
  return new Promise((resolve, reject) => ws.once('open', () => resolve(ws)).once('error', reject));
}

/** The ingest messages, serialized before the clock starts: the measurement is the desk, not this client. */
function ingestMessages(first: number, batches: number, size: number): string[] {
  return Array.from({ length: batches }, (_, i) =>
    JSON.stringify({ type: 'ingest', id: `r${first + i}`, batch: { source: 'bench', events: makeBatch(first + i + 1, size, Date.now()) } }),
  );
}

/** Sends ingest messages over one socket with up to `inFlight` unanswered; resolves when all are answered. */
async function pump(ws: WebSocket, messages: readonly string[], inFlight: number): Promise<number> {
  const batches = messages.length;
  let sent = 0;
  let answered = 0;
  let accepted = 0;
  return new Promise((resolve, reject) => {
    const sendNext = () => {
      while (sent < batches && sent - answered < inFlight) {
        ws.send(messages[sent] as string);
        sent++;
      }
    };
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as WsServerMessage;
      if (m.type !== 'result') return;
      if (!m.ok) return reject(new Error(`bench: ingest refused: ${JSON.stringify(m.error)}`));
      accepted += (m.result as { accepted: number }).accepted;
      answered++;
      if (answered === batches) resolve(accepted);
      else sendNext();
    });
    sendNext();
  });
}

/**
 * Raw better-sqlite3: the same rows (JSON prepared beforehand), batched in transactions, WAL + NORMAL
 * like the desk.
 */
function rawInsertRate(dir: string, total: number, size: number): number {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // The desk's own event-log table and index (migration 1), so the ratio is the desk's overhead, not its schema.
  db.exec('CREATE TABLE events (id INTEGER PRIMARY KEY, session_id TEXT NOT NULL, ts INTEGER NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL)');
  db.exec('CREATE INDEX events_by_session ON events(session_id, id)');
  const insert = db.prepare('INSERT INTO events (session_id, ts, kind, data) VALUES (?, ?, ?, ?)');
  const batches = Math.ceil(total / size);
  const rows = Array.from({ length: batches }, (_, b) => makeBatch(b + 1, size, Date.now()).map((e) => [e.type, JSON.stringify(e)] as const));
  const write = db.transaction((batch: readonly (readonly [string, string])[]) => {
    for (const [kind, data] of batch) insert.run('bench', 1, kind, data);
  });
  const start = process.hrtime.bigint();
  for (const batch of rows) write(batch);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  db.close();
  return (batches * size) / seconds;
}

/** `ingest-rate`: durable ingest through the desk over WebSocket, vs raw better-sqlite3 on the same disk. */
export async function measureIngestRate(options: { events?: number; batchSize?: number; inFlight?: number; nodeArgs?: string[] } = {}): Promise<RateResult> {
  const size = options.batchSize ?? 5_000;
  const batches = Math.max(2, Math.ceil((options.events ?? 500_000) / size));
  const bench = await startBenchCore(options.nodeArgs);
  try {
    const ws = await openSocket(bench.core.url, bench.core.token);
    // A short warm-up so the JIT and SQLite's page cache are where a running show has them.
    const warmup = Math.min(5, batches);
    await pump(ws, ingestMessages(0, warmup, size), options.inFlight ?? 4);
    ws.removeAllListeners('message');
    const messages = ingestMessages(warmup, batches, size);
    const start = process.hrtime.bigint();
    const accepted = await pump(ws, messages, options.inFlight ?? 4);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    ws.close();
    const floor = rawInsertRate(bench.dir, batches * size, size);
    return { value: accepted / seconds, floor, unit: 'events/s' };
  } finally {
    await bench.close();
  }
}

/**
 * `ingest-push`: one socket sends `rate` events/s in batches every `tickMs`; each batch's snapshot
 * carries its sequence number as `online`. An overlay socket records, for every batch, the time until
 * the first KPI push showing it (or a later batch: pushes are coalesced).
 */
export async function measureIngestPush(options: { rate?: number; seconds?: number; tickMs?: number; nodeArgs?: string[] } = {}): Promise<SamplesResult> {
  const rate = options.rate ?? 10_000;
  const tickMs = options.tickMs ?? 10;
  const seconds = options.seconds ?? 5;
  const size = Math.max(2, Math.round((rate * tickMs) / 1000));
  const bench = await startBenchCore(options.nodeArgs);
  try {
    const sender = await openSocket(bench.core.url, bench.core.token);
    const subscriber = await openSocket(bench.core.url, bench.core.overlayToken);
    const sentAt = new Map<number, number>();
    const samples: number[] = [];
    let measuredUpTo = 0;
    let refused: string | null = null;
    let total = Number.POSITIVE_INFINITY;
    let caughtUp: () => void = () => {};
    const done = new Promise<void>((resolve) => (caughtUp = resolve));
    const warmup = Math.round(1000 / tickMs);
    subscriber.on('message', (data) => {
      const now = performance.now();
      const m = JSON.parse(data.toString()) as WsServerMessage;
      if (m.type !== 'overlay' || m.state.kpi.online === null) return;
      for (let seq = measuredUpTo + 1; seq <= m.state.kpi.online; seq++) {
        const at = sentAt.get(seq);
        if (at !== undefined && seq > warmup) samples.push(now - at);
        sentAt.delete(seq);
      }
      measuredUpTo = Math.max(measuredUpTo, m.state.kpi.online);
      if (measuredUpTo >= total) caughtUp();
    });
    sender.on('message', (data) => {
      const m = JSON.parse(data.toString()) as WsServerMessage;
      if (m.type === 'result' && !m.ok) refused ??= JSON.stringify(m.error);
    });

    const batches = warmup + Math.round((seconds * 1000) / tickMs);
    const t0 = performance.now();
    for (let seq = 1; seq <= batches; seq++) {
      // Paced against the start, not the previous send, so a slow tick does not lower the rate.
      const due = t0 + seq * tickMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sentAt.set(seq, performance.now());
      sender.send(JSON.stringify({ type: 'ingest', batch: { source: 'bench', events: makeBatch(seq, size, Date.now()) } }));
    }
    // The last pushes arrive within a few coalescing intervals: wait for the one showing the last batch.
    total = batches;
    if (measuredUpTo >= total) caughtUp();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`bench: subscriber saw ${measuredUpTo} of ${total} batches${refused ? `; refused: ${refused}` : ''}`)), 10_000);
    });
    await Promise.race([done, timeout]).finally(() => clearTimeout(timer));
    if (refused) throw new Error(`bench: ingest refused: ${refused}`);
    sender.close();
    subscriber.close();
    return { samples, unit: 'ms' };
  } finally {
    await bench.close();
  }
}
