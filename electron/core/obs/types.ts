import type { OBSRequestTypes, OBSResponseTypes, RequestBatchRequest } from 'obs-websocket-js/json';
import type { ObsSceneItem, ObsState } from '../contract/index.js';

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
  /** Needs studio mode (OBS refuses otherwise, status 506). */
  setPreviewScene(scene: string): Promise<void>;
  setStudioMode(enabled: boolean): Promise<void>;
  /** Studio mode's Transition button: preview goes to program. */
  transition(): Promise<{ from: string | null; to: string | null }>;
  /** Shows or hides `source` in `scene`, from OBS's current value; answers the new value. */
  toggleSource(scene: string, source: string): Promise<{ scene: string; source: string; enabled: boolean }>;
  /** A scene's items, fetched on demand; the scene's items then stay mirrored in `state.sceneItems`. */
  sceneItems(scene: string): Promise<ObsSceneItem[]>;
  /** Any one obs-websocket request (refusals become DeskErrors). */
  request<T extends keyof OBSRequestTypes>(requestType: T, requestData?: OBSRequestTypes[T]): Promise<OBSResponseTypes[T]>;
  /** Several requests in one round trip; the first refusal becomes a DeskError (earlier ones applied). */
  batch(requests: RequestBatchRequest[]): Promise<Record<string, unknown>[]>;
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
  /** How often stream health is polled (GetStats + stream/record status), which is also the heartbeat; default 1000 ms. */
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
