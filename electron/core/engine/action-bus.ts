import { busActionSchema, DANGEROUS_ACTIONS, DeskError, loggableAction, parseOrThrow, type BusAction, type BusActionOf, type BusActionType, type Origin } from '../contract/index.js';
import type { SessionLog } from './session-log.js';

/** One handler per action the bus accepts: key-bindable actions and set-up changes alike. */
export type ActionHandlers = { [T in BusActionType]: (action: BusActionOf<T>, at: number) => Promise<unknown> | unknown };

/**
 * The one path every input takes: validate, guard, execute, log. The UI, a deck key and an HTTP call
 * reach OBS and the session log the same way (DESIGN §1).
 */
export class ActionBus {
  constructor(
    private readonly handlers: ActionHandlers,
    private readonly log: SessionLog,
    private readonly now: () => number,
  ) {}

  async dispatch(input: unknown, origin: Origin): Promise<unknown> {
    const action = parseOrThrow(busActionSchema, input);
    const at = this.now();
    try {
      if ((DANGEROUS_ACTIONS as ReadonlySet<string>).has(action.type) && action.confirm !== true) {
        throw new DeskError(
          'conflict',
          `${action.type} needs confirmation: confirm it in the console dialog, hold the key, or send "confirm": true`,
        );
      }
      // session.end closes the log, so its action is written while the session is still live.
      if (action.type === 'session.end') this.record(action, origin, at, null);
      const handler = this.handlers[action.type] as (a: BusAction, at: number) => Promise<unknown> | unknown;
      const result = await handler(action, at);
      if (action.type !== 'session.end') this.record(action, origin, at, null);
      return result ?? {};
    } catch (error) {
      this.record(action, origin, at, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  private record(action: BusAction, origin: Origin, at: number, refused: string | null): void {
    const data: Record<string, unknown> = { action: loggableAction(action), origin };
    if (refused) data.refused = refused;
    this.log.log({ ts: at, kind: refused ? 'action.refused' : 'action', data });
  }
}
