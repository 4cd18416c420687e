import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { EventIntent, ObsSimModel, RequestStatus, STUDIO_SCENES } from './obs-sim-model.js';
import type { JsonObject, RequestOutcome, SimStats } from './obs-sim-model.js';

export { STUDIO_SCENES } from './obs-sim-model.js';

/**
 * A simulated OBS: an obs-websocket v5 server (JSON encoding) on loopback, for rehearsal mode and tests.
 * It speaks the real handshake (Hello / Identify with the real authentication scheme / Identified),
 * answers requests with obs-websocket's status codes and comments, honours event subscriptions and
 * request batches, and closes sessions with OBS's close codes.
 */
export interface ObsSimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** When set, clients must authenticate like with a real OBS that has "Enable Authentication" on. */
  password?: string;
  /** Scenes in OBS's UI order; the first is the program scene. Defaults to a live-commerce studio. */
  scenes?: readonly string[];
  /** Simulates an OBS build without Browser Source (Debian's, built without CEF). */
  withoutBrowserSource?: boolean;
  /** Called as each request arrives, before it is answered (benchmarks time presses to this). */
  onRequest?: (requestType: string) => void;
}

export interface ObsSim {
  url: string;
  port: number;
  password: string | undefined;
  scenes(): string[];
  programScene(): string;
  /** As if the operator clicked the scene in OBS: other clients see CurrentProgramSceneChanged. */
  setProgramScene(name: string): void;
  streaming(): boolean;
  recording(): boolean;
  /** Forces stream-health figures (fps, skipped frames, congestion, reconnecting, disk space). */
  setStats(stats: SimStats): void;
  /** An input's current settings (what a text source shows), or null if there is no such input. */
  inputSettings(name: string): JsonObject | null;
  /** Request types received so far, oldest first (for tests and benchmarks). */
  requestLog(): readonly string[];
  /** WebSocket connections accepted so far. */
  connectionCount(): number;
  /** Answers every later message `ms` late, in order, like an OBS busy rendering (0 = at once). */
  setLatency(ms: number): void;
  /** Sends `text` as is to every identified client: malformed messages for fault tests. */
  injectRaw(text: string): void;
  /** Stops answering without closing any socket, like a hung OBS; `thaw` answers what was queued. */
  freeze(): void;
  thaw(): void;
  /**
   * Stops the server and frees the port. By default OBS's clean exit (ExitStarted, then close 1001);
   * `abrupt` drops every socket at once, as if OBS was killed.
   */
  close(options?: { abrupt?: boolean }): Promise<void>;
}

/** obs-websocket's WebSocketCloseCode values. */
export const CloseCode = {
  UnknownReason: 4000,
  MessageDecodeError: 4002,
  MissingDataField: 4003,
  InvalidDataFieldType: 4004,
  InvalidDataFieldValue: 4005,
  UnknownOpCode: 4006,
  NotIdentified: 4007,
  AlreadyIdentified: 4008,
  AuthenticationFailed: 4009,
  UnsupportedRpcVersion: 4010,
} as const;

export const OpCode = { Hello: 0, Identify: 1, Identified: 2, Reidentify: 3, Event: 5, Request: 6, RequestResponse: 7, RequestBatch: 8, RequestBatchResponse: 9 } as const;

interface Session {
  ws: WebSocket;
  identified: boolean;
  eventSubscriptions: number;
  challenge: string;
}

const sha256Base64 = (text: string): string => createHash('sha256').update(text).digest('base64');
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

class Closing extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export async function startObsSim(options: ObsSimOptions = {}): Promise<ObsSim> {
  const password = options.password || undefined;
  const salt = randomBytes(32).toString('base64');
  const secret = password === undefined ? '' : sha256Base64(password + salt);
  const sessions = new Set<Session>();
  const timers = new Set<NodeJS.Timeout>();
  const requestLog: string[] = [];
  const queued: (() => void)[] = [];
  let frozen = false;
  let latencyMs = 0;
  let connections = 0;

  const send = (session: Session, op: number, d: JsonObject): void => {
    if (session.ws.readyState === session.ws.OPEN) session.ws.send(JSON.stringify({ op, d }));
  };

