import type { Origin } from '../contract/index.js';
import type { ActionBus } from './action-bus.js';
import type { Dispatch } from './ports.js';

/**
 * Every input's way onto the bus, with a storage failure turned into the error its sender should
 * see. `bus` is read per input: the bus is built after the parts that dispatch (its handlers need
 * them), and no input arrives while the desk is being wired.
 */
export function busDispatch(bus: () => ActionBus, storage: { translate(error: unknown): unknown }): Dispatch {
  return (action: unknown, origin: Origin) =>
    bus()
      .dispatch(action, origin)
      .catch((error: unknown) => {
        throw storage.translate(error);
      });
}
