import { busActionSchema, coded, DANGEROUS_ACTIONS, DeskError, loggableAction, onWire, parseOrThrow, type BusAction, type BusActionOf, type BusActionType, type Origin } from '../contract/index.js';
import { deepFreeze, isDeepFrozen } from './frozen.js';
import type { SessionLog } from './session-log.js';

/** One handler per action the bus accepts: key-bindable actions and set-up changes alike. */
export type ActionHandlers = { [T in BusActionType]: (action: BusActionOf<T>, at: number) => Promise<unknown> | unknown };

/**
 * The one path every input takes: validate, guard, execute, log. The UI, a deck key and an HTTP call
 * reach OBS and the session log the same way (DESIGN §1).
 */
export class ActionBus {
  /**
   * Deep-frozen inputs that passed the schema, with what they parsed to (frozen too). A key's bound
   * action is the same frozen object press after press (the binder's layouts are frozen), so a press
   * reaches OBS without validating it again; an input that can still change is validated every time.
   */
  private readonly checked = new WeakMap<object, BusAction>();

  constructor(
    private readonly handlers: ActionHandlers,
    private readonly log: SessionLog,
    private readonly now: () => number,
  ) {}

  async dispatch(input: unknown, origin: Origin): Promise<unknown> {
    const action = this.parse(input);
    const at = this.now();
    try {
      if ((DANGEROUS_ACTIONS as ReadonlySet<string>).has(action.type) && action.confirm !== true) {
        const detail = `${action.type} needs confirmation: confirm it in the console dialog, hold the key, or send "confirm": true`;
        throw new DeskError('conflict', coded('action.needsConfirm', { action: action.type }, detail));
      }
      // session.end closes the log, so its action is written while the session is still live.
      if (action.type === 'session.end') this.record(action, origin, at, null);
      const handler = this.handlers[action.type] as (a: BusAction, at: number) => Promise<unknown> | unknown;
      const result = await handler(action, at);
      if (action.type !== 'session.end') this.record(action, origin, at, null);
      return result ?? {};
    } catch (error) {
      this.record(action, origin, at, error);
      throw error;
    }
  }

  private parse(input: unknown): BusAction {
    const reusable = typeof input === 'object' && input !== null && Object.isFrozen(input);
    const known = reusable ? this.checked.get(input) : undefined;
    if (known) return known;
    const action = parseOrThrow(busActionSchema, input);
    if (reusable && isDeepFrozen(input)) this.checked.set(input, deepFreeze(action));
    return action;
  }

  /** Logs the action, or its refusal with the developer sentence and the coded text the console says. */
  private record(action: BusAction, origin: Origin, at: number, refused: unknown): void {
    const data: Record<string, unknown> = { action: loggableAction(action), origin };
    if (refused !== null) {
      data.refused = refused instanceof Error ? refused.message : String(refused);
      if (refused instanceof DeskError) data.text = onWire(refused.text);
    }
    this.log.log({ ts: at, kind: refused !== null ? 'action.refused' : 'action', data });
  }
}
