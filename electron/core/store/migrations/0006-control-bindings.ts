import type { Migration } from './migration.js';

/**
 * issue 5: control bindings — deck layouts, hotkeys, HID buttons, press guards — one validated JSON
 * document per part
 */
export const migration: Migration = {
  version: 6,
  name: 'control-bindings',
  sql: `
  CREATE TABLE control_bindings (
    part        TEXT PRIMARY KEY CHECK (part IN ('layouts', 'hotkeys', 'hid', 'guards')),
    config      TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
  );
  `,
};
