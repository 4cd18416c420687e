import { z } from 'zod';
import { create } from 'zustand';
import { dmxCueListSchema, serialDeviceConfigSchema, serialPortInfoSchema, type DmxCue, type SerialDeviceConfig, type SerialPortInfo } from '../../contract.js';
import { ApiRequestError } from '../../lib/api-client.js';
import { whenLinked } from '../../lib/desk-link.js';
import { sayError } from '../../stores/prefs-store.js';

/** GET /devices gives each stored config with its live status; the status comes from the state instead. */
const storedDevices = z.array(z.looseObject({ live: z.unknown() })).transform((rows) => rows.map(({ live: _live, ...config }) => serialDeviceConfigSchema.parse(config)));
const portList = z.array(serialPortInfoSchema);

export type SaveResult = { ok: true } | { ok: false; field: string | undefined; message: string };

type DevicesStore = {
  /** The stored device configs (the live status of every device, stored or simulated, is in the desk state). */
  devices: SerialDeviceConfig[];
  cues: DmxCue[];
  ports: SerialPortInfo[];
  portsError: string | null;
  error: string | null;
  load(): Promise<void>;
  loadPorts(): Promise<void>;
  /** Saves the whole list (PUT /devices is all or nothing). */
  saveDevices(devices: unknown[]): Promise<SaveResult>;
  saveCues(cues: unknown[]): Promise<SaveResult>;
};

const failure = (err: unknown): SaveResult => ({
  ok: false,
  field: err instanceof ApiRequestError ? err.field : undefined,
  message: sayError(err),
});

export const useDevicesStore = create<DevicesStore>()((set) => ({
  devices: [],
  cues: [],
  ports: [],
  portsError: null,
  error: null,
  async load() {
    const { api } = await whenLinked();
    try {
      const [devices, cues] = await Promise.all([api.get('/devices', storedDevices), api.get('/devices/cues', dmxCueListSchema)]);
      set({ devices, cues, error: null });
    } catch (err) {
      set({ error: sayError(err) });
    }
  },
  async loadPorts() {
    const { api } = await whenLinked();
    try {
      set({ ports: await api.get('/devices/ports', portList), portsError: null });
    } catch (err) {
      set({ ports: [], portsError: sayError(err) });
    }
  },
  async saveDevices(devices) {
    const { api } = await whenLinked();
    try {
      set({ devices: await api.send('PUT', '/devices', devices, storedDevices) });
      return { ok: true };
    } catch (err) {
      return failure(err);
    }
  },
  async saveCues(cues) {
    const { api } = await whenLinked();
    try {
      set({ cues: await api.send('PUT', '/devices/cues', cues, dmxCueListSchema) });
      return { ok: true };
    } catch (err) {
      return failure(err);
    }
  },
}));
