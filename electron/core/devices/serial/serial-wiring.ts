import { SerialDevicesRepo } from '../../store/serial-devices-repo.js';
import { SettingsRepo } from '../../store/settings-repo.js';
import type { DevicePorts } from '../device-ports.js';
import type { DeckBinder } from '../deck-binder.js';
import { SerialManager, type SerialManagerDeps } from './serial-manager.js';
import { CueFollower } from './cue-follower.js';

export type { SerialManager } from './serial-manager.js';

const CUES_KEY = 'dmx-cues';

export interface SerialWiringDeps extends DevicePorts {
  /** Button boxes are control surfaces: their buttons are bound like deck keys. */
  binder: Pick<DeckBinder, 'attach' | 'detach'>;
  transportFor?: SerialManagerDeps['transportFor'];
}

/** Connects the serial manager to storage, published state, session log, alerts and the bus. */
export function createSerialManager(deps: SerialWiringDeps): SerialManager {
  const { hub, binder, alerts, dispatch } = deps;
  const repo = new SerialDevicesRepo(deps.db);
  const settings = new SettingsRepo(deps.db);
  const manager = new SerialManager({
    now: deps.now,
    load: () => repo.list(),
    save: (devices) => repo.replace(devices),
    loadCues: () => settings.get(CUES_KEY),
    saveCues: (json) => settings.set(CUES_KEY, json),
    publish: (change) => hub.patch(change),
    log: deps.log,
    alert: (id, level, text) => (text === null ? alerts.resolve(id) : alerts.raise(id, level, text, level === 'info' ? 10_000 : undefined)),
    dispatch: (action, origin) => dispatch(action, origin),
    attachSurface: (surface) => binder.attach(surface, hub.state),
    detachSurface: async (id) => binder.detach(id, hub.state),
    transportFor: deps.transportFor,
  });
  const follower = new CueFollower(
    () => manager.cues(),
    (action, origin) => dispatch(action, origin),
    (message) => alerts.raise('light-cue', 'warn', message, 15_000),
  );
  hub.subscribe((state) => follower.onState(state));
  return manager;
}
