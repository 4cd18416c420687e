import type { Db } from '../../store/database.js';
import { SerialDevicesRepo } from '../../store/serial-devices-repo.js';
import { SettingsRepo } from '../../store/settings-repo.js';
import type { Desk } from '../../engine/desk.js';
import type { DeckBinder } from '../deck-binder.js';
import { SerialManager, type SerialManagerDeps } from './serial-manager.js';
import { CueFollower } from './cue-follower.js';

export type { SerialManager } from './serial-manager.js';

const CUES_KEY = 'dmx-cues';

/** Connects the serial manager to the desk: storage, published state, session log, alerts, bus. */
export function createSerialManager(options: { desk: Desk; db: Db; binder: DeckBinder; transportFor?: SerialManagerDeps['transportFor'] }): SerialManager {
  const { desk, binder } = options;
  const repo = new SerialDevicesRepo(options.db);
  const settings = new SettingsRepo(options.db);
  const manager = new SerialManager({
    now: desk.now,
    load: () => repo.list(),
    save: (devices) => repo.replace(devices),
    loadCues: () => settings.get(CUES_KEY),
    saveCues: (json) => settings.set(CUES_KEY, json),
    publish: (change) => desk.hub.patch(change),
    log: (kind, data) => void desk.log.log({ ts: desk.now(), kind, data }),
    alert: (id, level, text) => (text === null ? desk.alerts.resolve(id) : desk.alerts.raise(id, level, text, level === 'info' ? 10_000 : undefined)),
    dispatch: (action, origin) => desk.dispatch(action, origin),
    attachSurface: (surface) => binder.attach(surface, desk.hub.state),
    detachSurface: async (id) => binder.detach(id, desk.hub.state),
    transportFor: options.transportFor,
  });
  const follower = new CueFollower(
    () => manager.cues(),
    (action, origin) => desk.dispatch(action, origin),
    (message) => desk.alerts.raise('light-cue', 'warn', message, 15_000),
  );
  desk.hub.subscribe((state) => follower.onState(state));
  return manager;
}
