import { createHash } from 'node:crypto';
import { DMX_CHANNELS } from '../serial/dmx/dmx-codec.js';

/**
 * sACN (ANSI E1.31-2018) data packets: root layer, framing layer and DMP layer around one universe.
 * Offsets below are the spec's table 4-1; a full universe makes a 638-byte packet.
 */
export const SACN_PORT = 5568;
export const SACN_PACKET_BYTES = 638;
const ACN_ID = [0x41, 0x53, 0x43, 0x2d, 0x45, 0x31, 0x2e, 0x31, 0x37, 0x00, 0x00, 0x00];
const VECTOR_ROOT_E131_DATA = 0x00000004;
const VECTOR_E131_DATA_PACKET = 0x00000002;
const VECTOR_DMP_SET_PROPERTY = 0x02;
const OPTION_STREAM_TERMINATED = 0x40;
const SOURCE_NAME_BYTES = 64;

export interface SacnSource {
  /** 16-byte component id; stays the same for a source across restarts. */
  cid: Uint8Array;
  /** UTF-8, cut to 63 bytes (the 64th is the terminating NUL). */
  sourceName: string;
  universe: number;
  /** 0–200, default 100; receivers merging several sources take the highest. */
  priority: number;
}

/** Receivers listen on 239.255.<universe hi>.<universe lo>. */
export function sacnMulticastAddress(universe: number): string {
  return `239.255.${(universe >> 8) & 0xff}.${universe & 0xff}`;
}

/** A CID derived from a stable name (a name-based UUID, RFC 4122 version 5 layout). */
export function cidFromName(name: string): Uint8Array {
  const bytes = new Uint8Array(createHash('sha1').update(`livedesk-sacn:${name}`).digest().subarray(0, 16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  return bytes;
}

function flagsAndLength(view: DataView, offset: number, total: number): void {
  // The high nibble 0x7 is the flags; the low 12 bits count from this field to the packet's end.
  view.setUint16(offset, 0x7000 | (total - offset));
}

/** One E1.31 data packet. `sequence` is 0–255 (the caller wraps it); `terminated` ends the stream. */
export function encodeSacn(source: SacnSource, channels: Uint8Array, sequence: number, terminated = false): Uint8Array {
  if (channels.length > DMX_CHANNELS) throw new RangeError(`a DMX universe has ${DMX_CHANNELS} channels, got ${channels.length}`);
  if (source.cid.length !== 16) throw new RangeError('an sACN CID has 16 bytes');
  if (source.universe < 1 || source.universe > 63_999) throw new RangeError('sACN universes are 1–63999');
  const out = new Uint8Array(SACN_PACKET_BYTES);
  const view = new DataView(out.buffer);
  // Root layer
  view.setUint16(0, 0x0010);
  view.setUint16(2, 0x0000);
  out.set(ACN_ID, 4);
  flagsAndLength(view, 16, SACN_PACKET_BYTES);
  view.setUint32(18, VECTOR_ROOT_E131_DATA);
  out.set(source.cid, 22);
  // Framing layer
  flagsAndLength(view, 38, SACN_PACKET_BYTES);
  view.setUint32(40, VECTOR_E131_DATA_PACKET);
  out.set(truncateUtf8(source.sourceName, SOURCE_NAME_BYTES - 1), 44);
  out[108] = Math.max(0, Math.min(200, source.priority));
  view.setUint16(109, 0); // no synchronization universe
  out[111] = sequence & 0xff;
  out[112] = terminated ? OPTION_STREAM_TERMINATED : 0;
  view.setUint16(113, source.universe);
  // DMP layer
  flagsAndLength(view, 115, SACN_PACKET_BYTES);
  out[117] = VECTOR_DMP_SET_PROPERTY;
  out[118] = 0xa1; // address type & data type
  view.setUint16(119, 0x0000); // first property address
  view.setUint16(121, 0x0001); // address increment
  view.setUint16(123, DMX_CHANNELS + 1); // property value count: start code + slots
  out[125] = 0x00; // DMX start code
  out.set(channels, 126);
  return out;
}

function truncateUtf8(text: string, max: number): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= max) return bytes;
  let end = max;
  // Never cut a multi-byte character (a Chinese source name) in half.
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}