  // Events raised while a request is handled go out after its response, as obs-websocket broadcasts
  // them from its event thread.
  let pendingEvents: (() => void)[] | null = null;
  const broadcast = (eventType: string, eventIntent: number, eventData?: JsonObject): void => {
    const deliver = () => {
      for (const s of sessions) {
        if (s.identified && (s.eventSubscriptions & eventIntent) !== 0) send(s, OpCode.Event, { eventType, eventIntent, ...(eventData ? { eventData } : {}) });
      }
    };
    if (frozen) queued.push(deliver);
    else if (pendingEvents) pendingEvents.push(deliver);
    else deliver();
  };
  const later = (fn: () => void, ms: number): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  const model = new ObsSimModel({ scenes: options.scenes ?? STUDIO_SCENES, emit: broadcast, later, withoutBrowserSource: options.withoutBrowserSource === true });

  const runRequest = (request: JsonObject): RequestOutcome => {
    requestLog.push(String(request.requestType));
    options.onRequest?.(String(request.requestType));
    return model.handle(request.requestType, request.requestData);
  };

  const identify = (session: Session, d: JsonObject, again: boolean): void => {
    if (!again) {
      if (session.identified) throw new Closing(CloseCode.AlreadyIdentified, 'You are already Identified with the obs-websocket server.');
      if (password !== undefined) {
        if (typeof d.authentication !== 'string') throw new Closing(CloseCode.AuthenticationFailed, "Your payload's data is missing an `authentication` string, however authentication is required.");
        if (d.authentication !== sha256Base64(secret + session.challenge)) throw new Closing(CloseCode.AuthenticationFailed, 'Authentication failed.');
      }
      if (d.rpcVersion === undefined) throw new Closing(CloseCode.MissingDataField, "Your payload's data is missing an `rpcVersion`.");
      if (typeof d.rpcVersion !== 'number') throw new Closing(CloseCode.InvalidDataFieldType, 'Your `rpcVersion` is not an unsigned number.');
      if (d.rpcVersion !== 1) throw new Closing(CloseCode.UnsupportedRpcVersion, 'Your requested RPC version is not supported by this server.');
    }
    if (d.eventSubscriptions !== undefined) {
      if (typeof d.eventSubscriptions !== 'number' || d.eventSubscriptions < 0) throw new Closing(CloseCode.InvalidDataFieldType, 'Your `eventSubscriptions` is not an unsigned number.');
      session.eventSubscriptions = d.eventSubscriptions;
    }
    session.identified = true;
    send(session, OpCode.Identified, { negotiatedRpcVersion: 1 });
  };

  const batch = (session: Session, d: JsonObject): void => {
    if (d.requestId === undefined) throw new Closing(CloseCode.MissingDataField, 'Your payload data is missing a `requestId`.');
    if (!Array.isArray(d.requests)) throw new Closing(CloseCode.InvalidDataFieldType, 'Your `requests` is not an array.');
    if (d.executionType !== undefined && d.executionType !== null && ![0, 1, 2].includes(d.executionType as number)) {
      throw new Closing(CloseCode.InvalidDataFieldValue, 'Your `executionType` has an invalid value.');
    }
    const results: JsonObject[] = [];
    for (const request of d.requests as unknown[]) {
      const r = isObject(request) ? request : {};
      const outcome = runRequest(r);
      results.push({ requestType: r.requestType, ...(r.requestId !== undefined ? { requestId: r.requestId } : {}), ...outcome });
      if (d.haltOnFailure === true && !outcome.requestStatus.result) break;
    }
    send(session, OpCode.RequestBatchResponse, { requestId: d.requestId, results });
  };

