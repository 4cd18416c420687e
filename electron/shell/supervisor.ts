import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createInterface } from 'node:readline';
import { backoffDelay as sharedBackoff, DESK_READY_PREFIX, deskReadySchema, type DeskReady } from '../core/contract/index.js';
import { redact, redactArgs, secretsInArgs } from './redact.js';

/**
 * Runs the core as a child Node process and keeps it running (DESIGN §1): waits for its
 * `DESK_READY` line, restarts it with exponential backoff when it dies, and gives up, with the
 * core's own one-line reason, when it fails to start twice in a row. Imports no electron, so the
 * shell and `npm start` share it and it is tested in plain Node.
 */

export type SupervisorLogger = {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
};

export type BackoffOptions = { initialMs: number; factor: number; maxMs: number };
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, factor: 2, maxMs: 30_000 };

/** Delay before restart number `attempt` (1-based). */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  return sharedBackoff(attempt - 1, { minMs: options.initialMs, maxMs: options.maxMs, factor: options.factor });
}

export type SupervisorOptions = {
  /** The Node executable that runs the core (see core-runtime.ts). */
  nodePath: string;
  /** The core's entry script, `out/electron/core/main.js`. */
  script: string;
  /** The core's CLI flags (DESIGN §3.1). */
  args?: readonly string[];
  cwd?: string;
  env?: Record<string, string | undefined>;
  logger?: SupervisorLogger;
  backoff?: Partial<BackoffOptions>;
  /** A start failure is an exit before DESK_READY within this long of spawning; two in a row are fatal. */
  startFailureWindowMs?: number;
  /** After running ready this long, a crash restarts from the shortest backoff again. */
  stableAfterMs?: number;
  /** A core that has not printed DESK_READY by then is killed and restarted. */
  readyTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL. */
  stopTimeoutMs?: number;
  /** More values to keep out of the logs. */
  secrets?: Iterable<string>;
};

export type CoreExit = {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Whether it had printed DESK_READY. */
  wasReady: boolean;
  /** Whether stop() asked for it. */
  expected: boolean;
  /** The core's last stderr line (redacted), or how it ended. */
  reason: string;
  uptimeMs: number;
};

export type SupervisorState = 'idle' | 'starting' | 'ready' | 'waiting' | 'stopping' | 'stopped' | 'failed';

export type SupervisorEvents = {
  spawn: [pid: number];
  ready: [info: DeskReady];
  exit: [exit: CoreExit];
  restart: [info: { attempt: number; delayMs: number }];
  /** The supervisor gave up; `reason` is fit to show the user. */
  fatal: [reason: string];
};

type Run = {
  child: ChildProcess;
  pid: number;
  startedAt: number;
  readyAt: number | null;
  lastStderr: string | null;
  timedOut: boolean;
  exited: boolean;
  closed: Promise<void>;
};

export const consoleLogger: SupervisorLogger = {
  info: (m) => console.log(`[core] ${m}`),
  warn: (m) => console.warn(`[core] ${m}`),
  error: (m) => console.error(`[core] ${m}`),
};

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone (ESRCH): nothing to stop.
  }
}

export class CoreSupervisor extends EventEmitter<SupervisorEvents> {
  /** The first DESK_READY; rejects if the supervisor gives up or is stopped before it. */
  readonly ready: Promise<DeskReady>;

  readonly #options: SupervisorOptions;
  readonly #logger: SupervisorLogger;
  readonly #backoff: BackoffOptions;
  readonly #secrets: Set<string>;
  #settleReady: { resolve(info: DeskReady): void; reject(error: Error): void } | null;
  #state: SupervisorState = 'idle';
  #run: Run | null = null;
  #current: DeskReady | null = null;
  #crashes = 0;
  #startFailures = 0;
  #restartTimer: NodeJS.Timeout | null = null;
  #readyTimer: NodeJS.Timeout | null = null;
  #stopping: Promise<void> | null = null;

