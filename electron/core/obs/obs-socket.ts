import { OBSWebSocket } from 'obs-websocket-js/json';
import type { OBSRequestTypes, OBSResponseTypes, OutgoingMessageTypes, RequestBatchRequest, ResponseMessage } from 'obs-websocket-js/json';

/** The connection went away before OBS answered. */
export class ConnectionLost extends Error {
  override readonly name = 'ConnectionLost';
}

/** OBS did not answer within the allowed time. */
export class RequestTimeout extends Error {
  override readonly name = 'RequestTimeout';
  constructor(
    readonly requestType: string,
    readonly timeoutMs: number,
  ) {
    super(`OBS did not answer ${requestType} within ${timeoutMs} ms`);
  }
}

/**
 * One connection attempt to OBS. Never reused once it drops, so a late reply or event from an old
 * session can never leak into a newer one. Adds what obs-websocket-js lacks for a long-lived link: a
 * hard `terminate` for a peer that stopped answering, and requests that settle (time out, or fail
 * when the connection is lost) instead of hanging forever when the socket dies under them.
 */
export class ObsSocket extends OBSWebSocket {
  /** Set when the server turned out not to be obs-websocket v5: the real reason the attempt failed. */
  unsupported: Error | null = null;
  private readonly lost: Promise<never>;
  private rejectLost: (error: ConnectionLost) => void = () => undefined;

  constructor() {
    super();
    this.lost = new Promise<never>((_, reject) => {
      this.rejectLost = reject;
    });
    // Nobody may be waiting when the connection drops.
    this.lost.catch(() => undefined);
    this.on('ConnectionClosed', (e) => this.markLost(`connection closed (${e.code}${e.message ? `: ${e.message}` : ''})`));
  }

  /**
   * Writes to the socket at once. obs-websocket-js awaits its JSON encoder (synchronous in fact)
   * before the write, so whatever the caller did next — logging the key press, publishing state —
   * ran before the request left; a key press must reach OBS before anything else (issue 15).
   */
  protected override message<Type extends keyof OutgoingMessageTypes>(op: Type, d: OutgoingMessageTypes[Type]): Promise<void> {
    // Not connected or not identified yet: the library's own path, with its own errors.
    if (!this.socket || (!this.identified && (op as number) !== 1)) return super.message(op, d);
    this.socket.send(JSON.stringify({ op, d }));
    return Promise.resolve();
  }

  /** Fails every pending and future request of this socket. */
  markLost(reason: string): void {
    this.rejectLost(new ConnectionLost(reason));
  }

  async request<T extends keyof OBSRequestTypes>(requestType: T, requestData: OBSRequestTypes[T] | undefined, timeoutMs: number): Promise<OBSResponseTypes[T]> {
    // The request is written first (call() reaches the socket synchronously, see message), its timer after.
    const answer = this.call(requestType, requestData);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RequestTimeout(requestType, timeoutMs)), timeoutMs);
    });
    try {
      return await Promise.race([answer, this.lost, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * One RequestBatch (a single round trip), settling like `request`. Each result carries its own
   * status: the batch as a whole succeeds even when some of its requests were refused.
   */
  async batch(requests: RequestBatchRequest[], timeoutMs: number, what = 'a request batch'): Promise<ResponseMessage[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RequestTimeout(what, timeoutMs)), timeoutMs);
    });
    try {
      return await Promise.race([this.callBatch(requests), this.lost, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Drops the TCP connection at once: a hung peer would never complete a closing handshake. */
  terminate(): void {
    const ws = this.socket as unknown as { terminate?: () => void; close: () => void } | undefined;
    if (!ws) return;
    if (ws.terminate) ws.terminate();
    else ws.close();
  }

  /** Terminates and waits (briefly) for the socket to be released, so no handle outlives the link. */
  async shutdown(): Promise<void> {
    if (!this.socket) return;
    const closed = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      this.once('ConnectionClosed', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.terminate();
    await closed;
  }
}