  const dispatch = (session: Session, raw: RawData): void => {
    let message: unknown;
    try {
      message = JSON.parse(raw.toString());
    } catch {
      throw new Closing(CloseCode.MessageDecodeError, 'Unable to decode the message: it is not valid JSON.');
    }
    if (!isObject(message) || typeof message.op !== 'number') throw new Closing(CloseCode.UnknownReason, 'Your payload is missing an `op`.');
    const { op, d } = message;
    if (d === undefined || d === null) throw new Closing(CloseCode.MissingDataField, 'Your payload is missing data (`d`).');
    if (!isObject(d)) throw new Closing(CloseCode.InvalidDataFieldType, "Your payload's data (`d`) is not an object.");
    if (!session.identified && op !== OpCode.Identify) throw new Closing(CloseCode.NotIdentified, 'You attempted to send a non-Identify message while not identified.');
    switch (op) {
      case OpCode.Identify:
        return identify(session, d, false);
      case OpCode.Reidentify:
        return identify(session, d, true);
      case OpCode.Request: {
        if (d.requestId === undefined) throw new Closing(CloseCode.MissingDataField, 'Your payload data is missing a `requestId`.');
        const outcome = runRequest(d);
        return send(session, OpCode.RequestResponse, { requestType: d.requestType, requestId: d.requestId, ...outcome });
      }
      case OpCode.RequestBatch:
        return batch(session, d);
      default:
        throw new Closing(CloseCode.UnknownOpCode, `Unknown OpCode: ${op}`);
    }
  };

  const onMessage = (session: Session, raw: RawData): void => {
    pendingEvents = [];
    try {
      dispatch(session, raw);
    } catch (error) {
      if (!(error instanceof Closing)) throw error;
      session.ws.close(error.code, error.reason);
    } finally {
      const events = pendingEvents;
      pendingEvents = null;
      for (const deliver of events) deliver();
    }
  };

  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    // Only JSON is simulated: a msgpack-only client gets no subprotocol and gives up, as it should.
    handleProtocols: (protocols) => (protocols.has('obswebsocket.json') ? 'obswebsocket.json' : false),
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  wss.on('error', () => undefined);

  wss.on('connection', (ws) => {
    connections += 1;
    const session: Session = { ws, identified: false, eventSubscriptions: EventIntent.All, challenge: randomBytes(32).toString('base64') };
    sessions.add(session);
    ws.on('close', () => sessions.delete(session));
    ws.on('error', () => undefined);
    ws.on('message', (raw) => {
      if (frozen) queued.push(() => onMessage(session, raw));
      else if (latencyMs > 0) later(() => onMessage(session, raw), latencyMs);
      else onMessage(session, raw);
    });
    const hello: JsonObject = { obsWebSocketVersion: '5.1.0', rpcVersion: 1 };
    if (password !== undefined) hello.authentication = { challenge: session.challenge, salt };
    const greet = () => send(session, OpCode.Hello, hello);
    if (frozen) queued.push(greet);
    else greet();
  });

  const port = (wss.address() as AddressInfo).port;
  let closed: Promise<void> | null = null;

  const close = async (abrupt: boolean): Promise<void> => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    queued.length = 0;
    frozen = false;
    if (!abrupt) broadcast('ExitStarted', EventIntent.General);
    const gone = [...sessions].map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.ws.readyState === s.ws.CLOSED) return resolve();
          s.ws.once('close', () => resolve());
          if (abrupt) return s.ws.terminate();
          s.ws.close(1001, 'Server stopping.');
          // A client that never answers the close frame must not keep the port busy.
          const timer = setTimeout(() => s.ws.terminate(), 500);
          s.ws.once('close', () => clearTimeout(timer));
        }),
    );
    await Promise.all(gone);
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };

  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    password,
    scenes: () => model.scenes(),
    programScene: () => model.programScene(),
    setProgramScene: (name) => model.setProgramScene(name),
    streaming: () => model.streaming(),
    recording: () => model.recording(),
    setStats: (stats) => model.setStats(stats),
    inputSettings: (name) => model.inputSettings(name),
    requestLog: () => [...requestLog],
    connectionCount: () => connections,
    setLatency: (ms) => {
      latencyMs = Math.max(0, ms);
    },
    injectRaw: (text) => {
      for (const s of sessions) if (s.identified && s.ws.readyState === s.ws.OPEN) s.ws.send(text);
    },
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
      for (const run of queued.splice(0)) run();
    },
    close: (opts = {}) => (closed ??= close(opts.abrupt === true)),
  };
}

export { RequestStatus, EventIntent };
