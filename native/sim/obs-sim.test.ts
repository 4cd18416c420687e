import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { OBSWebSocket } from 'obs-websocket-js/json';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CloseCode, EventIntent, OpCode, RequestStatus, STUDIO_SCENES, startObsSim } from './obs-sim.js';
import type { ObsSim } from './obs-sim.js';

interface Message {
  op: number;
  d: Record<string, unknown>;
}

/** A bare protocol client: the tests speak obs-websocket by hand to check the wire details. */
class RawClient {
  private readonly ws: WebSocket;
  private readonly inbox: Message[] = [];
  private waiting: ((m: Message) => void) | null = null;
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(url: string, protocols: string[] = ['obswebsocket.json']) {
    this.ws = new WebSocket(url, protocols);
    this.ws.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as Message;
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = null;
        resolve(message);
      } else this.inbox.push(message);
    });
    this.closed = new Promise((resolve) => this.ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  get protocol(): string {
    return this.ws.protocol;
  }

  next(): Promise<Message> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  send(op: number, d: unknown): void {
    this.ws.send(JSON.stringify({ op, d }));
  }

  async identify(password?: string, extra: Record<string, unknown> = {}): Promise<Message> {
    const hello = await this.next();
    const auth = hello.d.authentication as { challenge: string; salt: string } | undefined;
    const d: Record<string, unknown> = { rpcVersion: 1, ...extra };
    if (auth && password !== undefined) d.authentication = authentication(password, auth.salt, auth.challenge);
    this.send(OpCode.Identify, d);
    return this.next();
  }

  async request(requestType: string, requestData?: unknown, requestId = 'r1'): Promise<Message['d']> {
    this.send(OpCode.Request, { requestType, requestId, ...(requestData === undefined ? {} : { requestData }) });
    for (;;) {
      const m = await this.next();
      if (m.op === OpCode.RequestResponse && m.d.requestId === requestId) return m.d;
    }
  }

  close(): void {
    this.ws.terminate();
  }
}

const b64sha = (s: string) => createHash('sha256').update(s).digest('base64');
const authentication = (password: string, salt: string, challenge: string) => b64sha(b64sha(password + salt) + challenge);

let sims: ObsSim[] = [];
let clients: RawClient[] = [];
const sim = async (opts?: Parameters<typeof startObsSim>[0]) => {
  const s = await startObsSim(opts);
  sims.push(s);
  return s;
};
const client = (url: string, protocols?: string[]) => {
  const c = new RawClient(url, protocols);
  clients.push(c);
  return c;
};

afterEach(async () => {
  for (const c of clients) c.close();
  await Promise.all(sims.map((s) => s.close({ abrupt: true })));
  sims = [];
  clients = [];
});

