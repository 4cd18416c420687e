import type { DmxDeviceConfig, NetworkDmxDeviceConfig } from '../../contract/index.js';
import { encodeEnttecDmx } from '../../../../native/serial/dmx/dmx-codec.js';
import { cidFromName, encodeSacn, sacnMulticastAddress, SACN_PORT } from '../../../../native/net-dmx/sacn.js';
import { ARTNET_PORT, encodeArtDmx, nextArtnetSequence } from '../../../../native/net-dmx/artnet.js';

/** Art-Net's limited broadcast; nodes on the same segment all hear it. */
const ARTNET_BROADCAST = '255.255.255.255';

export interface NetworkTarget {
  host: string;
  port: number;
  broadcast: boolean;
}

/** Where a network DMX device sends: the configured host, or the protocol's default destination. */
export function networkTarget(config: NetworkDmxDeviceConfig): NetworkTarget {
  if (config.kind === 'sacn') return { host: config.host ?? sacnMulticastAddress(config.universe), port: config.port ?? SACN_PORT, broadcast: false };
  const host = config.host ?? ARTNET_BROADCAST;
  return { host, port: config.port ?? ARTNET_PORT, broadcast: host.endsWith('.255') };
}

/** Why a network DMX universe cannot be used, or null. */
export function universeProblem(config: NetworkDmxDeviceConfig): string | null {
  if (config.kind === 'sacn' && config.universe < 1) return 'sACN universes are 1–63999';
  if (config.kind === 'artnet' && config.universe > 0x7fff) return 'Art-Net port-addresses are 0–32767';
  return null;
}

/**
 * How a frame-keeping DMX output (Enttec Pro, sACN, Art-Net) turns a universe into what goes on the
 * wire. Network packets carry sequence numbers, so the encoder keeps them.
 */
export interface DmxPacketEncoder {
  encode(frame: Uint8Array): Uint8Array;
  /** The last packet before closing, when the protocol has one (sACN stream terminated). */
  final?(frame: Uint8Array): Uint8Array;
}

export function packetEncoder(config: DmxDeviceConfig | NetworkDmxDeviceConfig): DmxPacketEncoder {
  if (config.kind === 'sacn') {
    const source = { cid: cidFromName(config.id), sourceName: `LiveDesk ${config.name ?? config.id}`, universe: config.universe, priority: config.priority };
    let sequence = 0;
    return {
      encode: (frame) => encodeSacn(source, frame, sequence++ & 0xff),
      final: (frame) => encodeSacn(source, frame, sequence++ & 0xff, true),
    };
  }
  if (config.kind === 'artnet') {
    let sequence = 0;
    return {
      encode: (frame) => {
        sequence = nextArtnetSequence(sequence);
        return encodeArtDmx(config.universe, frame, sequence);
      },
    };
  }
  return { encode: encodeEnttecDmx };
}