  constructor(options: SupervisorOptions) {
    super();
    this.#options = options;
    this.#logger = options.logger ?? consoleLogger;
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.#secrets = new Set([...secretsInArgs(options.args ?? []), ...(options.secrets ?? [])]);
    let settle: { resolve(info: DeskReady): void; reject(error: Error): void } | null = null;
    this.ready = new Promise<DeskReady>((resolve, reject) => {
      settle = { resolve, reject };
    });
    this.#settleReady = settle;
    // Callers that only listen to events must not get an unhandled rejection.
    this.ready.catch(() => {});
  }

  get state(): SupervisorState {
    return this.#state;
  }

  /** The running core's pid, or null between runs. */
  get pid(): number | null {
    return this.#run && !this.#run.exited ? this.#run.pid : null;
  }

  /** The latest DESK_READY; after a restart the port may differ if the core was started with `--port 0`. */
  get current(): DeskReady | null {
    return this.#current;
  }

  start(): this {
    if (this.#state !== 'idle') throw new Error(`supervisor already ${this.#state}`);
    this.#spawn();
    return this;
  }

  /** SIGTERM, then SIGKILL after `stopTimeoutMs`, by pid; resolves once the core has exited. */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  async #stop(): Promise<void> {
    this.#clearTimers();
    const run = this.#run;
    if (this.#state !== 'failed') this.#state = 'stopping';
    if (run && !run.exited) {
      sendSignal(run.pid, 'SIGTERM');
      const kill = setTimeout(() => {
        this.#logger.warn(`core (pid ${run.pid}) ignored SIGTERM; killing it`);
        sendSignal(run.pid, 'SIGKILL');
      }, this.#options.stopTimeoutMs ?? 5_000);
      await run.closed;
      clearTimeout(kill);
    }
    if (this.#state !== 'failed') this.#state = 'stopped';
    this.#rejectReady(new Error('the core was stopped before it was ready'));
  }

  #redact(text: string): string {
    return redact(text, this.#secrets);
  }

  #spawn(): void {
    const { nodePath, script, cwd } = this.#options;
    const args = [script, ...(this.#options.args ?? [])];
    this.#state = 'starting';
    this.#logger.info(`starting: ${nodePath} ${redactArgs(args).join(' ')}`);
    // stdin stays an open pipe so that the core can notice the shell vanishing (EOF) if it wants to.
    const child = spawn(nodePath, args, {
      cwd,
      env: { ...process.env, ...this.#options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let closed!: () => void;
    const run: Run = {
      child,
      pid: child.pid ?? -1,
      startedAt: Date.now(),
      readyAt: null,
      lastStderr: null,
      timedOut: false,
      exited: false,
      closed: new Promise<void>((resolve) => (closed = resolve)),
    };
    this.#run = run;

    child.once('error', (error) => {
      if (child.pid !== undefined) return; // a failed kill or write; 'exit' follows
      // The executable itself is missing or not runnable: restarting cannot help.
      run.exited = true;
      closed();
      this.#fail(`cannot run ${nodePath}: ${error.message}`);
    });
    if (child.pid === undefined) return;
    this.emit('spawn', run.pid);

    createInterface({ input: child.stdout! }).on('line', (line) => this.#onStdout(run, line));
    createInterface({ input: child.stderr! }).on('line', (line) => {
      const clean = this.#redact(line).trimEnd();
      if (clean.trim() === '') return;
      run.lastStderr = clean.trim();
      this.#logger.warn(clean);
    });
    child.stdin?.on('error', () => {}); // EPIPE when the core exits first

    const readyTimeoutMs = this.#options.readyTimeoutMs ?? 30_000;
    this.#readyTimer = setTimeout(() => {
      run.timedOut = true;
      this.#logger.error(`core (pid ${run.pid}) did not report ready within ${readyTimeoutMs} ms; killing it`);
      sendSignal(run.pid, 'SIGKILL');
    }, readyTimeoutMs);

    child.once('exit', () => {
      run.exited = true;
    });
    // 'close' comes after the last stdout/stderr line, so the reason is complete.
    child.once('close', (code, signal) => {
      run.exited = true;
      closed();
      this.#onClose(run, code, signal);
    });
  }

  #onStdout(run: Run, line: string): void {
    if (!line.startsWith(DESK_READY_PREFIX)) {
      if (line.trim() !== '') this.#logger.info(this.#redact(line));
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(line.slice(DESK_READY_PREFIX.length));
    } catch {
      payload = undefined;
    }
    const parsed = deskReadySchema.safeParse(payload);
    if (!parsed.success) {
      // Never echo the line: it is meant to carry tokens.
      this.#logger.error(`ignored a malformed DESK_READY line (${line.length} characters)`);
      return;
    }
    const info = parsed.data;
    this.#secrets.add(info.token);
    this.#secrets.add(info.overlayToken);
    if (this.#readyTimer) clearTimeout(this.#readyTimer);
    this.#readyTimer = null;
    run.readyAt = Date.now();
    this.#startFailures = 0;
    this.#current = info;
    if (this.#stopping) return;
    this.#state = 'ready';
    this.#logger.info(`ready at ${info.url} (pid ${run.pid})`);
    this.#settleReady?.resolve(info);
    this.#settleReady = null;
    this.emit('ready', info);
  }

  #onClose(run: Run, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.#run === run && this.#readyTimer) {
      clearTimeout(this.#readyTimer);
      this.#readyTimer = null;
    }
    const now = Date.now();
    const how = code !== null ? `exited with code ${code}` : `was killed by ${signal ?? 'a signal'}`;
    const reason = run.timedOut
      ? `the core did not report ready within ${this.#options.readyTimeoutMs ?? 30_000} ms`
      : (run.lastStderr ?? `the core ${how}`);
    const expected = this.#stopping !== null;
    const exit: CoreExit = { pid: run.pid, code, signal, wasReady: run.readyAt !== null, expected, reason, uptimeMs: now - run.startedAt };
    if (!expected) this.#logger.warn(`core (pid ${run.pid}) ${how}${run.readyAt === null ? ' before it was ready' : ''}`);
    this.emit('exit', exit);
    if (expected || this.#state === 'failed') return;

    if (run.readyAt === null) {
      const quick = !run.timedOut && now - run.startedAt <= (this.#options.startFailureWindowMs ?? 10_000);
      this.#startFailures = quick ? this.#startFailures + 1 : 0;
      if (this.#startFailures >= 2) {
        this.#fail(reason);
        return;
      }
    } else if (now - run.readyAt >= (this.#options.stableAfterMs ?? 60_000)) {
      this.#crashes = 0;
    }
    this.#crashes += 1;
    const delayMs = backoffDelay(this.#crashes, this.#backoff);
    this.#state = 'waiting';
    this.#logger.info(`restarting in ${delayMs} ms (attempt ${this.#crashes})`);
    this.emit('restart', { attempt: this.#crashes, delayMs });
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = null;
      if (!this.#stopping) this.#spawn();
    }, delayMs);
  }

  #fail(reason: string): void {
    this.#clearTimers();
    this.#state = 'failed';
    const clean = this.#redact(reason);
    this.#logger.error(`giving up: ${clean}`);
    this.#rejectReady(new Error(clean));
    this.emit('fatal', clean);
  }

  #rejectReady(error: Error): void {
    this.#settleReady?.reject(error);
    this.#settleReady = null;
  }

  #clearTimers(): void {
    if (this.#restartTimer) clearTimeout(this.#restartTimer);
    if (this.#readyTimer) clearTimeout(this.#readyTimer);
    this.#restartTimer = null;
    this.#readyTimer = null;
  }
}
