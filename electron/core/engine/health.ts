import type { DeskState, Health, ObsState } from '../contract/index.js';

export interface HealthDeps {
  version: string;
  dbFile: string;
  /** Throws when the database cannot answer. */
  probeDb: () => void;
  /** Why storage fails now, or null. */
  storageFailing: () => string | null;
  rehearsing: () => boolean;
  /** The current link's own state (the published copy can lag a patch behind). */
  obs: () => ObsState;
  state: () => DeskState;
}

/** `GET /health`: database, OBS and devices as they are now. */
export function readHealth(deps: HealthDeps): Health {
  const state = deps.state();
  const obs = deps.obs();
  let dbOk = true;
  try {
    deps.probeDb();
  } catch {
    dbOk = false;
  }
  const failing = deps.storageFailing();
  return {
    ok: dbOk && failing === null,
    version: deps.version,
    demo: deps.rehearsing(),
    obs: { connected: obs.status === 'connected', status: obs.status, url: obs.url, reason: obs.reason },
    db: { ok: dbOk && failing === null, path: deps.dbFile, reason: failing },
    devices: [
      ...state.surfaces.map((s) => ({ id: s.id, kind: s.kind, connected: s.connected })),
      // A network DMX node is `sending` (UDP cannot acknowledge): as connected as the desk can know.
      ...(state.serial ?? []).map((d) => ({ id: d.id, kind: d.kind, connected: d.live.status === 'open' || d.live.status === 'sending' })),
    ],
  };
}
