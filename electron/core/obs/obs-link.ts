import { EventSubscription, OBSWebSocketError } from 'obs-websocket-js/json';
import type { OBSRequestTypes, OBSResponseTypes, RequestBatchRequest } from 'obs-websocket-js/json';
import { coded, DeskError, onWire } from '../contract/index.js';
import type { ObsSceneItem, ObsState } from '../contract/index.js';
import { classifyConnectFailure, linkFailure, toDeskError, UnsupportedServer } from './obs-errors.js';
import type { ConnectFailure } from './obs-errors.js';
import { followMirrorEvents } from './obs-events.js';
import { deriveHealth, sameHealth } from './obs-health.js';
import type { HealthSample } from './obs-health.js';
import { keepScenes } from './obs-items.js';
import { backoffDelay, initialObsState, sameObsState, UNKNOWN } from './obs-mirror.js';
import { ObsSocket, RequestTimeout } from './obs-socket.js';
import { fetchSceneItems, fetchSnapshot, requireStreamTarget } from './obs-sync.js';
import type { ObsLink, ObsLinkOptions, ObsListener } from './types.js';

const EVENTS =
  EventSubscription.General |
  EventSubscription.Config |
  EventSubscription.Scenes |
  EventSubscription.Inputs |
  EventSubscription.Transitions |
  EventSubscription.Outputs |
  EventSubscription.SceneItems |
  EventSubscription.Ui;

/** A connection that lasted this long resets the backoff; a flapping one keeps backing off. */
const STABLE_MS = 2000;
/** Scenes whose items stay mirrored besides program and preview (the ones last toggled or asked for). */
const EXTRA_SCENES = 6;

