import { SerialPort } from 'serialport';
import type { SerialPortInfo } from '../../contract/index.js';

/** Serial ports the OS lists (USB adapters). Pseudo-terminals and symlinks never show: the UI takes a path too. */
export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  const ports = await SerialPort.list();
  return ports.map((p) => ({
    path: p.path,
    manufacturer: p.manufacturer ?? null,
    serialNumber: p.serialNumber ?? null,
    vendorId: p.vendorId ?? null,
    productId: p.productId ?? null,
  }));
}
