import type { ByteTransport } from '../serial/transport/byte-transport.js';
import { SimulatedScaleTransport } from './simulated-scale-transport.js';

export interface DemoScaleState {
  paused: boolean;
  /** Seconds between automatic placements; 0 places a product only when asked. */
  autoEverySec: number;
  /** What is on the scale now (grams, 0 = empty). */
  grams: number;
}

/** Weights the automatic cycle puts on in turn: a tea tin, a pot, a gift box, a cup. */
const AUTO_WEIGHTS = [251.2, 503.6, 1_002.4, 126.8];

/**
 * The rehearsal's scale under the controller's hand. A placement fires the scale trigger (explain the
 * next product, clear it when taken off), so a scale that weighs by itself runs the show by itself: this
 * one stays empty until asked (`place`), or cycles only when the controller sets `autoEverySec`, and
 * holds still while paused.
 */
export class DemoScaleSim {
  private state: DemoScaleState = { paused: false, autoEverySec: 0, grams: 0 };
  private readonly transports = new Set<SimulatedScaleTransport>();
  private timer: NodeJS.Timeout | null = null;
  private cycle = 0;

  constructor(private readonly onChange: (state: DemoScaleState) => void = () => undefined) {}

  get settings(): DemoScaleState {
    return { ...this.state };
  }

  /** The transport factory for the serial manager. A new link starts empty: a reconnect places nothing. */
  readonly transport = (): ByteTransport => {
    const transport = new SimulatedScaleTransport({ protocol: 'and', intervalMs: 100 });
    this.transports.add(transport);
    transport.onState((s) => {
      if (s.status === 'closed') this.transports.delete(transport);
    });
    this.setGrams(0);
    return transport;
  };

  /** Puts a product of `grams` on the scale (0 takes it off), as the controller's hand would. */
  place(grams: number): DemoScaleState {
    this.setGrams(grams);
    return this.settings;
  }

  configure(settings: { paused?: boolean | undefined; autoEverySec?: number | undefined }): DemoScaleState {
    if (settings.paused !== undefined) this.state.paused = settings.paused;
    if (settings.autoEverySec !== undefined) this.state.autoEverySec = settings.autoEverySec;
    this.schedule();
    this.onChange(this.settings);
    return this.settings;
  }

  /** Stops the automatic cycle and forgets the links (the rehearsal is over). */
  stop(): void {
    this.clearTimer();
    this.transports.clear();
    this.state = { paused: false, autoEverySec: 0, grams: 0 };
  }

  private setGrams(grams: number): void {
    this.state.grams = grams;
    for (const t of this.transports) t.model.setWeight(grams);
    this.onChange(this.settings);
  }

  /** On for two thirds of the period, off for one: the trigger sees a placement and a removal each time. */
  private schedule(): void {
    this.clearTimer();
    const periodMs = this.state.autoEverySec * 1000;
    if (this.state.paused || periodMs === 0) return;
    const onScale = this.state.grams > 0;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        if (onScale) this.setGrams(0);
        else this.setGrams(AUTO_WEIGHTS[this.cycle++ % AUTO_WEIGHTS.length] as number);
        this.schedule();
      },
      onScale ? (periodMs * 2) / 3 : periodMs / 3,
    );
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