/**
 * Connects to obs-websocket v5 and keeps a truthful mirror of OBS: status, scenes (in OBS's order),
 * program and preview scene, studio mode, transition, outputs, the items of the scenes in use and
 * stream health. One attempt at a time, retried with backoff and jitter; a wrong password or a server
 * that is not obs-websocket v5 stops the retries. While not connected, what OBS would say is unknown
 * (null / false / empty); `scenes` and `obsVersion` keep their last known values; while connecting,
 * `reason` still names the previous attempt's failure. One timer polls health once a second (a
 * RequestBatch of GetStats, GetStreamStatus and GetRecordStatus) and doubles as the heartbeat that
 * catches a hung OBS. Commands are refused at once while not connected and never replayed.
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

  let state: ObsState = initialObsState(options.url, now());
  const listeners = new Set<ObsListener>();
  let started = false;
  let closed = false;
  /** The socket of the attempt in progress or of the live connection; null between attempts. */
  let socket: ObsSocket | null = null;
  let connectedAt = 0;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let pollTimer: NodeJS.Timeout | null = null;
  /** Count scene events, so a late acknowledgement never overrides a newer switch. */
  let programEvents = 0;
  let previewEvents = 0;
  /** Scenes asked for on demand, most recent first. */
  let extraScenes: string[] = [];
  /** Item fetches in flight on the current socket, so two asks for one scene make one request. */
  let itemFetches = new Map<string, Promise<ObsSceneItem[]>>();

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

  const inUse = (st: ObsState = state): Set<string> => new Set([st.programScene, st.previewScene, ...extraScenes].filter((x): x is string => typeof x === 'string'));

  const loadItems = (s: ObsSocket, scene: string, fresh = false): Promise<ObsSceneItem[]> => {
    const cached = state.sceneItems?.[scene];
    if (cached && !fresh) return Promise.resolve(cached);
    const inFlight = itemFetches.get(scene);
    if (inFlight && !fresh) return inFlight;
    const fetches = itemFetches;
    const fetching = fetchSceneItems(s, scene, requestTimeoutMs)
      .then((items) => {
        // A newer read of the scene (asked for by an item event meanwhile) has the last word.
        if (live(s) && inUse().has(scene) && fetches.get(scene) === fetching) publish({ sceneItems: { ...state.sceneItems, [scene]: items } });
        return items;
      })
      .finally(() => {
        if (fetches.get(scene) === fetching) fetches.delete(scene);
      });
    fetches.set(scene, fetching);
    return fetching;
  };

  /**
   * Applies `patch` and, in the same publish, forgets the items of scenes no longer in use; then
   * fetches the items of scenes in use that are not mirrored yet.
   */
  const followScenesInUse = (s: ObsSocket, patch: Partial<ObsState> = {}): void => {
    const items = patch.sceneItems ?? state.sceneItems ?? {};
    publish({ ...patch, sceneItems: keepScenes(items, inUse({ ...state, ...patch })) });
    const scenes = inUse(state);
    for (const scene of scenes) if (!state.sceneItems?.[scene]) loadItems(s, scene).catch(() => undefined);
  };

  const programChanged = (s: ObsSocket, scene: string): void => {
    const before = state.programScene;
    followScenesInUse(s, { programScene: scene, ...(before && before !== scene ? { previousProgramScene: before } : {}) });
  };

  let previewVersion = 0;
  const previewChanged = (s: ObsSocket, scene: string | null): void => {
    previewVersion += 1;
    followScenesInUse(s, { previewScene: scene });
  };

  const stopPoll = (): void => {
    if (pollTimer) clearInterval(pollTimer);
    pollTimer = null;
  };

  /** Ends the connection `s` (if it is still the current one) and decides whether to retry. */
  const drop = (s: ObsSocket, failure: ConnectFailure): void => {
    if (socket !== s || closed) return;
    socket = null;
    itemFetches = new Map();
    stopPoll();
    s.markLost(failure.reason);
    s.terminate();
    if (connectedAt && now() - connectedAt >= STABLE_MS) failures = 0;
    connectedAt = 0;
    if (failure.status !== 'disconnected') {
      publish({ ...UNKNOWN, status: failure.status, reason: failure.reason, reasonText: onWire(failure.text), retryAt: null });
      return;
    }
    const delay = backoffDelay(failures, minDelayMs, maxDelayMs, options.random);
    failures += 1;
    retryTimer = setTimeout(attempt, delay);
    publish({ ...UNKNOWN, status: 'disconnected', reason: failure.reason, reasonText: onWire(failure.text), retryAt: now() + delay });
  };

  const resync = (s: ObsSocket): void => {
    fetchSnapshot(s, requestTimeoutMs).then(
      (snapshot) => {
        if (!live(s)) return;
        extraScenes = [];
        followScenesInUse(s, { ...snapshot, sceneItems: {} });
      },
      () => undefined, // a lost connection is reported by the close event or the health poll
    );
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
      if (live(s)) drop(s, linkFailure(coded('obsLink.shuttingDown', {}, 'OBS is shutting down')));
    });
    followMirrorEvents(s, {
      live,
      state: () => state,
      publish,
      programChanged: (sock, scene) => {
        programEvents += 1;
        programChanged(sock, scene);
      },
      previewChanged: (sock, scene, reported = true) => {
        if (reported) previewEvents += 1;
        previewChanged(sock, scene);
      },
      previewVersion: () => previewVersion,
      // A scene mirrored, or being read: OBS can send an item event before answering a read it made
      // before that change (they run on different threads), so an event during the read reads again.
      refreshItems: (sock, scene) => {
        if (state.sceneItems?.[scene] || itemFetches.has(scene)) void loadItems(sock, scene, true).catch(() => undefined);
      },
      resync,
      requestTimeoutMs,
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
    return fetchSnapshot(s, requestTimeoutMs);
  };

  const poll = (s: ObsSocket): void => {
    let inFlight = false;
    let previous: HealthSample | null = null;
    pollTimer = setInterval(() => {
      if (inFlight || !live(s)) return;
      inFlight = true;
      const requests: RequestBatchRequest[] = [{ requestType: 'GetStats' }, { requestType: 'GetStreamStatus' }, { requestType: 'GetRecordStatus' }];
      s.batch(requests, heartbeatTimeoutMs, 'a health poll (GetStats)').then(
        (results) => {
          inFlight = false;
          if (!live(s)) return;
          const part = (type: string) => {
            const r = results.find((x) => x.requestType === type);
            return r?.requestStatus.result ? ((r.responseData ?? {}) as Record<string, unknown>) : null;
          };
          const sample: HealthSample = { at: now(), stats: part('GetStats'), stream: part('GetStreamStatus'), record: part('GetRecordStatus') };
          const health = deriveHealth(previous, sample);
          previous = sample;
          if (!sameHealth(state.health, health)) publish({ health });
        },
        (error: unknown) => {
          inFlight = false;
          if (error instanceof RequestTimeout) {
            drop(s, linkFailure(coded('obsLink.noHeartbeat', {}, `OBS stopped answering (no reply to a heartbeat within ${heartbeatTimeoutMs} ms)`)));
          }
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
        extraScenes = [];
        followScenesInUse(s, { ...snapshot, sceneItems: {}, health: null, status: 'connected', reason: null, reasonText: null, retryAt: null });
        poll(s);
      },
      (error: unknown) => drop(s, classifyConnectFailure(error, options.url, password !== undefined)),
    );
  }

  const notConnected = (): DeskError => {
    const why = state.reason ? `${state.status}: ${state.reason}` : state.status;
    return new DeskError('conflict', coded('obs.notConnected', { status: state.status }, `OBS is not connected (${why})`));
  };

  const connectedSocket = (): ObsSocket => {
    const s = socket;
    if (!s || state.status !== 'connected') throw notConnected();
    return s;
  };

  async function call<T extends keyof OBSRequestTypes>(requestType: T, requestData?: OBSRequestTypes[T]): Promise<{ s: ObsSocket; answer: OBSResponseTypes[T] }> {
    const s = connectedSocket();
    try {
      return { s, answer: await s.request(requestType, requestData, requestTimeoutMs) };
    } catch (error) {
      throw toDeskError(requestType, error);
    }
  }

  const command = async <T extends keyof OBSRequestTypes>(requestType: T, requestData?: OBSRequestTypes[T]): Promise<ObsSocket> => (await call(requestType, requestData)).s;

  /** Items of `scene`, fetched on demand; the scene then stays mirrored while it is in use. */
  const itemsOf = async (scene: string): Promise<{ s: ObsSocket; items: ObsSceneItem[] }> => {
    const s = connectedSocket();
    extraScenes = [scene, ...extraScenes.filter((x) => x !== scene)].slice(0, EXTRA_SCENES);
    const items = await loadItems(s, scene);
    if (live(s)) publish({ sceneItems: keepScenes(state.sceneItems ?? {}, inUse()) });
    return { s, items };
  };

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
      stopPoll();
      const s = socket;
      socket = null;
      publish({ ...UNKNOWN, status: 'disconnected', reason: 'closed', reasonText: onWire(coded('obsLink.stopped', {}, 'closed')), retryAt: null });
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
      if (programEvents === seen && live(s)) programChanged(s, scene);
    },
    async setPreviewScene(scene) {
      const seen = previewEvents;
      const s = await command('SetCurrentPreviewScene', { sceneName: scene });
      if (previewEvents === seen && live(s)) previewChanged(s, scene);
    },
    async setStudioMode(enabled) {
      await command('SetStudioModeEnabled', { studioModeEnabled: enabled });
    },
    async transition() {
      const from = state.programScene;
      const to = state.previewScene ?? null;
      await command('TriggerStudioModeTransition');
      return { from, to };
    },
    async toggleSource(scene, source) {
      const { items } = await itemsOf(scene);
      const item = items.find((i) => i.source === source);
      if (!item) {
        const detail = `OBS scene "${scene}" has no source named "${source}" (it has: ${items.map((i) => i.source).join(', ') || 'no sources'})`;
        throw new DeskError('not_found', coded('obs.sourceNotFound', { scene, source }, detail));
      }
      // Toggle from OBS's own current value: the mirror may be a moment behind another client's change.
      const current = await call('GetSceneItemEnabled', { sceneName: scene, sceneItemId: item.id });
      const enabled = !current.answer.sceneItemEnabled;
      await command('SetSceneItemEnabled', { sceneName: scene, sceneItemId: item.id, sceneItemEnabled: enabled });
      return { scene, source, enabled };
    },
    async sceneItems(scene) {
      return (await itemsOf(scene)).items;
    },
    async request(requestType, requestData) {
      return (await call(requestType, requestData)).answer;
    },
    async batch(requests) {
      const s = connectedSocket();
      let results;
      try {
        results = await s.batch(requests, requestTimeoutMs);
      } catch (error) {
        throw toDeskError('RequestBatch', error);
      }
      const failed = results.find((r) => !r.requestStatus.result);
      if (failed && !failed.requestStatus.result) throw toDeskError(failed.requestType, new OBSWebSocketError(failed.requestStatus.code, failed.requestStatus.comment ?? ''));
      return results.map((r) => (r.requestStatus.result ? (r.responseData ?? {}) : {})) as Record<string, unknown>[];
    },
    async startStream() {
      await requireStreamTarget(connectedSocket(), requestTimeoutMs);
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
