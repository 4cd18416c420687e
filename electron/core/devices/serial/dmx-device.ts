import { isNetworkDmx, type DmxDeviceConfig, type NetworkDmxDeviceConfig } from '../../contract/index.js';
import type { ByteTransport } from '../../../../native/serial/transport/byte-transport.js';
import { sendOpenDmxFrame } from '../../../../native/serial/dmx/dmx-codec.js';
import { DmxFader } from '../../../../native/serial/dmx/dmx-fader.js';
import { deviceView, NO_COUNTERS, type DeviceRuntime } from './device-runtime.js';
import { packetEncoder, type DmxPacketEncoder } from './network-dmx.js';
import { linkReasonText } from './link-reason.js';

/**
 * Enttec Pro keeps the last frame; it is resent now and then so a replugged interface catches up.
 * sACN receivers drop a source after 2.5 s of silence and Art-Net nodes after a few seconds, so the
 * same keep-alive holds network universes.
 */
const KEEPALIVE_MS = 1_000;
const FRAME_TIME_REFRESH_MS = 5_000;

/**
 * A DMX output. Enttec DMX USB Pro, sACN and Art-Net get a packet when the universe changes (and a
 * keep-alive); Open DMX has no memory, so it gets break + frame at the configured rate all the time.
 */
export class DmxDevice implements DeviceRuntime {
  private readonly fader = new DmxFader();
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  private lastSent: Uint8Array | null = null;
  private lastSentAt = 0;
  private shownFrameAt = 0;
  private offState: (() => void) | null = null;
  /** Why the last frame did not go out (an Open DMX adapter that refuses break, a write error). */
  private sendError: string | null = null;
  private readonly encoder: DmxPacketEncoder;

  constructor(
    readonly config: DmxDeviceConfig | NetworkDmxDeviceConfig,
    readonly transport: ByteTransport,
    private readonly now: () => number,
    private readonly onChange: () => void = noop,
  ) {
    this.encoder = packetEncoder(config);
  }

  private setSendError(reason: string | null): void {
    if (reason === this.sendError) return;
    this.sendError = reason;
    this.onChange();
  }

  start(): void {
    // After a reopen the interface may have lost the universe: send it again.
    this.offState = this.transport.onState((s) => {
      if (s.status === 'open') this.lastSent = null;
    });
    this.transport.start();
    this.timer = setInterval(() => void this.tick(), Math.round(1000 / this.config.fps));
    this.timer.unref();
  }

  cue(channels: ReadonlyMap<number, number>, fadeMs: number): void {
    this.fader.fadeTo(channels, fadeMs, this.now());
    void this.tick();
  }

  /** The universe now (for tests and the console). */
  frame(): Uint8Array {
    return this.fader.frame(this.now());
  }

  view() {
    const view = deviceView(this.config, this.transport.state, this.transport.bytesIn, NO_COUNTERS);
    // The port may be open while frames fail (break refused): the light is not following, say so.
    if (this.sendError && view.live.status === 'open') {
      const reason = `cannot send DMX: ${this.sendError}`;
      view.live = { ...view.live, status: 'error', reason, reasonText: linkReasonText('error', reason) };
    }
    // UDP has no answer: a network node is "sending" (with the last frame's time), never confirmed "open".
    else if (isNetworkDmx(this.config) && view.live.status === 'open') view.live = { ...view.live, status: 'sending', lastFrameAt: this.lastSentAt || null };
    return view;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.offState?.();
    // An sACN receiver lets go of this source at once instead of holding the last look for 2.5 s;
    // E1.31 §6.2.6 sends the terminated packet three times, as UDP may drop one.
    const final = this.encoder.final;
    if (final && this.transport.state.status === 'open') {
      for (let i = 0; i < 3; i++) await this.transport.write(final(this.frame())).catch(() => undefined);
    }
    await this.transport.close();
  }

  private async tick(): Promise<void> {
    if (this.busy || this.transport.state.status !== 'open') return;
    const now = this.now();
    const frame = this.fader.frame(now);
    this.busy = true;
    try {
      if (this.config.kind === 'dmx-open') {
        await sendOpenDmxFrame(this.transport, frame);
      } else if (!this.lastSent || !sameBytes(frame, this.lastSent) || now - this.lastSentAt >= KEEPALIVE_MS) {
        await this.transport.write(this.encoder.encode(frame));
        this.lastSent = frame;
        this.lastSentAt = now;
        // The desk shows a network node's last frame time: refreshed at the first frame, then every few seconds.
        if (isNetworkDmx(this.config) && now - this.shownFrameAt >= FRAME_TIME_REFRESH_MS) {
          this.shownFrameAt = now;
          this.onChange();
        }
      }
      if (this.sendError) this.setSendError(null);
    } catch (error) {
      // Transport failures reopen by themselves; the next tick resends the whole universe.
      this.lastSent = null;
      this.setSendError((error as Error).message);
    } finally {
      this.busy = false;
    }
  }
}

function noop(): void {}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
