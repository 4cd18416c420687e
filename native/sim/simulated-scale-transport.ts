import { Listeners, type ByteTransport, type TransportState } from '../serial/transport/byte-transport.js';
import { CommandLines, ScaleModel, type ScaleModelOptions } from './scale-model.js';

export interface DemoScript {
  /** Weights put on the scale in turn (grams), each for `heldMs`, with `emptyMs` of empty scale between. */
  weights: readonly number[];
  heldMs: number;
  emptyMs: number;
}

export interface SimulatedScaleOptions extends Partial<Omit<ScaleModelOptions, 'protocol'>> {
  protocol: ScaleModelOptions['protocol'];
  intervalMs?: number;
  script?: DemoScript;
}

/**
 * A scale inside the process, behind the same byte transport as a serial port: rehearsal mode gets a
 * live weight and placement triggers with no hardware and no socat (which a user's machine may not
 * have). It streams frames of its protocol, obeys tare/zero/request commands and, with a script,
 * puts products on and takes them off by itself.
 */
export class SimulatedScaleTransport implements ByteTransport {
  bytesIn = 0;
  readonly model: ScaleModel;
  private current: TransportState;
  private readonly lines = new CommandLines();
  private readonly data = new Listeners<Uint8Array>();
  private readonly states = new Listeners<TransportState>();
  private frames: NodeJS.Timeout | null = null;
  private step: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(private readonly options: SimulatedScaleOptions) {
    this.now = options.now ?? Date.now;
    this.model = new ScaleModel({ unit: 'g', noiseGrams: 3, settleMs: 900, seed: 7, ...options, now: this.now });
    this.current = { status: 'closed', reason: null, since: this.now(), retryAt: null };
  }

  get state(): TransportState {
    return this.current;
  }

  start(): void {
    if (this.frames) return;
    this.setState('open');
    this.frames = setInterval(() => this.emit(this.model.frame()), this.options.intervalMs ?? 100);
    this.frames.unref();
    if (this.options.script) this.runScript(this.options.script, 0);
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.current.status !== 'open') throw new Error(`simulated scale is ${this.current.status}`);
    for (const line of this.lines.push(bytes)) {
      const answer = this.model.command(line);
      if (answer) this.emit(answer === 'frame' ? this.model.frame() : answer);
    }
  }

  setBreak(): Promise<void> {
    return Promise.reject(new Error('a scale has no break line'));
  }

  onData(listener: (bytes: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onState(listener: (state: TransportState) => void): () => void {
    return this.states.add(listener);
  }

  async close(): Promise<void> {
    if (this.frames) clearInterval(this.frames);
    if (this.step) clearTimeout(this.step);
    this.frames = null;
    this.step = null;
    this.setState('closed');
    this.data.clear();
    this.states.clear();
  }

  private runScript(script: DemoScript, index: number): void {
    const after = (ms: number, next: () => void) => {
      this.step = setTimeout(next, ms);
      this.step.unref();
    };
    after(script.emptyMs, () => {
      this.model.setWeight(script.weights[index % script.weights.length] ?? 0);
      after(script.heldMs, () => {
        this.model.setWeight(0);
        this.runScript(script, index + 1);
      });
    });
  }

  private emit(bytes: Uint8Array): void {
    if (this.current.status !== 'open') return;
    this.bytesIn += bytes.length;
    this.data.emit(bytes);
  }

  private setState(status: TransportState['status']): void {
    this.current = { status, reason: null, since: this.now(), retryAt: null };
    this.states.emit(this.current);
  }
}
