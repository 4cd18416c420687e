import { parentPort, workerData } from 'node:worker_threads';
import { createPseudonymizer } from './personal-data.js';
import { prepareFrame } from './ingest-prepare.js';
import { WireEncoder, type WireFrame } from './ingest-wire.js';

/**
 * The ingest parse thread (see ingest-parser.ts): WebSocket frames in, in order, each answered with its
 * batch laid flat, or null for the event loop to parse it the usual way.
 */
export interface FrameJob {
  seq: number;
  bytes: Uint8Array;
  /** The desk's clock when the frame arrived: the ingest time window is checked against it. */
  now: number;
}

export interface FrameReply {
  seq: number;
  frame: WireFrame | null;
}

const port = parentPort;
if (port) {
  const pseudonymize = createPseudonymizer((workerData as { salt: string }).salt);
  const wire = new WireEncoder();
  port.on('message', ({ seq, bytes, now }: FrameJob) => {
    // Decoded as the event loop decodes a frame (a byte-order mark stays, and JSON.parse refuses it there too).
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString();
    const prepared = prepareFrame(text, now, pseudonymize);
    if (!prepared) return port.postMessage({ seq, frame: null } satisfies FrameReply);
    const frame = wire.encode(prepared);
    const { types, ts, persons } = frame.batch;
    port.postMessage({ seq, frame } satisfies FrameReply, [types.buffer, ts.buffer, persons.buffer] as ArrayBuffer[]);
  });
}
