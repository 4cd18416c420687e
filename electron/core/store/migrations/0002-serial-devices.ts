import type { Migration } from './migration.js';

/**
 * serial devices (scales, DMX, button boxes), each a zod-validated JSON config, in user order
 */
export const migration: Migration = {
  version: 2,
  name: 'serial-devices',
  sql: `
  CREATE TABLE serial_devices (
    id        TEXT PRIMARY KEY,
    position  INTEGER NOT NULL,
    config    TEXT NOT NULL
  );
  `,
};
