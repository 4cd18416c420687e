import { WebSocketServer, type WebSocket } from 'ws';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  DeskError,
  parseOrThrow,
  toOverlayState,
  wsClientMessageSchema,
  type DeskState,
  type IngestResult,
  type WsServerMessage,
} from '../contract/index.js';
import type { Dispatch, StateReader } from '../engine/ports.js';
import type { Role } from './router.js';

/** A client this far behind skips intermediate states; the next push carries everything. */
const MAX_BUFFERED = 4 * 1024 * 1024;
export const WS_MAX_PAYLOAD = 16 * 1024 * 1024;

/** What the socket hub uses: the state it pushes, and where client messages go. */
export interface WsHubDeps {
  hub: StateReader;
  dispatch: Dispatch;
  ingest: (body: unknown) => IngestResult;
  /** The console's on-screen deck, pressed from the browser. */
  deck: { readonly info: { readonly id: string }; readonly keyCount: number; press(index: number, down: boolean): boolean };
}

/**
 * `/ws`: pushes the state (the overlay subset for read-only tokens) on connect and on every change,
 * serialized once per push for all clients; accepts actions, ingest batches and virtual key presses.
 */
export class WsHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD });
  private readonly roles = new Map<WebSocket, Role>();
  private lastOverlay: { product: unknown; kpi: unknown; scale: unknown } | null = null;
  private overlayText = '';
  private readonly off: () => void;

  constructor(private readonly desk: WsHubDeps) {
    this.off = desk.hub.subscribe((state) => this.broadcast(state));
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, role: Role): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.roles.set(ws, role);
      ws.on('close', () => this.roles.delete(ws));
      ws.on('error', () => this.roles.delete(ws));
      ws.on('message', (data, isBinary) => void this.onMessage(ws, role, isBinary ? null : data.toString()));
      // This runs after the upgrade listener returned (its guard no longer covers it): a failure
      // here ends this one socket, never the process.
      try {
        const state = this.desk.hub.state;
        ws.send(role === 'control' ? stateText(state) : JSON.stringify({ type: 'overlay', state: toOverlayState(state) } satisfies WsServerMessage));
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

  private broadcast(state: DeskState): void {
    if (!this.roles.size) return;
    let controlText: string | null = null;
    const last = this.lastOverlay;
    const overlayChanged = !last || last.product !== state.product || last.kpi !== state.kpi || last.scale !== state.scale;
    if (overlayChanged) {
      this.lastOverlay = { product: state.product, kpi: state.kpi, scale: state.scale };
      this.overlayText = JSON.stringify({ type: 'overlay', state: toOverlayState(state) } satisfies WsServerMessage);
    }
    for (const [ws, role] of this.roles) {
      if (ws.readyState !== ws.OPEN || ws.bufferedAmount > MAX_BUFFERED) continue;
      if (role === 'control') ws.send((controlText ??= stateText(state)));
      else if (overlayChanged) ws.send(this.overlayText);
    }
  }

  private async onMessage(ws: WebSocket, role: Role, text: string | null): Promise<void> {
    let id: string | null = null;
    try {
      if (text === null) throw new DeskError('bad_request', 'binary frames are not supported; send JSON text');
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (error) {
        throw new DeskError('bad_request', `message is not valid JSON: ${(error as Error).message}`);
      }
      if (raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string') id = (raw as { id: string }).id;
      if (role !== 'control') throw new DeskError('forbidden', 'this token is read-only (overlay): it cannot send messages');
      const message = parseOrThrow(wsClientMessageSchema, raw);
      let result: unknown;
      switch (message.type) {
        case 'action':
          result = await this.desk.dispatch(message.action, { surface: message.via ?? 'ws' });
          break;
        case 'ingest':
          result = this.desk.ingest(message.batch);
          break;
        case 'surface.key': {
          if (message.surface !== this.desk.deck.info.id) throw new DeskError('not_found', `no virtual surface "${message.surface}"`);
          if (!this.desk.deck.press(message.key, message.down)) {
            throw new DeskError('bad_request', `key: ${message.key} is outside this surface's ${this.desk.deck.keyCount} keys`, { field: 'key' });
          }
          result = {};
          break;
        }
      }
      send(ws, { type: 'result', id, ok: true, result });
    } catch (error) {
      const deskError = error instanceof DeskError ? error : new DeskError('internal', 'internal error; the desk logged the details');
      if (!(error instanceof DeskError)) console.error(`ws message failed: ${(error as Error)?.stack ?? String(error)}`);
      send(ws, { type: 'result', id, ok: false, error: deskError.toJSON().error });
    }
  }
}

const stateText = (state: DeskState) => JSON.stringify({ type: 'state', state } satisfies WsServerMessage);

function send(ws: WebSocket, message: WsServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}
