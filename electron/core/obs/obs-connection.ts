import type { ObsState } from '../contract/index.js';
import type { AlertSink, LogEvent } from '../engine/ports.js';
import type { ObsLink, ObsLinkOptions } from './types.js';

export interface ObsConnectionDeps {
  /** How links are made; tests and rehearsal use the same factory. */
  make: (options: ObsLinkOptions) => ObsLink;
  /** The connection to use when no OBS profile is active: `--obs-url` / `--obs-password`. */
  startup: ObsLinkOptions;
  /** The operator's active OBS profile, which wins over the start-up flags. */
  activeProfile: () => ObsLinkOptions | null;
  publish: (obs: ObsState) => void;
  log: LogEvent;
  alerts: AlertSink;
}

/**
 * The desk's one current OBS link: publishes its state, logs status and program-scene changes, and
 * swaps it when rehearsal starts or stops or the operator picks another OBS profile. Readers call
 * `link` at each use, because the link behind it changes.
 */
export class ObsConnection {
  private current: ObsLink;
  private off: () => void = () => {};

  constructor(private readonly deps: ObsConnectionDeps) {
    this.current = this.real();
  }

  get link(): ObsLink {
    return this.current;
  }

  /** A new link to an OBS at `options` (rehearsal's simulator). */
  make(options: ObsLinkOptions): ObsLink {
    return this.deps.make(options);
  }

  /** A new link to the real OBS: the active profile, else the start-up flags. */
  real(): ObsLink {
    return this.deps.make(this.deps.activeProfile() ?? this.deps.startup);
  }

  start(): void {
    this.use(this.current);
  }

  /** Replaces the link (the old one closes; nothing is replayed). */
  async replace(link: ObsLink): Promise<void> {
    const old = this.current;
    this.off();
    this.use(link);
    await old.close();
  }

  async close(): Promise<void> {
    this.off();
    await this.current.close();
  }

  private use(link: ObsLink): void {
    this.current = link;
    let previous: ObsState = link.state;
    this.deps.publish(link.state);
    this.off = link.subscribe((state) => {
      this.onChange(previous, state);
      previous = state;
    });
    link.start();
  }

  private onChange(before: ObsState, after: ObsState): void {
    const { publish, log, alerts } = this.deps;
    publish(after);
    if (before.status !== after.status) {
      log('obs.status', { status: after.status, reason: after.reason, url: after.url });
      if (after.status === 'connected') alerts.resolve('obs-down');
      else if (before.status === 'connected' || after.status === 'auth-failed' || after.status === 'unsupported') {
        alerts.raise('obs-down', 'error', `OBS ${after.status}: ${after.reason ?? 'no reason given'}`);
      }
    }
    if (after.programScene && before.programScene !== after.programScene && after.status === 'connected') {
      log('obs.scene', { scene: after.programScene, from: before.programScene });
    }
  }
}
