import { DMX_CHANNELS } from './dmx-codec.js';

/**
 * A DMX universe with timed fades. `frame(now)` gives the channel values at a moment; cues move only
 * the channels they name and start from where the lights are, even mid-fade.
 */
export class DmxFader {
  private from: Uint8Array = new Uint8Array(DMX_CHANNELS);
  private to: Uint8Array = new Uint8Array(DMX_CHANNELS);
  private start = 0;
  private duration = 0;

  /** `channels` maps 1-based channel numbers to values. */
  fadeTo(channels: ReadonlyMap<number, number>, fadeMs: number, now: number): void {
    const current = this.frame(now);
    this.from = current;
    this.to = new Uint8Array(current);
    for (const [channel, value] of channels) {
      if (channel >= 1 && channel <= DMX_CHANNELS) this.to[channel - 1] = Math.max(0, Math.min(255, Math.round(value)));
    }
    this.start = now;
    this.duration = Math.max(0, fadeMs);
  }

  /** All channels to 0, at once or faded. */
  blackout(fadeMs: number, now: number): void {
    const all = new Map<number, number>();
    for (let c = 1; c <= DMX_CHANNELS; c++) all.set(c, 0);
    this.fadeTo(all, fadeMs, now);
  }

  fading(now: number): boolean {
    return now < this.start + this.duration;
  }

  frame(now: number): Uint8Array {
    if (!this.fading(now)) return new Uint8Array(this.to);
    const t = (now - this.start) / this.duration;
    const out = new Uint8Array(DMX_CHANNELS);
    for (let i = 0; i < DMX_CHANNELS; i++) out[i] = Math.round((this.from[i] as number) + ((this.to[i] as number) - (this.from[i] as number)) * t);
    return out;
  }
}
