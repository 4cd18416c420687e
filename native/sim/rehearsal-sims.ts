import type { AudienceSimSettings, IngestEvent, RehearsalSims, ScaleSimSettings } from '../../electron/core/contract/index.js';
import type { ByteTransport } from '../serial/transport/byte-transport.js';
import { AudienceSim, runAudience, type AudienceContext } from './audience.js';
import { DemoScaleSim } from './demo-scale-sim.js';

/** What the rehearsal's simulators need from the desk, and nothing more. */
export interface RehearsalSimPorts {
  /** What is on screen now, for the audience to react to. */
  context: () => AudienceContext;
  /** Hands the audience's events to ingest. */
  feed: (events: IngestEvent[]) => void;
  /** Plugs the simulated scale in (as a serial device) and unplugs it. */
  attachScale: (transport: () => ByteTransport) => Promise<void>;
  detachScale: () => Promise<void>;
  /** Publishes the switches, or null when rehearsal is over. */
  publish: (sims: RehearsalSims | null) => void;
}

export type AudienceChange = Partial<Pick<AudienceSimSettings, 'enabled' | 'paused' | 'baseOnline' | 'mood'>> & {
  /** 0 follows the room. */
  eventsPerSecond?: number | undefined;
};
export type ScaleChange = Partial<Pick<ScaleSimSettings, 'enabled' | 'paused' | 'autoEverySec'>>;

/**
 * The simulated audience and scale of a rehearsal, each paused, retuned or turned off by the controller
 * (issue 17). Settings outlive a rehearsal: what the controller chose applies at the next start.
 */
export class RehearsalSimulators {
  private audienceSettings: AudienceSimSettings = { enabled: true, paused: false, baseOnline: 1200, eventsPerSecond: null, mood: 'room' };
  private scaleEnabled = true;
  private audience: AudienceSim | null = null;
  private stopAudience: (() => void) | null = null;
  private readonly scale: DemoScaleSim;
  private running = false;

  constructor(private readonly ports: RehearsalSimPorts) {
    this.scale = new DemoScaleSim(() => this.publish());
  }

  get settings(): RehearsalSims {
    const { paused, autoEverySec, grams } = this.scale.settings;
    return { audience: { ...this.audienceSettings }, scale: { enabled: this.scaleEnabled, paused, autoEverySec, grams } };
  }

  async start(): Promise<void> {
    this.running = true;
    this.startAudience();
    if (this.scaleEnabled) await this.ports.attachScale(this.scale.transport);
    this.publish();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopAudienceLoop();
    this.scale.stop();
    await this.ports.detachScale();
    this.ports.publish(null);
  }

  configureAudience(change: AudienceChange): AudienceSimSettings {
    const s = this.audienceSettings;
    if (change.baseOnline !== undefined) s.baseOnline = change.baseOnline;
    if (change.eventsPerSecond !== undefined) s.eventsPerSecond = change.eventsPerSecond || null;
    if (change.paused !== undefined) s.paused = change.paused;
    if (change.mood !== undefined) s.mood = change.mood;
    this.audience?.configure({ baseOnline: change.baseOnline, eventsPerSecond: change.eventsPerSecond, mood: change.mood });
    if (change.enabled !== undefined && change.enabled !== s.enabled) {
      s.enabled = change.enabled;
      if (s.enabled) this.startAudience();
      else this.stopAudienceLoop();
    }
    this.publish();
    return { ...s };
  }

  async configureScale(change: ScaleChange): Promise<ScaleSimSettings> {
    this.scale.configure({ paused: change.paused, autoEverySec: change.autoEverySec });
    if (change.enabled !== undefined && change.enabled !== this.scaleEnabled) {
      this.scaleEnabled = change.enabled;
      if (this.running) {
        if (change.enabled) await this.ports.attachScale(this.scale.transport);
        else {
          this.scale.place(0);
          await this.ports.detachScale();
        }
      }
    }
    this.publish();
    return this.settings.scale;
  }

  /** The controller's hand on the scale: `grams` on it, 0 takes it off. */
  place(grams: number): ScaleSimSettings {
    this.scale.place(grams);
    return this.settings.scale;
  }

  private startAudience(): void {
    const s = this.audienceSettings;
    if (!this.running || !s.enabled || this.stopAudience) return;
    const audience = new AudienceSim({ baseOnline: s.baseOnline, ...(s.eventsPerSecond !== null && { eventsPerSecond: s.eventsPerSecond }) });
    audience.configure({ mood: s.mood });
    this.audience = audience;
    this.stopAudience = runAudience(audience, this.ports.context, this.ports.feed, 250, () => this.audienceSettings.paused);
  }

  private stopAudienceLoop(): void {
    this.stopAudience?.();
    this.stopAudience = null;
    this.audience = null;
  }

  private publish(): void {
    if (this.running) this.ports.publish(this.settings);
  }
}
