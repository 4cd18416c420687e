import type { HidBackend, HidDescriptor, HidHandle } from './hid-backend.js';

/** A fake HID device: `send` is the hardware emitting an input report (a pedal going down or up). */
export class FakeHidDevice {
  private readonly dataListeners = new Set<(report: Uint8Array) => void>();
  private readonly errorListeners = new Set<(error: Error) => void>();
  opens = 0;
  open = false;

  constructor(readonly descriptor: HidDescriptor) {}

  send(bytes: number[]): void {
    for (const listener of this.dataListeners) listener(Uint8Array.from(bytes));
  }

  fail(error: Error): void {
    for (const listener of this.errorListeners) listener(error);
  }

  handle(): HidHandle {
    this.opens++;
    this.open = true;
    return {
      onData: (listener) => {
        this.dataListeners.add(listener);
        return () => this.dataListeners.delete(listener);
      },
      onError: (listener) => {
        this.errorListeners.add(listener);
        return () => this.errorListeners.delete(listener);
      },
      close: async () => {
        this.open = false;
        this.dataListeners.clear();
        this.errorListeners.clear();
      },
    };
  }
}

/** A HID bus for tests and rehearsal: plug, unplug, refuse opens. */
export class FakeHidBus implements HidBackend {
  private readonly devices = new Map<string, FakeHidDevice>();
  private readonly refusals = new Map<string, Error>();
  private readonly listeners = new Set<() => void>();

  plug(descriptor: Partial<HidDescriptor> & Pick<HidDescriptor, 'vendorId' | 'productId'>): FakeHidDevice {
    const full: HidDescriptor = {
      path: `fake-hid:${descriptor.vendorId.toString(16)}:${descriptor.productId.toString(16)}:${this.devices.size + 1}`,
      product: 'Fake HID',
      manufacturer: 'LiveDesk',
      serial: null,
      usagePage: 0x0c,
      usage: 0x01,
      ...descriptor,
    };
    const device = new FakeHidDevice(full);
    this.devices.set(full.path, device);
    this.emit();
    return device;
  }

  unplug(path: string): void {
    const device = this.devices.get(path);
    if (!device) return;
    this.devices.delete(path);
    if (device.open) device.fail(new Error('could not read from HID device'));
    this.emit();
  }

  refuseOpen(path: string, error: Error | null): void {
    if (error) this.refusals.set(path, error);
    else this.refusals.delete(path);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async list(): Promise<HidDescriptor[]> {
    return [...this.devices.values()].map((d) => d.descriptor);
  }

  async open(path: string): Promise<HidHandle> {
    const refused = this.refusals.get(path);
    if (refused) throw refused;
    const device = this.devices.get(path);
    if (!device) throw new Error(`cannot open device with path ${path}`);
    return device.handle();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
