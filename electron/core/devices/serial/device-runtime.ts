import { isNetworkDmx, type SerialDeviceConfig, type SerialDeviceStatus, type SerialDeviceView, type SerialLineDeviceConfig } from '../../contract/index.js';
import { linkReasonText } from './link-reason.js';
import { networkTarget } from './network-dmx.js';
import type { ByteTransport, LineSettings, TransportState } from '../../../../native/serial/transport/byte-transport.js';

/** One configured serial device at run time: a transport plus what the device does with its bytes. */
export interface DeviceRuntime {
  readonly config: SerialDeviceConfig;
  readonly transport: ByteTransport;
  start(): void;
  close(): Promise<void>;
  view(): SerialDeviceView;
}

export interface DecodeCounters {
  badFrames: number;
  badChecksums: number;
  garbageBytes: number;
}

export const NO_COUNTERS: DecodeCounters = { badFrames: 0, badChecksums: 0, garbageBytes: 0 };

export function lineSettings(config: SerialLineDeviceConfig): LineSettings {
  const { path, baudRate, dataBits, parity, stopBits } = config;
  return { path, baudRate, dataBits, parity, stopBits };
}

export function deviceView(config: SerialDeviceConfig, state: TransportState, bytesIn: number, counters: DecodeCounters): SerialDeviceView {
  const live: SerialDeviceStatus = { ...state, reasonText: linkReasonText(state.status, state.reason), bytesIn, ...counters };
  return { id: config.id, kind: config.kind, name: config.name ?? config.id, path: devicePath(config), live };
}

/** The serial path, or where a network DMX node's packets go. */
export function devicePath(config: SerialDeviceConfig): string {
  if (!isNetworkDmx(config)) return config.path;
  const { host, port } = networkTarget(config);
  return `udp://${host}:${port}`;
}
