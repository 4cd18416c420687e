/**
 * Streaming frame splitters: serial reads arrive in arbitrary pieces, so a frame may be split over
 * reads, several frames may share one read, and noise may sit between them. Each splitter keeps what
 * it has not consumed yet and reports stray bytes instead of guessing (DESIGN §5).
 */
export type SplitEvent = { kind: 'frame'; text: string } | { kind: 'garbage'; bytes: number } | { kind: 'bad'; reason: string };

export interface FrameSplitter {
  push(chunk: Uint8Array): SplitEvent[];
}

const CR = 0x0d;
const LF = 0x0a;
const STX = 0x02;
const ETX = 0x03;

/** Lines ended by CR, LF or CR LF; empty lines are skipped. Decoded as latin1 (one char per byte). */
export class LineSplitter implements FrameSplitter {
  private line: number[] = [];
  /** After an overlong line, everything up to the next terminator is noise, not a frame. */
  private discarding = false;

  constructor(private readonly maxLength = 128) {}

  push(chunk: Uint8Array): SplitEvent[] {
    const out: SplitEvent[] = [];
    for (const byte of chunk) {
      if (byte === CR || byte === LF) {
        if (this.discarding) this.discarding = false;
        else if (this.line.length) out.push({ kind: 'frame', text: String.fromCharCode(...this.line) });
        this.line = [];
        continue;
      }
      if (this.discarding) {
        out.push({ kind: 'garbage', bytes: 1 });
        continue;
      }
      this.line.push(byte);
      if (this.line.length > this.maxLength) {
        out.push({ kind: 'garbage', bytes: this.line.length });
        this.line = [];
        this.discarding = true;
      }
    }
    return merge(out);
  }
}

/** STX … ETX frames of a fixed total length (XK3190 continuous: 12 bytes). Emits the bytes between. */
export class StxEtxSplitter implements FrameSplitter {
  private frame: number[] | null = null;

  constructor(private readonly totalLength: number) {}

  push(chunk: Uint8Array): SplitEvent[] {
    const out: SplitEvent[] = [];
    const inner = this.totalLength - 2;
    for (const byte of chunk) {
      if (this.frame === null) {
        if (byte === STX) this.frame = [];
        else out.push({ kind: 'garbage', bytes: 1 });
        continue;
      }
      if (byte === STX) {
        out.push({ kind: 'bad', reason: `frame cut short after ${this.frame.length + 1} bytes` });
        this.frame = [];
      } else if (byte === ETX) {
        if (this.frame.length === inner) out.push({ kind: 'frame', text: String.fromCharCode(...this.frame) });
        else out.push({ kind: 'bad', reason: `frame of ${this.frame.length + 2} bytes, expected ${this.totalLength}` });
        this.frame = null;
      } else {
        this.frame.push(byte);
        if (this.frame.length > inner) {
          out.push({ kind: 'bad', reason: `no ETX within ${this.totalLength} bytes` });
          this.frame = null;
        }
      }
    }
    return merge(out);
  }
}

/**
 * Frames that start with a marker and have no terminator (the XK3190 "=" display format): a frame is
 * the text between two markers, so it is emitted when the next one arrives.
 */
export class MarkerSplitter implements FrameSplitter {
  private frame: number[] | null = null;

  constructor(
    private readonly marker: number,
    private readonly maxLength = 16,
  ) {}

  push(chunk: Uint8Array): SplitEvent[] {
    const out: SplitEvent[] = [];
    for (const byte of chunk) {
      if (byte === this.marker) {
        if (this.frame?.length) out.push({ kind: 'frame', text: String.fromCharCode(...this.frame) });
        this.frame = [];
      } else if (this.frame === null) {
        out.push({ kind: 'garbage', bytes: 1 });
      } else {
        this.frame.push(byte);
        if (this.frame.length > this.maxLength) {
          out.push({ kind: 'bad', reason: `no "${String.fromCharCode(this.marker)}" within ${this.maxLength} bytes` });
          this.frame = null;
        }
      }
    }
    return merge(out);
  }
}

/** Folds runs of single garbage bytes into one event so counters stay cheap on a noisy line. */
function merge(events: SplitEvent[]): SplitEvent[] {
  const out: SplitEvent[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e.kind === 'garbage' && last?.kind === 'garbage') last.bytes += e.bytes;
    else out.push(e.kind === 'garbage' ? { ...e } : e);
  }
  return out;
}