describe('obs-sim handshake', () => {
  it('says Hello with rpcVersion 1 and no authentication when no password is set', async () => {
    const s = await sim();
    const c = client(s.url);
    const hello = await c.next();
    expect(c.protocol).toBe('obswebsocket.json');
    expect(hello).toEqual({ op: OpCode.Hello, d: { obsWebSocketVersion: '5.1.0', rpcVersion: 1 } });
    c.send(OpCode.Identify, { rpcVersion: 1 });
    expect(await c.next()).toEqual({ op: OpCode.Identified, d: { negotiatedRpcVersion: 1 } });
  });

  it('accepts the real authentication string', async () => {
    const s = await sim({ password: 'p@ss 密码' });
    const c = client(s.url);
    expect((await c.identify('p@ss 密码')).op).toBe(OpCode.Identified);
  });

  it('closes with 4009 like OBS on a wrong or missing password', async () => {
    const s = await sim({ password: 'right' });
    const wrong = client(s.url);
    void wrong.identify('wrong');
    expect(await wrong.closed).toEqual({ code: CloseCode.AuthenticationFailed, reason: 'Authentication failed.' });
    const missing = client(s.url);
    void missing.identify(undefined);
    expect((await missing.closed).code).toBe(CloseCode.AuthenticationFailed);
  });

  it('closes with 4010 on an unsupported rpcVersion and 4007 on a request before Identify', async () => {
    const s = await sim();
    const rpc = client(s.url);
    await rpc.next();
    rpc.send(OpCode.Identify, { rpcVersion: 2 });
    expect((await rpc.closed).code).toBe(CloseCode.UnsupportedRpcVersion);
    const early = client(s.url);
    await early.next();
    early.send(OpCode.Request, { requestType: 'GetVersion', requestId: 'x' });
    expect((await early.closed).code).toBe(CloseCode.NotIdentified);
  });

  it('is compatible with obs-websocket-js and its authentication', async () => {
    const s = await sim({ password: 'secret' });
    const obs = new OBSWebSocket();
    const ids = await obs.connect(s.url, 'secret');
    expect(ids.negotiatedRpcVersion).toBe(1);
    expect((await obs.call('GetVersion')).obsVersion).toBe('29.0.2');
    await obs.disconnect();
    const bad = new OBSWebSocket();
    await expect(bad.connect(s.url, 'nope')).rejects.toMatchObject({ code: 4009, message: 'Authentication failed.' });
  });
});

describe('obs-sim requests', () => {
  it('answers unknown requests with 204 and the real comment', async () => {
    const s = await sim();
    const c = client(s.url);
    await c.identify();
    expect(await c.request('MakeCoffee')).toEqual({
      requestType: 'MakeCoffee',
      requestId: 'r1',
      requestStatus: { result: false, code: RequestStatus.UnknownRequestType, comment: 'Your request type is not valid.' },
    });
  });

  it('lists scenes like OBS (bottom-up with sceneIndex) and defaults to a live-commerce studio', async () => {
    const s = await sim();
    expect(s.scenes()).toEqual(STUDIO_SCENES);
    const c = client(s.url);
    await c.identify();
    const res = await c.request('GetSceneList');
    const data = res.responseData as { currentProgramSceneName: string; scenes: { sceneName: string; sceneIndex: number }[] };
    expect(data.currentProgramSceneName).toBe(STUDIO_SCENES[0]);
    expect(data.scenes.map((x) => x.sceneName)).toEqual([...STUDIO_SCENES].reverse());
    expect(data.scenes[0]?.sceneIndex).toBe(0);
  });

  it('uses 600 for unknown scenes, 300 for missing fields, 500/501 for outputs, 506 without studio mode', async () => {
    const s = await sim({ scenes: ['A', 'B'] });
    const c = client(s.url);
    await c.identify();
    const status = async (type: string, data?: unknown) => (await c.request(type, data)).requestStatus;
    expect(await status('SetCurrentProgramScene', { sceneName: 'Z' })).toEqual({ result: false, code: 600, comment: 'No source was found by the name of `Z`.' });
    expect(await status('SetCurrentProgramScene', {})).toMatchObject({ code: 300 });
    expect(await status('StopStream')).toEqual({ result: false, code: RequestStatus.OutputNotRunning });
    expect(await status('StartStream')).toEqual({ result: true, code: 100 });
    expect(await status('StartStream')).toEqual({ result: false, code: RequestStatus.OutputRunning });
    expect(await status('GetCurrentPreviewScene')).toMatchObject({ code: RequestStatus.StudioModeNotActive });
    expect(await status('RemoveScene', { sceneName: 'A' })).toMatchObject({ result: true });
    expect(await status('RemoveScene', { sceneName: 'B' })).toMatchObject({ code: RequestStatus.NotEnoughResources });
    expect(await status('CreateScene', { sceneName: 'B' })).toMatchObject({ code: RequestStatus.ResourceAlreadyExists });
  });

  it('runs a RequestBatch in order, with requestIds and haltOnFailure', async () => {
    const s = await sim({ scenes: ['A', 'B'] });
    const c = client(s.url);
    await c.identify();
    c.send(OpCode.RequestBatch, {
      requestId: 'b1',
      haltOnFailure: true,
      requests: [
        { requestType: 'SetCurrentProgramScene', requestId: 'one', requestData: { sceneName: 'B' } },
        { requestType: 'Nope' },
        { requestType: 'GetVersion' },
      ],
    });
    const m = await c.next();
    expect(m.op).toBe(OpCode.RequestBatchResponse);
    expect(m.d.requestId).toBe('b1');
    const results = m.d.results as { requestType: string; requestId?: string; requestStatus: { code: number } }[];
    expect(results.map((r) => [r.requestType, r.requestId, r.requestStatus.code])).toEqual([
      ['SetCurrentProgramScene', 'one', 100],
      ['Nope', undefined, 204],
    ]);
    expect(s.programScene()).toBe('B');
  });
});

