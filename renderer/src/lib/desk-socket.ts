import { wsServerMessageSchema, type WsClientMessage, type WsServerMessage } from '../contract.js';
import { backoffDelay, SOCKET_BACKOFF } from './backoff.js';
import { PushedState } from '../stores/pushed-state.js';

export type SocketStatus =
  | { kind: 'connecting'; attempt: number }
  | { kind: 'open'; since: number }
  | { kind: 'closed'; attempt: number; retryAt: number; reason: string }
  | { kind: 'unauthorized' }
  | { kind: 'stopped' };

export type AuthCheck = 'ok' | 'unauthorized' | 'unreachable';

export class RequestError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RequestError';
    this.code = code;
  }
}

export type DeskSocketOptions = {
  /** The core's base URL, http(s)://host:port[/prefix]. */
  url: string;
  token: string;
  onMessage(msg: WsServerMessage): void;
  onStatus(status: SocketStatus): void;
  /** A message that fails the contract: reported, never applied. */
  onMalformed?(detail: string): void;
  /** Asked after a failed connect: a browser hides the HTTP status of a refused upgrade. */
  checkAuth?(): Promise<AuthCheck>;
  requestTimeoutMs?: number;
};

type Pending = { resolve(v: unknown): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> };
type Request = WsClientMessage extends infer M ? (M extends { id?: string } ? Omit<M, 'id'> : never) : never;

export function socketUrl(baseUrl: string, token: string): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/ws`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  // Only what changed after the first whole state; PushedState puts the whole back together.
  url.searchParams.set('patch', '1');
  return url.toString();
}

/**
 * The console's one socket to the core: receives pushed state, carries actions and key presses, and
 * reconnects with backoff for as long as it is started. Its status is always the truth about the link.
 */
export class DeskSocket {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;
  private nextId = 1;
  private readonly pending = new Map<string, Pending>();
  private readonly pushed = new PushedState();
  private readonly opts: DeskSocketOptions;

  constructor(opts: DeskSocketOptions) {
    this.opts = opts;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearRetry();
    this.ws?.close();
    this.ws = null;
    this.failPending('stopped');
    this.opts.onStatus({ kind: 'stopped' });
  }

  /** Skips the remaining backoff delay. */
  retryNow(): void {
    if (this.stopped || this.ws) return;
    this.clearRetry();
    this.connect();
  }

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** Sends a request and resolves with the core's result, or rejects with its error. */
  request(message: Request): Promise<unknown> {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return Promise.reject(new RequestError('offline', 'desk disconnected'));
    const id = String(this.nextId++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RequestError('timeout', 'no answer from the desk'));
      }, this.opts.requestTimeoutMs ?? 10_000);
      this.pending.set(id, { resolve, reject, timer });
      ws.send(JSON.stringify({ ...message, id }));
    });
  }

  /** Fire-and-forget, for key releases whose result nobody waits for. */
  post(message: Request): boolean {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  private connect(): void {
    this.opts.onStatus({ kind: 'connecting', attempt: this.attempt });
    let opened = false;
    const ws = new WebSocket(socketUrl(this.opts.url, this.opts.token));
    this.ws = ws;
    this.pushed.reset();
    ws.onopen = () => {
      opened = true;
      this.attempt = 0;
      this.opts.onStatus({ kind: 'open', since: Date.now() });
    };
    ws.onmessage = (ev) => this.receive(ev.data);
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.failPending('offline');
      if (this.stopped) return;
      // 'unreachable' and 'closed' are codes the UI translates; a server-given reason is shown as is.
      const reason = ev.reason || (opened ? 'closed' : 'unreachable');
      if (!opened && this.opts.checkAuth) {
        void this.opts.checkAuth().then((auth) => {
          if (this.stopped || this.ws) return;
          if (auth === 'unauthorized') this.opts.onStatus({ kind: 'unauthorized' });
          else this.scheduleRetry(reason);
        });
      } else {
        this.scheduleRetry(reason);
      }
    };
  }

  private scheduleRetry(reason: string): void {
    const delay = backoffDelay(this.attempt, SOCKET_BACKOFF);
    this.opts.onStatus({ kind: 'closed', attempt: this.attempt, retryAt: Date.now() + delay, reason });
    this.attempt++;
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.connect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private receive(data: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      this.opts.onMalformed?.('not JSON');
      return;
    }
    const parsed = wsServerMessageSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      this.opts.onMalformed?.(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    const msg = parsed.data;
    if (msg.type === 'result') {
      const p = msg.id === null ? undefined : this.pending.get(msg.id);
      if (!p || msg.id === null) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new RequestError(msg.error?.code ?? 'error', msg.error?.message ?? 'refused'));
      return;
    }
    const whole = this.pushed.receive(msg);
    if (whole === 'resync') this.post({ type: 'resync' });
    else this.opts.onMessage(whole);
  }

  private failPending(code: string): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new RequestError(code, 'desk disconnected'));
    }
    this.pending.clear();
  }
}
