import type { ScaleStatus, WeightUnit } from '../../../electron/core/contract/devices.js';
import type { FrameSplitter } from './framing.js';
import { scaleProtocol, type ScaleProtocol, type ScaleProtocolOptions } from './protocols.js';
import type { ScaleProtocolId } from '../../../electron/core/contract/devices.js';
import { StabilityTracker } from './stability.js';
import { toGrams } from './units.js';

export interface ScaleReading {
  /** Null for overload and invalid readings: a scale that cannot weigh never reports zero. */
  grams: number | null;
  /** The value in the scale's own unit. */
  value: number | null;
  unit: WeightUnit;
  status: ScaleStatus;
  net: boolean;
}

export type ScaleEvent = { type: 'reading'; reading: ScaleReading } | { type: 'ack'; text: string } | { type: 'error'; reason: string };

export interface ScaleCounters {
  frames: number;
  readings: number;
  badFrames: number;
  badChecksums: number;
  garbageBytes: number;
}

export interface ScaleDecoderOptions extends ScaleProtocolOptions {
  stableCount?: number;
  stableToleranceGrams?: number;
}

/**
 * Bytes in, readings out: frame splitting, protocol decoding, derived stability and unit conversion
 * for one scale. Never throws on input; everything it cannot read is counted.
 */
export class ScaleDecoder {
  readonly protocol: ScaleProtocol;
  readonly counters: ScaleCounters = { frames: 0, readings: 0, badFrames: 0, badChecksums: 0, garbageBytes: 0 };
  private readonly splitter: FrameSplitter;
  private readonly stability: StabilityTracker;

  constructor(id: ScaleProtocolId, options: ScaleDecoderOptions) {
    this.protocol = scaleProtocol(id, options);
    this.splitter = this.protocol.splitter();
    this.stability = new StabilityTracker(options.stableCount ?? 4, options.stableToleranceGrams ?? 0);
  }

  push(chunk: Uint8Array): ScaleEvent[] {
    const out: ScaleEvent[] = [];
    for (const event of this.splitter.push(chunk)) {
      if (event.kind === 'garbage') {
        this.counters.garbageBytes += event.bytes;
      } else if (event.kind === 'bad') {
        this.counters.badFrames++;
        out.push({ type: 'error', reason: event.reason });
      } else {
        this.counters.frames++;
        out.push(this.decodeFrame(event.text));
      }
    }
    return out;
  }

  private decodeFrame(text: string): ScaleEvent {
    let result;
    try {
      result = this.protocol.decode(text);
    } catch (error) {
      // A decoder bug must not take the device down; the frame is counted as unreadable.
      result = { kind: 'error', reason: `decoder failed: ${(error as Error).message}` } as const;
    }
    if (result.kind === 'ack') return { type: 'ack', text: result.text };
    if (result.kind === 'error') {
      if (result.checksum) this.counters.badChecksums++;
      else this.counters.badFrames++;
      this.stability.reset();
      return { type: 'error', reason: result.reason };
    }
    const grams = result.value === null ? null : toGrams(result.value, result.unit);
    let status: ScaleStatus = result.status ?? 'unstable';
    if (result.status === null) status = this.stability.push(grams) ? 'stable' : 'unstable';
    if (result.value === null && status !== 'overload') status = 'invalid';
    this.counters.readings++;
    return { type: 'reading', reading: { grams, value: result.value, unit: result.unit, status, net: result.net } };
  }
}
