import type { Origin } from '../contract/index.js';
import type { ActionBus } from './action-bus.js';
import type { Dispatch } from './ports.js';

/**
 * Every input's way onto the bus, with a storage failure turned into the error its sender should
 * see. Parts that dispatch (the binder, serial buttons, the show's light cues) get `dispatch` while
 * the desk is wired; the bus is connected once built, because its handlers need those same parts.
 * A key press goes binder → here → bus → the domain's handler, past no central object.
 */
export class BusEntry {
  private bus: ActionBus | null = null;

  constructor(private readonly storage: { translate(error: unknown): unknown }) {}

  connect(bus: ActionBus): void {
    this.bus = bus;
  }

  readonly dispatch: Dispatch = (action: unknown, origin: Origin) => {
    // No input arrives while the desk is being wired; one that did would be a wiring bug.
    if (!this.bus) return Promise.reject(new Error('the action bus is not connected yet'));
    return this.bus.dispatch(action, origin).catch((error: unknown) => {
      throw this.storage.translate(error);
    });
  };
}
