import type { ObsState } from '../contract/index.js';

export type ObsListener = (state: ObsState) => void;

/**
 * The core's view of one OBS instance. Implementations keep `state` truthful at all times, reconnect by
 * themselves, and refuse commands at once (DeskError 'conflict') while not connected: nothing is ever
 * queued to fire later.
 */
export interface ObsLink {
  readonly state: ObsState;
  /** Called after every state change; returns an unsubscribe function. */
  subscribe(listener: ObsListener): () => void;
  /** Begins connecting and keeps the link up until `close`. */
  start(): void;
  close(): Promise<void>;
  setProgramScene(scene: string): Promise<void>;
  startStream(): Promise<void>;
  stopStream(): Promise<void>;
  startRecord(): Promise<void>;
  stopRecord(): Promise<void>;
}

export interface ObsLinkOptions {
  url: string;
  password?: string | undefined;
  /** First retry delay; doubles with jitter up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  now?: () => number;
  /** How often an idle connection is probed (GetStats); default 1000 ms. */
  heartbeatMs?: number;
  /** A probe unanswered this long marks OBS as gone, even if the socket never closes; default 1200 ms. */
  heartbeatTimeoutMs?: number;
  /** Bound on socket open + Hello + Identify; default 4000 ms. */
  connectTimeoutMs?: number;
  /** Bound on each command and on the initial resync; default 5000 ms. */
  requestTimeoutMs?: number;
  /** Source of jitter for the retry delay (tests make it deterministic); default Math.random. */
  random?: () => number;
}
