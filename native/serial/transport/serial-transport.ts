import { serialportModule } from '../serialport-module.js';
import { backoffDelay } from '../../../electron/core/contract/backoff.js';
import { Listeners, type ByteTransport, type LineSettings, type TransportState } from './byte-transport.js';

/** The part of a serialport 13 stream this transport uses (SerialPort and SerialPortMock both fit). */
export interface PortLike {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
  write(data: Buffer, callback: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  set(options: { brk: boolean }, callback: (error: Error | null) => void): void;
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'close', listener: (error?: Error & { disconnected?: boolean }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(): unknown;
}

export type PortFactory = (options: LineSettings & { autoOpen: false }) => PortLike;

export interface SerialTransportOptions {
  settings: LineSettings;
  /** No data for this long shows as `no-data`; null for write-only devices (DMX). */
  silenceMs: number | null;
  backoff?: { initialMs: number; maxMs: number };
  portFactory?: PortFactory;
  now?: () => number;
}

const defaultFactory: PortFactory = (options) => new (serialportModule().SerialPort)(options) as unknown as PortLike;

/** Failures the user has to fix (permissions, a port held by another program): shown as `error`. */
const userFixable = (message: string) => /EACCES|permission denied|cannot lock|resource busy|EBUSY|invalid|not supported/i.test(message);

/**
 * A serial port kept open: a failed open or an unplug (`err.disconnected`) schedules a reopen with
 * exponential backoff, and a silence watchdog tells a dead scale behind a live adapter from a quiet one.
 */
export class SerialTransport implements ByteTransport {
  bytesIn = 0;
  private current: TransportState;
  private port: PortLike | null = null;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private silenceTimer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly data = new Listeners<Uint8Array>();
  private readonly states = new Listeners<TransportState>();
  private readonly now: () => number;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly factory: PortFactory;

  constructor(private readonly options: SerialTransportOptions) {
    this.now = options.now ?? Date.now;
    this.backoff = options.backoff ?? { initialMs: 250, maxMs: 5_000 };
    this.factory = options.portFactory ?? defaultFactory;
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
    const port = this.port;
    if (!port?.isOpen) return Promise.reject(new Error(`${this.options.settings.path} is ${this.current.status}${this.current.reason ? `: ${this.current.reason}` : ''}`));
    return new Promise((resolve, reject) => {
      port.write(Buffer.from(bytes), (error) => {
        if (error) return reject(error);
        port.drain((e) => (e ? reject(e) : resolve()));
      });
    });
  }

  setBreak(on: boolean): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.reject(new Error(`${this.options.settings.path} is not open`));
    return new Promise((resolve, reject) => port.set({ brk: on }, (e) => (e ? reject(e) : resolve())));
  }

  onData(listener: (bytes: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onState(listener: (state: TransportState) => void): () => void {
    return this.states.add(listener);
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.clearTimers();
    const port = this.port;
    this.port = null;
    if (port) await closeQuietly(port);
    this.setState('closed', null);
  }

  private open(): void {
    if (this.stopped) return;
    const { settings } = this.options;
    // A retry keeps showing why the last attempt failed; only the first attempt shows `opening`.
    if (this.current.status === 'closed') this.setState('opening', null);
    let port: PortLike;
    try {
      port = this.factory({ ...settings, autoOpen: false });
    } catch (error) {
      // Bad settings are rejected synchronously by serialport; retrying cannot fix them.
      this.fail(`cannot use ${settings.path}: ${(error as Error).message}`, false);
      return;
    }
    this.port = port;
    port.on('error', (error) => this.lost(port, error.message));
    port.on('close', (error) => this.lost(port, error?.disconnected ? `unplugged (${error.message})` : 'closed by the system'));
    port.on('data', (chunk) => this.onChunk(chunk));
    port.open((error) => {
      if (this.port !== port) return;
      if (error) return this.lost(port, error.message);
      this.attempt = 0;
      this.setState('open', null);
      this.armWatchdog();
    });
  }

  private onChunk(chunk: Buffer): void {
    this.bytesIn += chunk.length;
    if (this.current.status === 'no-data') this.setState('open', null);
    this.armWatchdog();
    this.data.emit(chunk);
  }

  /** The port this transport was using failed: drop it and schedule the next attempt. */
  private lost(port: PortLike, reason: string): void {
    if (this.port !== port || this.stopped) return;
    this.port = null;
    port.removeAllListeners();
    // Keep an 'error' listener: a late error from a dropped port must not become an uncaught exception.
    port.on('error', () => undefined);
    void closeQuietly(port);
    this.fail(reason, true);
  }

  private fail(reason: string, retry: boolean): void {
    this.clearTimers();
    const status = !retry || userFixable(reason) ? 'error' : 'reconnecting';
    const delay = backoffDelay(this.attempt, { minMs: this.backoff.initialMs, maxMs: this.backoff.maxMs });
    this.attempt++;
    const retryAt = this.now() + delay;
    this.setState(status, reason, retry ? retryAt : null);
    if (!retry) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
    this.retryTimer.unref?.();
  }

  private armWatchdog(): void {
    const { silenceMs } = this.options;
    if (silenceMs === null) return;
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      this.silenceTimer = null;
      if (this.current.status === 'open') this.setState('no-data', `no data for ${(silenceMs / 1000).toFixed(silenceMs % 1000 ? 1 : 0)} s: is the scale switched on and in continuous mode?`);
    }, silenceMs);
    this.silenceTimer.unref?.();
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.retryTimer = null;
    this.silenceTimer = null;
  }

  private setState(status: TransportState['status'], reason: string | null, retryAt: number | null = null): void {
    const c = this.current;
    if (c.status === status && c.reason === reason && c.retryAt === retryAt) return;
    this.current = { status, reason, since: c.status === status ? c.since : this.now(), retryAt };
    this.states.emit(this.current);
  }
}

function closeQuietly(port: PortLike): Promise<void> {
  return new Promise((resolve) => {
    if (!port.isOpen) return resolve();
    try {
      port.close(() => resolve());
    } catch {
      resolve();
    }
  });
}