describe('obs-sim events', () => {
  it('sends events only to sessions subscribed to their intent, with the intent bit', async () => {
    const s = await sim({ scenes: ['A', 'B'] });
    const scenes = client(s.url);
    await scenes.identify(undefined, { eventSubscriptions: EventIntent.Scenes });
    const none = client(s.url);
    await none.identify(undefined, { eventSubscriptions: 0 });
    s.setProgramScene('B');
    expect(await scenes.next()).toEqual({ op: OpCode.Event, d: { eventType: 'CurrentProgramSceneChanged', eventIntent: EventIntent.Scenes, eventData: { sceneName: 'B' } } });
    // Messages are ordered: had `none` been sent the event, it would arrive before this response.
    expect((await none.request('GetVersion')).requestType).toBe('GetVersion');
    // Reidentify changes the subscriptions of a live session.
    none.send(OpCode.Reidentify, { eventSubscriptions: EventIntent.Outputs });
    expect((await none.next()).op).toBe(OpCode.Identified);
    await none.request('StartStream', undefined, 's1');
    const states: string[] = [];
    while (states.length < 2) states.push(((await none.next()).d.eventData as { outputState: string }).outputState);
    expect(states).toEqual(['OBS_WEBSOCKET_OUTPUT_STARTING', 'OBS_WEBSOCKET_OUTPUT_STARTED']);
    expect(s.streaming()).toBe(true);
  });

  it('announces scene creation and removal like OBS', async () => {
    const s = await sim({ scenes: ['A', 'B'] });
    const c = client(s.url);
    await c.identify();
    await c.request('SetCurrentProgramScene', { sceneName: 'A' });
    await c.request('RemoveScene', { sceneName: 'A' });
    const events = [await c.next(), await c.next(), await c.next()].map((m) => m.d.eventType);
    expect(events).toEqual(['SceneRemoved', 'SceneListChanged', 'CurrentProgramSceneChanged']);
    expect(s.programScene()).toBe('B');
  });

  it('says ExitStarted and closes with 1001 on a clean close; can restart on the same port', async () => {
    const s = await sim();
    const c = client(s.url);
    await c.identify();
    await s.close();
    expect((await c.next()).d.eventType).toBe('ExitStarted');
    expect((await c.closed).code).toBe(1001);
    const again = await sim({ port: s.port });
    expect(again.url).toBe(s.url);
    const c2 = client(again.url);
    expect((await c2.identify()).op).toBe(OpCode.Identified);
  });

  it('stops answering while frozen and answers the backlog when thawed', async () => {
    const s = await sim();
    const c = client(s.url);
    await c.identify();
    s.freeze();
    const pending = c.request('GetStats');
    // Proving silence needs a window; 200 ms is ~1000× the sim's normal answer time.
    expect(await Promise.race([pending.then(() => 'answered'), delay(200, 'silent')])).toBe('silent');
    s.thaw();
    expect((await pending).requestStatus).toEqual({ result: true, code: 100 });
    expect(s.requestLog()).toEqual(['GetStats']);
  });
});
