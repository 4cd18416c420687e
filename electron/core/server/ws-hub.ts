import { WebSocketServer, type WebSocket } from 'ws';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  coded,
  DeskError,
  OVERLAY_STATE_KEYS,
  parseOrThrow,
  statePatchOf,
  toOverlayState,
  wsClientMessageSchema,
  type DeskState,
  type DeskStateKey,
  type IngestResult,
  type WsServerMessage,
} from '../contract/index.js';
import type { Dispatch, StateChange, StateReader } from '../engine/ports.js';
import type { PreparedBatch, PreparedFrame } from '../metrics/ingest-prepare.js';
import type { Role } from './router.js';

/**
 * One connected socket: its role, whether it takes patches (`patch=1`), and the revision it holds, so
 * a patch goes only to a client it follows from; any other gets the whole state again.
 */
interface Client {
  role: Role;
  patches: boolean;
  rev: number;
  /** Messages waiting for an earlier frame of this socket that is being parsed off the event loop. */
  queued: number;
  /** Where the next waiting message lines up: each is handled after the ones before it on this socket. */
  turn: Promise<void>;
  /** Frames of this socket on the parse thread; past MAX_PARSING the socket stops reading until they are written. */
  parsing: number;
}

const wantsPatches = (url: string | undefined) => new URL(url ?? '/', 'http://desk').searchParams.get('patch') === '1';

/** A client this far behind skips intermediate states; the next push carries everything. */
const MAX_BUFFERED = 4 * 1024 * 1024;
export const WS_MAX_PAYLOAD = 16 * 1024 * 1024;
/**
 * Text frames of this size from a control client go to the ingest parse thread: from a batch of ~400
 * events (below, the round trip costs more than parsing here) to 2 MB, twice a full batch of 10,000
 * ordinary events (beyond, only an odd or hostile sender: the event loop parses it, as it always did,
 * and the thread's heap stays sized for real batches).
 */
export const PARSE_OFF_LOOP_BYTES = { min: 32 * 1024, max: 2 * 1024 * 1024 } as const;
/** A client sending faster than the desk writes waits for the socket (TCP), not in the desk's memory. */
const MAX_PARSING = 8;

/** Large ingest frames' way in: laid flat off the event loop (null: parse it here after all), then written. */
export interface IngestFrames {
  prepare(bytes: Uint8Array): Promise<PreparedFrame | null>;
  write(batch: PreparedBatch): IngestResult;
}

/** What the socket hub uses: the state it pushes, and where client messages go. */
export interface WsHubDeps {
  hub: StateReader;
  dispatch: Dispatch;
  ingest: (body: unknown) => IngestResult;
  ingestFrames?: IngestFrames;
  /** The console's on-screen deck, pressed from the browser. */
  deck: { readonly info: { readonly id: string }; readonly keyCount: number; press(index: number, down: boolean): boolean };
}

/**
 * `/ws`: pushes the state (the overlay subset for read-only tokens) on connect and on every change,
 * serialized once per push for all clients; accepts actions, ingest batches and virtual key presses.
 * A client that connects with `patch=1` gets, after the first full state, only the keys that changed
 * (DESIGN §7: a console at 10k events/s re-parses the KPIs, not the whole desk, 50 times a second).
 */
