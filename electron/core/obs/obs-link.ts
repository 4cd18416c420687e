import { EventSubscription } from 'obs-websocket-js/json';
import type { OBSRequestTypes } from 'obs-websocket-js/json';
import { DeskError } from '../contract/index.js';
import type { ObsState } from '../contract/index.js';
import { classifyConnectFailure, toDeskError, UnsupportedServer } from './obs-errors.js';
import type { ConnectFailure } from './obs-errors.js';
import { addScene, backoffDelay, removeScene, renameScene, sameObsState, scenesInObsOrder } from './obs-mirror.js';
import { ObsSocket, RequestTimeout } from './obs-socket.js';
import type { ObsLink, ObsLinkOptions, ObsListener } from './types.js';

const EVENTS = EventSubscription.General | EventSubscription.Config | EventSubscription.Scenes | EventSubscription.Outputs;

/** A connection that lasted this long resets the backoff; a flapping one keeps backing off. */
const STABLE_MS = 2000;

/**
 * Connects to obs-websocket v5 and keeps a truthful mirror of OBS: status, scenes (in OBS's order),
 * program scene, stream and record state. One attempt at a time, retried with backoff and jitter; a
 * wrong password or a server that is not obs-websocket v5 stops the retries. While not connected,
 * `programScene` is null and `streaming`/`recording` are false (unknown); `scenes` and `obsVersion`
 * keep their last known values; while connecting, `reason` still names the previous attempt's failure.
 * A hung OBS (socket open, no answers) is caught by a GetStats heartbeat. Commands are refused at once
 * while not connected and never replayed.
 */
