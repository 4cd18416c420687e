import { DMX_CHANNELS } from '../serial/dmx/dmx-codec.js';

/**
 * Art-Net 4 ArtDmx packets: "Art-Net\0", OpCode 0x5000 (little-endian), protocol version 14,
 * sequence, physical, the 15-bit port-address as SubUni + Net, the data length (big-endian) and data.
 */
export const ARTNET_PORT = 6454;
export const ARTNET_HEADER_BYTES = 18;
const ID = [0x41, 0x72, 0x74, 0x2d, 0x4e, 0x65, 0x74, 0x00];
const OP_DMX = 0x5000;
const PROTOCOL_VERSION = 14;

/** Port-address: Net (7 bits) · Sub-Net (4 bits) · Universe (4 bits). */
export const ARTNET_MAX_PORT_ADDRESS = 0x7fff;

/**
 * One ArtDmx packet with all 512 channels. `sequence` 1–255 lets nodes reorder packets (0 would
 * switch reordering off, so the caller wraps 255 → 1).
 */
export function encodeArtDmx(portAddress: number, channels: Uint8Array, sequence: number): Uint8Array {
  if (channels.length > DMX_CHANNELS) throw new RangeError(`a DMX universe has ${DMX_CHANNELS} channels, got ${channels.length}`);
  if (portAddress < 0 || portAddress > ARTNET_MAX_PORT_ADDRESS) throw new RangeError('Art-Net port-addresses are 0–32767');
  const out = new Uint8Array(ARTNET_HEADER_BYTES + DMX_CHANNELS);
  const view = new DataView(out.buffer);
  out.set(ID, 0);
  view.setUint16(8, OP_DMX, true);
  view.setUint16(10, PROTOCOL_VERSION);
  out[12] = sequence & 0xff;
  out[13] = 0; // physical input port: informational only
  out[14] = portAddress & 0xff; // SubUni
  out[15] = (portAddress >> 8) & 0x7f; // Net
  view.setUint16(16, DMX_CHANNELS);
  out.set(channels, ARTNET_HEADER_BYTES);
  return out;
}

/** The next ArtDmx sequence: 1…255, then 1 again. */
export function nextArtnetSequence(sequence: number): number {
  return sequence >= 255 ? 1 : sequence + 1;
}
