import { Listeners, type ByteTransport, type TransportState } from './byte-transport.js';

/** A transport driven by the test or the rehearsal: push bytes in, read what the desk wrote. */
export class FakeTransport implements ByteTransport {
  readonly written: Uint8Array[] = [];
  readonly breaks: boolean[] = [];
  bytesIn = 0;
  private current: TransportState;
  private readonly data = new Listeners<Uint8Array>();
  private readonly states = new Listeners<TransportState>();

  constructor(private readonly now: () => number = Date.now) {
    this.current = { status: 'closed', reason: null, since: now(), retryAt: null };
  }

  get state(): TransportState {
    return this.current;
  }

  start(): void {
    this.setState('open', null);
  }

  /** Bytes as if the device sent them. */
  receive(bytes: Uint8Array | string): void {
    const chunk = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
    this.bytesIn += chunk.length;
    if (this.current.status === 'no-data') this.setState('open', null);
    this.data.emit(chunk);
  }

  setState(status: TransportState['status'], reason: string | null, retryAt: number | null = null): void {
    this.current = { status, reason, since: this.now(), retryAt };
    this.states.emit(this.current);
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.current.status !== 'open' && this.current.status !== 'no-data') throw new Error(`port is ${this.current.status}`);
    this.written.push(bytes);
  }

  async setBreak(on: boolean): Promise<void> {
    this.breaks.push(on);
  }

  onData(listener: (bytes: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onState(listener: (state: TransportState) => void): () => void {
    return this.states.add(listener);
  }

  async close(): Promise<void> {
    this.setState('closed', null);
    this.data.clear();
    this.states.clear();
  }
}
