import { serialDeviceConfigSchema, type SerialDeviceConfig } from '../contract/index.js';
import type { Db } from './database.js';

/** Serial device configurations, stored whole as JSON (validated on the way in and out). */
export class SerialDevicesRepo {
  constructor(private readonly db: Db) {}

  list(): { devices: SerialDeviceConfig[]; unreadable: string[] } {
    const rows = this.db.prepare<[], { id: string; config: string }>('SELECT id, config FROM serial_devices ORDER BY position').all();
    const devices: SerialDeviceConfig[] = [];
    const unreadable: string[] = [];
    for (const row of rows) {
      // A config written by a newer or broken build is skipped and reported, never fatal at start-up.
      let parsed;
      try {
        parsed = serialDeviceConfigSchema.safeParse(JSON.parse(row.config));
      } catch {
        parsed = null;
      }
      if (parsed?.success) devices.push(parsed.data);
      else unreadable.push(row.id);
    }
    return { devices, unreadable };
  }

  /** Replaces the whole list in one transaction. */
  replace(devices: readonly SerialDeviceConfig[]): void {
    const insert = this.db.prepare('INSERT INTO serial_devices (id, position, config) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM serial_devices').run();
      devices.forEach((d, i) => insert.run(d.id, i, JSON.stringify(d)));
    })();
  }
}
