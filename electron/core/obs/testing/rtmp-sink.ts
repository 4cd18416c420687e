import { randomBytes } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A stream target for tests with a real OBS: the smallest RTMP server OBS will publish to. It does
 * the handshake, answers connect / createStream / publish the way a streaming platform's ingest
 * does, then swallows the audio and video. Enough for OBS to report an active stream with a real
 * bitrate, so "stop the stream" can be tested end to end; no media is ever decoded.
 */
export interface RtmpSink {
  /** `rtmp://127.0.0.1:PORT/live`: OBS's custom server URL (any stream key). */
  url: string;
  port: number;
  /** Audio and video payload bytes received so far. */
  mediaBytes(): number;
  /** Clients that have sent `publish` and not disconnected. */
  publishers(): number;
  close(): Promise<void>;
}

const HANDSHAKE = 1536;

// AMF0, just the types the replies need.
function amf(value: unknown): Buffer {
  if (value === null) return Buffer.from([0x05]);
  if (typeof value === 'number') {
    const b = Buffer.alloc(9);
    b[0] = 0x00;
    b.writeDoubleBE(value, 1);
    return b;
  }
  if (typeof value === 'boolean') return Buffer.from([0x01, value ? 1 : 0]);
  if (typeof value === 'string') {
    const s = Buffer.from(value, 'utf8');
    const head = Buffer.alloc(3);
    head[0] = 0x02;
    head.writeUInt16BE(s.length, 1);
    return Buffer.concat([head, s]);
  }
  const parts: Buffer[] = [Buffer.from([0x03])];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const k = Buffer.from(key, 'utf8');
    const len = Buffer.alloc(2);
    len.writeUInt16BE(k.length);
    parts.push(len, k, amf(v));
  }
  parts.push(Buffer.from([0x00, 0x00, 0x09]));
  return Buffer.concat(parts);
}

/** The command name and transaction id at the start of an AMF0 command message. */
function commandOf(payload: Buffer): { name: string; txn: number } | null {
  if (payload[0] !== 0x02 || payload.length < 3) return null;
  const len = payload.readUInt16BE(1);
  const name = payload.toString('utf8', 3, 3 + len);
  const at = 3 + len;
  const txn = payload[at] === 0x00 && payload.length >= at + 9 ? payload.readDoubleBE(at + 1) : 0;
  return { name, txn };
}

/** One message in chunks of 128 bytes (the size RTMP starts with), fmt 0 then fmt 3 headers. */
function message(csid: number, type: number, streamId: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(12);
  header[0] = csid;
  header.writeUIntBE(0, 1, 3);
  header.writeUIntBE(payload.length, 4, 3);
  header[7] = type;
  header.writeUInt32LE(streamId, 8);
  const parts: Buffer[] = [header];
  for (let at = 0; at < payload.length; at += 128) {
    if (at > 0) parts.push(Buffer.from([0xc0 | csid]));
    parts.push(payload.subarray(at, at + 128));
  }
  return Buffer.concat(parts);
}

const command = (streamId: number, ...values: unknown[]) => message(3, 20, streamId, Buffer.concat(values.map(amf)));

interface ChunkStream {
  length: number;
  type: number;
  streamId: number;
  extended: boolean;
  parts: Buffer[];
  received: number;
}

