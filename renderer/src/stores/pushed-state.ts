import { applyStatePatch, type DeskState, type OverlayState, type WsServerMessage } from '../contract.js';

type Whole = Extract<WsServerMessage, { type: 'state' | 'overlay' }>;

/**
 * The state a socket holds between pushes. The core sends the whole state on connect and then only
 * the keys that changed (`patch` / `overlay.patch`); this turns each into the whole message again, so
 * stores and views keep reading whole states, and keys a patch did not name keep their identity (a
 * view selecting them does not redraw). A patch that does not follow the held revision is a gap:
 * `receive` answers 'resync' and the socket asks the core for the whole state.
 */
export class PushedState {
  private held: Whole | null = null;

  receive(msg: Exclude<WsServerMessage, { type: 'result' }>): Whole | 'resync' {
    if (msg.type === 'state' || msg.type === 'overlay') return (this.held = msg);
    const held = this.held;
    if (msg.type === 'patch' && held?.type === 'state') {
      const state = applyStatePatch<DeskState>(held.state, msg);
      if (state) return (this.held = { type: 'state', state });
    } else if (msg.type === 'overlay.patch' && held?.type === 'overlay') {
      const state = applyStatePatch<OverlayState>(held.state, msg);
      if (state) return (this.held = { type: 'overlay', state });
    }
    this.held = null;
    return 'resync';
  }

  /** A new connection starts from the whole state the core sends on connect. */
  reset(): void {
    this.held = null;
  }
}
