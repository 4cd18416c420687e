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
}
