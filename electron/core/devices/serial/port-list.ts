import { accessSync, constants, readdirSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { SerialPort } from 'serialport';
import { serialportModule } from '../../../../native/serial/serialport-module.js';
import type { SerialPortInfo } from '../../contract/index.js';

export interface PortListing {
  ports: SerialPortInfo[];
  /** Why the list came from a scan of /dev instead of the OS's device database; null when it did not. */
  degraded: string | null;
}

export interface PortListOptions {
  /** The OS listing (serialport's, which spawns `udevadm` on Linux). */
  list?: () => Promise<Awaited<ReturnType<typeof SerialPort.list>>>;
  /** Where device nodes live: `/dev`, or a scratch folder in tests. */
  devDir?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

const LIST_TIMEOUT_MS = 5_000;
const SCANNED = /^tty(USB|ACM)\d+$/;

/** Whether `command` is an executable file on PATH: spawning a missing one is how a fresh machine failed. */
export function onPath(command: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.PATH ?? '').split(delimiter).filter(Boolean).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Serial ports the OS lists (USB adapters). Pseudo-terminals and symlinks never show: the UI takes a
 * path too. On Linux the OS listing needs udev's `udevadm`, which a fresh Debian without udev lacks;
 * then (or when the listing fails or stalls) the ports come from /dev/serial/by-id, /dev/ttyUSB* and
 * /dev/ttyACM*, without manufacturer details, and `degraded` says why.
 */
export async function listSerialPorts(options: PortListOptions = {}): Promise<PortListing> {
  const platform = options.platform ?? process.platform;
  const devDir = options.devDir ?? '/dev';
  if (platform === 'linux' && !options.list && !onPath('udevadm', options.env)) {
    return { ports: scanDev(devDir), degraded: 'udevadm (udev) is not installed: ports were found by scanning /dev/serial/by-id, /dev/ttyUSB* and /dev/ttyACM*, without maker details' };
  }
  try {
    const ports = await withTimeout((options.list ?? (() => serialportModule().SerialPort.list()))(), LIST_TIMEOUT_MS);
    return {
      ports: ports.map((p) => ({
        path: p.path,
        manufacturer: p.manufacturer ?? null,
        serialNumber: p.serialNumber ?? null,
        vendorId: p.vendorId ?? null,
        productId: p.productId ?? null,
      })),
      degraded: null,
    };
  } catch (error) {
    if (platform !== 'linux') throw error;
    return { ports: scanDev(devDir), degraded: `the OS port listing failed (${(error as Error).message}): ports were found by scanning /dev/serial/by-id, /dev/ttyUSB* and /dev/ttyACM*` };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

/** The device nodes a USB serial adapter gets, each once (a by-id link and its target are one port). */
function scanDev(devDir: string): SerialPortInfo[] {
  const found = new Map<string, SerialPortInfo>();
  const entries = (dir: string) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  };
  for (const name of entries(join(devDir, 'serial', 'by-id'))) {
    const link = join(devDir, 'serial', 'by-id', name);
    let target: string;
    try {
      target = realpathSync(link);
    } catch {
      continue; // a stale link: the adapter was unplugged
    }
    found.set(target, { path: target, manufacturer: null, serialNumber: null, vendorId: null, productId: null });
  }
  for (const name of entries(devDir).filter((n) => SCANNED.test(n)).sort()) {
    const path = join(devDir, name);
    if (!found.has(path)) found.set(path, { path, manufacturer: null, serialNumber: null, vendorId: null, productId: null });
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}
