/** A HID device the OS lists, copied into a plain object (no node-hid types leave native/). */
export interface HidDescriptor {
  path: string;
  vendorId: number;
  productId: number;
  product: string | null;
  manufacturer: string | null;
  serial: string | null;
  usagePage: number | null;
  usage: number | null;
}

export interface HidHandle {
  onData(listener: (report: Uint8Array) => void): () => void;
  onError(listener: (error: Error) => void): () => void;
  close(): Promise<void>;
}

/** Generic HID devices: the real bus through node-hid, or a fake bus in tests and rehearsal. */
export interface HidBackend {
  list(): Promise<HidDescriptor[]>;
  open(path: string): Promise<HidHandle>;
}

/** Generic desktop page (0x01), usage 0x06 = keyboard, 0x02 = mouse (HID Usage Tables §4). */
export const isKeyboard = (d: HidDescriptor) => d.usagePage === 0x01 && d.usage === 0x06;
export const isMouse = (d: HidDescriptor) => d.usagePage === 0x01 && d.usage === 0x02;

export const hexReport = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

/** The real bus; node-hid is loaded on first use so tests and rehearsal never touch it. */
export function nodeHidBackend(): HidBackend {
  const lib = () => import('node-hid');
  return {
    async list() {
      const HID = await lib();
      return (await HID.devicesAsync())
        .filter((d): d is typeof d & { path: string } => typeof d.path === 'string')
        .map((d) => ({
          path: d.path,
          vendorId: d.vendorId,
          productId: d.productId,
          product: d.product ?? null,
          manufacturer: d.manufacturer ?? null,
          serial: d.serialNumber ?? null,
          usagePage: d.usagePage ?? null,
          usage: d.usage ?? null,
        }));
    },
    async open(path) {
      const HID = await lib();
      const device = await HID.HIDAsync.open(path);
      return {
        onData(listener) {
          const on = (data: Buffer) => listener(new Uint8Array(data));
          device.on('data', on);
          return () => device.off('data', on);
        },
        onError(listener) {
          device.on('error', listener);
          return () => device.off('error', listener);
        },
        close: () => device.close(),
      };
    },
  };
}