export class WsHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD });
  private readonly roles = new Map<WebSocket, Client>();
  /** The revision of the last publication that changed an overlay key: overlay patches follow from it. */
  private overlayRev = -1;
  private readonly off: () => void;

  constructor(private readonly desk: WsHubDeps) {
    this.off = desk.hub.subscribe((state, change) => this.broadcast(state, change));
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, role: Role): void {
    const patches = wantsPatches(req.url);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const client: Client = { role, patches, rev: -1, queued: 0, turn: Promise.resolve(), parsing: 0 };
      this.roles.set(ws, client);
      ws.on('close', () => this.roles.delete(ws));
      ws.on('error', () => this.roles.delete(ws));
      ws.on('message', (data, isBinary) => this.receive(ws, client, data as Buffer, isBinary));
      // This runs after the upgrade listener returned (its guard no longer covers it): a failure
      // here ends this one socket, never the process.
      try {
        this.sendWhole(ws, client, this.desk.hub.state);
      } catch (error) {
        console.error(`ws connect failed: ${(error as Error)?.stack ?? String(error)}`);
        ws.terminate();
      }
    });
  }

  get clients(): number {
    return this.roles.size;
  }

  close(): void {
    this.off();
    for (const ws of this.roles.keys()) ws.terminate();
    this.wss.close();
  }

  /** The whole state (or overlay subset) to one client: on connect, after a gap, and on `resync`. */
  private sendWhole(ws: WebSocket, client: Client, state: DeskState): void {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(client.role === 'control' ? stateText(state) : overlayText(state));
    client.rev = state.rev;
  }

  private broadcast(state: DeskState, change: StateChange): void {
    const overlayFrom = this.overlayRev;
    const overlayKeys = OVERLAY_STATE_KEYS.filter((k) => change.keys.has(k));
    if (overlayKeys.length) this.overlayRev = state.rev;
    if (!this.roles.size || !change.keys.size) return;
    // Each text is serialized at most once per push, for every client that takes it.
    const texts = new Map<string, string>();
    const once = (kind: string, build: () => string) => texts.get(kind) ?? (texts.set(kind, build()), texts.get(kind) as string);
    for (const [ws, client] of this.roles) {
      if (ws.readyState !== ws.OPEN || ws.bufferedAmount > MAX_BUFFERED) continue; // catches up with a whole state
      if (client.role === 'control') {
        if (!client.patches) ws.send(once('state', () => stateText(state)));
        else if (client.rev === change.from) ws.send(once('patch', () => patchText('patch', state, change.from, change.keys)));
        else ws.send(once('state', () => stateText(state)));
      } else {
        if (!overlayKeys.length) continue;
        if (!client.patches || client.rev !== overlayFrom) ws.send(once('overlay', () => overlayText(state)));
        else ws.send(once('overlay.patch', () => patchText('overlay.patch', state, overlayFrom, overlayKeys)));
      }
      client.rev = state.rev;
    }
  }

  /**
   * A large ingest frame is parsed on the parse thread while earlier batches are written here; every
   * message keeps its place on its socket: one that comes after such a frame waits for it.
   */
  private receive(ws: WebSocket, client: Client, data: Buffer, isBinary: boolean): void {
    const frames = this.desk.ingestFrames;
    if (frames && !isBinary && client.role === 'control' && data.length >= PARSE_OFF_LOOP_BYTES.min && data.length <= PARSE_OFF_LOOP_BYTES.max) {
      const prepared = frames.prepare(data);
      if (++client.parsing === MAX_PARSING) ws.pause();
      this.inTurn(client, async () => {
        const frame = await prepared;
        if (client.parsing-- === MAX_PARSING) ws.resume();
        if (frame) this.writeFrame(ws, frames, frame);
        else void this.onMessage(ws, client.role, data.toString());
      });
      return;
    }
    const text = isBinary ? null : data.toString();
    if (client.queued === 0) void this.onMessage(ws, client.role, text);
    else this.inTurn(client, () => void this.onMessage(ws, client.role, text));
  }

  /**
   * Runs `handle` once every earlier message of the socket has had its turn. A frame's turn lasts until
   * it is parsed and written; an action's ends once its dispatch has begun (one that waits for OBS holds
   * up no one, as before).
   */
  private inTurn(client: Client, handle: () => void | Promise<void>): void {
    client.queued++;
    client.turn = client.turn
      .then(handle)
      .catch((error: unknown) => void failure(error))
      .finally(() => client.queued--);
  }

  private writeFrame(ws: WebSocket, frames: IngestFrames, { id, batch }: PreparedFrame): void {
    try {
      send(ws, { type: 'result', id, ok: true, result: frames.write(batch) });
    } catch (error) {
      send(ws, { type: 'result', id, ok: false, error: failure(error).toJSON().error });
    }
  }

  private async onMessage(ws: WebSocket, role: Role, text: string | null): Promise<void> {
    let id: string | null = null;
    try {
      if (text === null) throw new DeskError('bad_request', coded('ws.binary', {}, 'binary frames are not supported; send JSON text'));
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (error) {
        throw new DeskError('bad_request', coded('request.badJson', {}, `message is not valid JSON: ${(error as Error).message}`));
      }
      if (raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string') id = (raw as { id: string }).id;
      // An overlay may only ask for the whole state again (after a gap in its patches).
      if (role !== 'control' && (raw as { type?: unknown } | null)?.type !== 'resync') throw new DeskError('forbidden', coded('token.readOnly', {}, 'this token is read-only (overlay): it cannot send messages'));
      const message = parseOrThrow(wsClientMessageSchema, raw);
      let result: unknown;
      switch (message.type) {
        case 'action':
          result = await this.desk.dispatch(message.action, { surface: message.via ?? 'ws' });
          break;
        case 'ingest':
          result = this.desk.ingest(message.batch);
          break;
        case 'resync': {
          const client = this.roles.get(ws);
          if (client) this.sendWhole(ws, client, this.desk.hub.state);
          result = {};
          break;
        }
        case 'surface.key': {
          if (message.surface !== this.desk.deck.info.id) throw new DeskError('not_found', coded('surface.notFound', { surface: message.surface }, `no virtual surface "${message.surface}"`));
          if (!this.desk.deck.press(message.key, message.down)) {
            const detail = `key: ${message.key} is outside this surface's ${this.desk.deck.keyCount} keys`;
            throw new DeskError('bad_request', coded('surface.keyOutOfRange', { key: message.key, keys: this.desk.deck.keyCount }, detail), { field: 'key' });
          }
          result = {};
          break;
        }
      }
      send(ws, { type: 'result', id, ok: true, result });
    } catch (error) {
      send(ws, { type: 'result', id, ok: false, error: failure(error).toJSON().error });
    }
  }
}

/** What a failed message answers: its DeskError, or an internal error (the details go to the log only). */
function failure(error: unknown): DeskError {
  if (error instanceof DeskError) return error;
  console.error(`ws message failed: ${(error as Error)?.stack ?? String(error)}`);
  return new DeskError('internal', coded('error.internal', {}, 'internal error; the desk logged the details'));
}

const stateText = (state: DeskState) => JSON.stringify({ type: 'state', state } satisfies WsServerMessage);
const overlayText = (state: DeskState) => JSON.stringify({ type: 'overlay', state: toOverlayState(state) } satisfies WsServerMessage);
const patchText = (type: 'patch' | 'overlay.patch', state: DeskState, from: number, keys: Iterable<DeskStateKey>) =>
  JSON.stringify({ type, ...statePatchOf(state, from, keys) });

function send(ws: WebSocket, message: WsServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}
