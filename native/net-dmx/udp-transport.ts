import { createSocket, type Socket } from 'node:dgram';
import { Listeners, type ByteTransport, type TransportState } from '../serial/transport/byte-transport.js';

export interface UdpTransportOptions {
  host: string;
  port: number;
  /** Broadcast addresses (Art-Net's default) need SO_BROADCAST. */
  broadcast?: boolean;
  now?: () => number;
  retryMs?: number;
}

/**
 * A send-only UDP "line" for network DMX (sACN, Art-Net), behind the same byte transport as a serial
 * port so a DMX device does not care how its universe leaves. UDP has no connection: `open` means the
 * socket is bound; a send that fails (no route to a multicast group) is the device's error to show.
 */
export class UdpTransport implements ByteTransport {
  readonly bytesIn = 0;
  private socket: Socket | null = null;
  private current: TransportState;
  private retry: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly states = new Listeners<TransportState>();
  private readonly now: () => number;

  constructor(private readonly options: UdpTransportOptions) {
    this.now = options.now ?? Date.now;
    this.current = { status: 'closed', reason: null, since: this.now(), retryAt: null };
  }

  get state(): TransportState {
    return this.current;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  write(bytes: Uint8Array): Promise<void> {
    const socket = this.socket;
    if (!socket || this.current.status !== 'open') return Promise.reject(new Error(`udp ${this.target} is ${this.current.status}`));
    return new Promise((resolve, reject) => socket.send(bytes, this.options.port, this.options.host, (error) => (error ? reject(error) : resolve())));
  }

  setBreak(): Promise<void> {
    return Promise.reject(new Error('a network DMX output has no break line'));
  }

  onData(): () => void {
    return () => undefined;
  }

  onState(listener: (state: TransportState) => void): () => void {
    return this.states.add(listener);
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const socket = this.socket;
    this.socket = null;
    if (socket) await new Promise<void>((resolve) => socket.close(() => resolve()));
    this.setState('closed', null);
    this.states.clear();
  }

  private get target(): string {
    return `${this.options.host}:${this.options.port}`;
  }

  private open(): void {
    this.setState('opening', null);
    const socket = createSocket({ type: 'udp4', reuseAddr: true });
    socket.on('error', (error) => this.fail(socket, error));
    socket.bind(0, () => {
      if (this.stopped) return void socket.close();
      try {
        if (this.options.broadcast) socket.setBroadcast(true);
      } catch (error) {
        return this.fail(socket, error as Error);
      }
      this.socket = socket;
      this.setState('open', null);
    });
  }

  private fail(socket: Socket, error: Error): void {
    if (this.stopped) return;
    if (this.socket === socket) this.socket = null;
    try {
      socket.close();
    } catch {
      // already closed by the failure itself
    }
    const retryMs = this.options.retryMs ?? 2_000;
    this.setState('error', error.message, this.now() + retryMs);
    this.retry = setTimeout(() => this.open(), retryMs);
    this.retry.unref();
  }

  private setState(status: TransportState['status'], reason: string | null, retryAt: number | null = null): void {
    this.current = { status, reason, since: this.now(), retryAt };
    this.states.emit(this.current);
  }
}
