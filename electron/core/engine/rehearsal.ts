import { randomBytes } from 'node:crypto';
import { DeskError, type CurrentProduct, type DeskState, type IngestEvent, type Product, type SessionSummary } from '../contract/index.js';
import { startObsSim, type ObsSim } from '../../../native/sim/obs-sim.js';
import type { AudienceContext } from '../../../native/sim/audience.js';
import { RehearsalSimulators, type AudienceChange, type ScaleChange } from '../../../native/sim/rehearsal-sims.js';
import { DEMO_SCALE } from '../devices/serial/demo-scale.js';
import type { SerialManager } from '../devices/serial/serial-manager.js';
import type { ObsConnection } from '../obs/obs-connection.js';
import type { ActionHandlers } from './action-bus.js';
import type { AlertSink, StatePublisher } from './ports.js';

export type AudienceSettings = AudienceChange;

export interface RehearsalDeps {
  /** The live session; a real one refuses rehearsal, a rehearsal one ends with it. */
  live: () => SessionSummary | null;
  endSession: (at: number) => unknown;
  now: () => number;
  obs: Pick<ObsConnection, 'make' | 'real' | 'replace'>;
  serial: Pick<SerialManager, 'attachSimulated' | 'detachSimulated'>;
  /** `demo` is published; the flash sale is read for the simulated buyers. */
  hub: StatePublisher;
  explaining: () => CurrentProduct | null;
  products: () => readonly Product[];
  ingest: (body: unknown) => unknown;
  alerts: Pick<AlertSink, 'raise'>;
}

/**
 * Rehearsal mode: a simulated OBS, audience and scale replace the real peers, so a newcomer (or a
 * crew before the show) runs the whole flow with nothing real touched. Sessions recorded meanwhile are
 * marked as rehearsals.
 */
export class Rehearsal {
  private sim: ObsSim | null = null;
  private transition: Promise<unknown> = Promise.resolve();
  /** The simulated audience and scale, under the controller's switches (issue 17). */
  private readonly sims: RehearsalSimulators;

  constructor(private readonly deps: RehearsalDeps) {
    this.sims = new RehearsalSimulators({
      context: () => this.context(),
      feed: (events) => this.feed(events),
      attachScale: (transport) => this.deps.serial.attachSimulated(DEMO_SCALE, transport),
      detachScale: () => this.deps.serial.detachSimulated(DEMO_SCALE.id),
      publish: (rehearsal) => this.deps.hub.patch({ rehearsal }),
    });
  }

  get active(): boolean {
    return this.sim !== null;
  }

  start(): Promise<{ rehearsal: true; obsUrl: string }> {
    return this.serialize(async () => {
      if (this.sim) return { rehearsal: true as const, obsUrl: this.sim.url };
      const live = this.deps.live();
      if (live && !live.rehearsal) {
        throw new DeskError('conflict', `session "${live.title}" is live for real; end it before switching to rehearsal`);
      }
      const sim = await startObsSim({ password: randomBytes(12).toString('base64url') });
      this.sim = sim;
      await this.deps.obs.replace(this.deps.obs.make({ url: sim.url, password: sim.password }));
      await this.sims.start();
      this.deps.hub.patch({ demo: true });
      return { rehearsal: true as const, obsUrl: sim.url };
    });
  }

  stop(): Promise<{ rehearsal: false }> {
    return this.serialize(async () => {
      if (!this.sim) return { rehearsal: false as const };
      if (this.deps.live()?.rehearsal) this.deps.endSession(this.deps.now());
      await this.sims.stop();
      await this.deps.obs.replace(this.deps.obs.real());
      await this.sim.close();
      this.sim = null;
      this.deps.hub.patch({ demo: false });
      return { rehearsal: false as const };
    });
  }

  /** Retunes, pauses or turns off the simulated audience; kept for the next rehearsal when none runs. */
  configure(settings: AudienceSettings) {
    return this.sims.configureAudience(settings);
  }

  /** Pauses, turns off or sets the automatic cycle of the simulated scale. */
  configureScale(settings: ScaleChange) {
    return this.serialize(() => this.sims.configureScale(settings));
  }

  /** Puts a product on the simulated scale (0 takes it off): the only way it weighs unless set to cycle. */
  place(grams: number) {
    if (!this.sim) throw new DeskError('conflict', 'the simulated scale exists only in rehearsal: start one with rehearsal.start');
    if (!this.sims.settings.scale.enabled) throw new DeskError('conflict', 'the simulated scale is off: turn it on with rehearsal.scale');
    return this.sims.place(grams);
  }

  private context(): AudienceContext {
    const current = this.deps.explaining();
    return {
      explaining: current ? { sku: current.sku, priceFen: current.priceFen, since: current.since } : null,
      flashSale: flashSaleOf(this.deps.hub.state),
      products: this.deps.products().map((p) => ({ sku: p.sku, priceFen: p.priceFen })),
    };
  }

  private feed(events: IngestEvent[]): void {
    if (!this.deps.live()?.rehearsal) return;
    try {
      this.deps.ingest({ source: 'rehearsal', events });
    } catch (error) {
      this.deps.alerts.raise('rehearsal-audience', 'warn', `simulated audience: ${(error as Error).message}`, 10_000);
    }
  }

  /** Start and stop never interleave, so a double click cannot leave two simulators running. */
  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.transition.then(work, work);
    this.transition = run.catch(() => undefined);
    return run;
  }
}

/** The running flash sale as the simulated audience sees it: buyers jump at the flash price. */
function flashSaleOf(state: DeskState): AudienceContext['flashSale'] {
  const sale = state.flashSale;
  return sale ? { sku: sale.sku, priceFen: sale.priceFen, endsAt: sale.endsAt } : null;
}

/** The rehearsal's actions: switch to simulated peers and back, tune (pause, turn off) the simulated audience and scale. */
export function rehearsalActionHandlers(
  rehearsal: Pick<Rehearsal, 'start' | 'stop' | 'configure' | 'configureScale' | 'place'>,
): Pick<ActionHandlers, 'rehearsal.start' | 'rehearsal.stop' | 'rehearsal.audience' | 'rehearsal.scale' | 'rehearsal.scale.place'> {
  return {
    'rehearsal.start': () => rehearsal.start(),
    'rehearsal.stop': () => rehearsal.stop(),
    'rehearsal.audience': ({ baseOnline, eventsPerSecond, enabled, paused, mood }) => rehearsal.configure({ baseOnline, eventsPerSecond, enabled, paused, mood }),
    'rehearsal.scale': ({ enabled, paused, autoEverySec }) => rehearsal.configureScale({ enabled, paused, autoEverySec }),
    'rehearsal.scale.place': ({ grams }) => rehearsal.place(grams),
  };
}
