import type { LinkStatus } from '../../../electron/core/contract/devices.js';

/** Line settings of a serial port, in our own terms (no library types cross this line). */
export interface LineSettings {
  path: string;
  baudRate: number;
  dataBits: 5 | 6 | 7 | 8;
  parity: 'none' | 'even' | 'odd' | 'mark' | 'space';
  stopBits: 1 | 1.5 | 2;
}

export interface TransportState {
  status: LinkStatus;
  reason: string | null;
  since: number;
  retryAt: number | null;
}

/**
 * A byte transport (DESIGN §5): it opens, keeps itself open (reopening with backoff after an unplug),
 * delivers bytes and says truthfully what it is doing. The serial port and the fake implement it.
 */
export interface ByteTransport {
  readonly state: TransportState;
  /** Bytes received since start. */
  readonly bytesIn: number;
  start(): void;
  write(bytes: Uint8Array): Promise<void>;
  /** Holds the line in break (Open DMX); pseudo-terminals refuse it. */
  setBreak(on: boolean): Promise<void>;
  onData(listener: (bytes: Uint8Array) => void): () => void;
  onState(listener: (state: TransportState) => void): () => void;
  close(): Promise<void>;
}

/** A tiny listener set: listeners that throw are reported, never allowed to break the transport. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  emit(value: T): void {
    for (const listener of this.set) {
      try {
        listener(value);
      } catch (error) {
        console.error(`transport listener failed: ${(error as Error).message}`);
      }
    }
  }

  clear(): void {
    this.set.clear();
  }
}