export function createObsLink(options: ObsLinkOptions): ObsLink {
  const now = options.now ?? Date.now;
  const minDelayMs = options.minDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 4000;
  const heartbeatMs = options.heartbeatMs ?? 1000;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 1200;
  const connectTimeoutMs = options.connectTimeoutMs ?? 4000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 5000;
  const password = options.password || undefined;

  let state: ObsState = {
    status: 'disconnected',
    url: options.url,
    reason: 'not started',
    since: now(),
    retryAt: null,
    obsVersion: null,
    scenes: [],
    programScene: null,
    streaming: false,
    recording: false,
  };
  const listeners = new Set<ObsListener>();
  let started = false;
  let closed = false;
  /** The socket of the attempt in progress or of the live connection; null between attempts. */
  let socket: ObsSocket | null = null;
  let connectedAt = 0;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let heartbeatTimer: NodeJS.Timeout | null = null;
  /** Counts program-scene events, so a late acknowledgement never overrides a newer switch. */
  let programEvents = 0;

  const publish = (patch: Partial<ObsState>): void => {
    const next: ObsState = { ...state, ...patch };
    if (next.status !== state.status) next.since = now();
    if (sameObsState(next, state)) return;
    state = next;
    for (const listener of [...listeners]) {
      try {
        listener(state);
      } catch (error) {
        // A broken view must not take the OBS link down with it.
        console.error('[obs-link] a state listener threw:', error);
      }
    }
  };

  const live = (s: ObsSocket): boolean => socket === s && state.status === 'connected';

  const stopHeartbeat = (): void => {
    if (heartbeatTimer) clearInterval(heartbeatTimer);
    heartbeatTimer = null;
  };

  /** Ends the connection `s` (if it is still the current one) and decides whether to retry. */
  const drop = (s: ObsSocket, failure: ConnectFailure): void => {
    if (socket !== s || closed) return;
    socket = null;
    stopHeartbeat();
    s.markLost(failure.reason);
    s.terminate();
    if (connectedAt && now() - connectedAt >= STABLE_MS) failures = 0;
    connectedAt = 0;
    const unknown = { programScene: null, streaming: false, recording: false };
    if (failure.status !== 'disconnected') {
      publish({ ...unknown, status: failure.status, reason: failure.reason, retryAt: null });
      return;
    }
    const delay = backoffDelay(failures, minDelayMs, maxDelayMs, options.random);
    failures += 1;
    retryTimer = setTimeout(attempt, delay);
    publish({ ...unknown, status: 'disconnected', reason: failure.reason, retryAt: now() + delay });
  };

  const follow = (s: ObsSocket): void => {
    s.on('Hello', (hello) => {
      if (!(typeof hello.rpcVersion === 'number' && hello.rpcVersion >= 1)) {
        s.unsupported = new UnsupportedServer(`${options.url} offers obs-websocket RPC version ${String(hello.rpcVersion)}; version 1 (obs-websocket 5) is required`);
        s.terminate();
      }
    });
    s.on('ConnectionClosed', (e) => {
      if (live(s)) drop(s, classifyConnectFailure(e, options.url, password !== undefined));
    });
    s.on('ExitStarted', () => {
      if (live(s)) drop(s, { status: 'disconnected', reason: 'OBS is shutting down' });
    });
    // Events that arrive before the initial resync answers are already reflected in its answer.
    s.on('CurrentProgramSceneChanged', ({ sceneName }) => {
      programEvents += 1;
      if (live(s)) publish({ programScene: sceneName });
    });
    s.on('SceneListChanged', ({ scenes }) => {
      if (live(s)) publish({ scenes: scenesInObsOrder(scenes) });
    });
    s.on('SceneCreated', ({ sceneName, isGroup }) => {
      if (live(s) && !isGroup) publish({ scenes: addScene(state.scenes, sceneName) });
    });
    s.on('SceneRemoved', ({ sceneName, isGroup }) => {
      if (live(s) && !isGroup) publish({ scenes: removeScene(state.scenes, sceneName) });
    });
    s.on('SceneNameChanged', ({ oldSceneName, sceneName }) => {
      if (!live(s)) return;
      publish({ scenes: renameScene(state.scenes, oldSceneName, sceneName), ...(state.programScene === oldSceneName ? { programScene: sceneName } : {}) });
    });
    s.on('CurrentSceneCollectionChanged', () => {
      if (!live(s)) return;
      s.request('GetSceneList', undefined, requestTimeoutMs).then(
        (list) => live(s) && publish({ scenes: scenesInObsOrder(list.scenes), programScene: list.currentProgramSceneName }),
        () => undefined, // a lost connection is reported by the close event or the heartbeat
      );
    });
    s.on('StreamStateChanged', ({ outputActive }) => {
      if (live(s)) publish({ streaming: outputActive });
    });
    s.on('RecordStateChanged', ({ outputActive }) => {
      if (live(s)) publish({ recording: outputActive });
    });
  };

  const handshake = async (s: ObsSocket): Promise<Partial<ObsState>> => {
    let timer: NodeJS.Timeout | undefined;
    const connecting = s.connect(options.url, password, { rpcVersion: 1, eventSubscriptions: EVENTS });
    connecting.catch(() => undefined);
    try {
      await Promise.race([
        connecting,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new RequestTimeout('the handshake (Hello/Identify)', connectTimeoutMs)), connectTimeoutMs);
        }),
      ]);
    } catch (error) {
      throw s.unsupported ?? error;
    } finally {
      clearTimeout(timer);
    }
    const [version, list, stream, record] = await Promise.all([
      s.request('GetVersion', undefined, requestTimeoutMs),
      s.request('GetSceneList', undefined, requestTimeoutMs),
      s.request('GetStreamStatus', undefined, requestTimeoutMs),
      s.request('GetRecordStatus', undefined, requestTimeoutMs),
    ]);
    return {
      obsVersion: version.obsVersion,
      scenes: scenesInObsOrder(list.scenes),
      programScene: list.currentProgramSceneName,
      streaming: stream.outputActive,
      recording: record.outputActive,
    };
  };

  const heartbeat = (s: ObsSocket): void => {
    let inFlight = false;
    heartbeatTimer = setInterval(() => {
      if (inFlight || !live(s)) return;
      inFlight = true;
      s.request('GetStats', undefined, heartbeatTimeoutMs).then(
        () => {
          inFlight = false;
        },
        (error: unknown) => {
          inFlight = false;
          if (error instanceof RequestTimeout) drop(s, { status: 'disconnected', reason: `OBS stopped answering (no reply to a heartbeat within ${heartbeatTimeoutMs} ms)` });
        },
      );
    }, heartbeatMs);
  };

  function attempt(): void {
    retryTimer = null;
    if (closed) return;
    const s = new ObsSocket();
    socket = s;
    follow(s);
    publish({ status: 'connecting', retryAt: null });
    handshake(s).then(
      (snapshot) => {
        if (socket !== s || closed) return;
        connectedAt = now();
        publish({ ...snapshot, status: 'connected', reason: null, retryAt: null });
        heartbeat(s);
      },
      (error: unknown) => drop(s, classifyConnectFailure(error, options.url, password !== undefined)),
    );
  }

  const notConnected = (): DeskError => {
    const why = state.reason ? `${state.status}: ${state.reason}` : state.status;
    return new DeskError('conflict', `OBS is not connected (${why})`);
  };

  async function command<T extends keyof OBSRequestTypes>(requestType: T, requestData?: OBSRequestTypes[T]): Promise<ObsSocket> {
    const s = socket;
    if (!s || state.status !== 'connected') throw notConnected();
    try {
      await s.request(requestType, requestData, requestTimeoutMs);
      return s;
    } catch (error) {
      throw toDeskError(requestType, error);
    }
  }

  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    start() {
      if (started || closed) return;
      started = true;
      attempt();
    },
    async close() {
      if (closed) return;
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      stopHeartbeat();
      const s = socket;
      socket = null;
      publish({ status: 'disconnected', reason: 'closed', retryAt: null, programScene: null, streaming: false, recording: false });
      if (s) {
        s.markLost('the OBS link was closed');
        await s.shutdown();
      }
    },
    async setProgramScene(scene) {
      const seen = programEvents;
      const s = await command('SetCurrentProgramScene', { sceneName: scene });
      // OBS acknowledged the switch; its event may not have arrived yet. Unless a newer switch was
      // already reported, show the acknowledged scene now so the caller reads its own write.
      if (programEvents === seen && live(s)) publish({ programScene: scene });
    },
    async startStream() {
      await command('StartStream');
    },
    async stopStream() {
      await command('StopStream');
    },
    async startRecord() {
      await command('StartRecord');
    },
    async stopRecord() {
      await command('StopRecord');
    },
  };
}
