import type { Db } from '../store/database.js';
import type { AlertSink, Dispatch, LogEvent, StatePublisher } from '../engine/ports.js';

/**
 * What every hardware room (control surfaces, serial devices) takes from the desk: its settings in the
 * database, the clock, its slice of the state, the session log, alerts, and the bus its inputs fire on.
 */
export interface DevicePorts {
  db: Db;
  now: () => number;
  hub: StatePublisher;
  log: LogEvent;
  alerts: AlertSink;
  dispatch: Dispatch;
}