function serve(socket: Socket, counters: { media: number; publishers: number }): void {
  let buffer = Buffer.alloc(0);
  let phase: 'c0c1' | 'c2' | 'chunks' = 'c0c1';
  let chunkSize = 128;
  let publishing = false;
  const streams = new Map<number, ChunkStream>();

  const onMessage = (type: number, payload: Buffer) => {
    if (type === 1 && payload.length >= 4) chunkSize = payload.readUInt32BE(0) & 0x7fffffff;
    else if (type === 8 || type === 9) counters.media += payload.length;
    else if (type === 20) {
      const cmd = commandOf(payload);
      if (cmd?.name === 'connect') {
        const ack = Buffer.alloc(4);
        ack.writeUInt32BE(2_500_000);
        socket.write(message(2, 5, 0, ack));
        socket.write(
          command(0, '_result', cmd.txn, { fmsVer: 'FMS/3,0,1,123', capabilities: 31 }, { level: 'status', code: 'NetConnection.Connect.Success', description: 'Connection succeeded.', objectEncoding: 0 }),
        );
      } else if (cmd?.name === 'createStream') {
        socket.write(command(0, '_result', cmd.txn, null, 1));
      } else if (cmd?.name === 'publish') {
        if (!publishing) counters.publishers++;
        publishing = true;
        socket.write(command(1, 'onStatus', 0, null, { level: 'status', code: 'NetStream.Publish.Start', description: 'Start publishing' }));
      }
    }
  };

  /** Parses as many whole chunks as `buffer` holds; answers false when it needs more bytes. */
  const readChunk = (): boolean => {
    if (buffer.length < 1) return false;
    const first = buffer[0] as number;
    const fmt = first >> 6;
    let csid = first & 0x3f;
    let at = 1;
    if (csid === 0) {
      if (buffer.length < 2) return false;
      csid = 64 + (buffer[1] as number);
      at = 2;
    } else if (csid === 1) {
      if (buffer.length < 3) return false;
      csid = 64 + (buffer[1] as number) + (buffer[2] as number) * 256;
      at = 3;
    }
    const headerLength = [11, 7, 3, 0][fmt] as number;
    if (buffer.length < at + headerLength) return false;
    const prev = streams.get(csid) ?? { length: 0, type: 0, streamId: 0, extended: false, parts: [], received: 0 };
    const s: ChunkStream = { ...prev };
    if (fmt <= 2) s.extended = buffer.readUIntBE(at, 3) === 0xffffff;
    if (fmt <= 1) {
      s.length = buffer.readUIntBE(at + 3, 3);
      s.type = buffer[at + 6] as number;
    }
    if (fmt === 0) s.streamId = buffer.readUInt32LE(at + 7);
    at += headerLength;
    if (s.extended) at += 4;
    const take = Math.min(chunkSize, s.length - s.received);
    if (buffer.length < at + take) return false;
    // A fmt 3 chunk continues the message in progress (or repeats the last header for a new one);
    // any other header starts a new message.
    if (fmt !== 3 || s.received === 0) {
      s.parts = [];
      s.received = 0;
    }
    s.parts = [...s.parts, buffer.subarray(at, at + take)];
    s.received += take;
    buffer = buffer.subarray(at + take);
    if (s.received >= s.length) {
      const payload = Buffer.concat(s.parts);
      streams.set(csid, { ...s, parts: [], received: 0 });
      onMessage(s.type, payload);
    } else streams.set(csid, s);
    return true;
  };

  socket.on('data', (data: Buffer) => {
    buffer = Buffer.concat([buffer, data]);
    if (phase === 'c0c1' && buffer.length >= 1 + HANDSHAKE) {
      const c1 = buffer.subarray(1, 1 + HANDSHAKE);
      const s1 = Buffer.concat([Buffer.alloc(8), randomBytes(HANDSHAKE - 8)]);
      socket.write(Buffer.concat([Buffer.from([0x03]), s1, c1]));
      buffer = buffer.subarray(1 + HANDSHAKE);
      phase = 'c2';
    }
    if (phase === 'c2' && buffer.length >= HANDSHAKE) {
      buffer = buffer.subarray(HANDSHAKE);
      phase = 'chunks';
    }
    if (phase === 'chunks') while (readChunk());
  });
  socket.on('close', () => {
    if (publishing) counters.publishers--;
  });
  socket.on('error', () => undefined);
}

export async function startRtmpSink(): Promise<RtmpSink> {
  const counters = { media: 0, publishers: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serve(socket, counters);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `rtmp://127.0.0.1:${port}/live`,
    port,
    mediaBytes: () => counters.media,
    publishers: () => counters.publishers,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
