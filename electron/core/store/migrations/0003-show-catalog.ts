import type { Migration } from './migration.js';

/**
 * the show (issue 4): product catalog fields (fen), show plans (run-of-show) as validated JSON
 */
export const migration: Migration = {
  version: 3,
  name: 'show-catalog',
  sql: `
  ALTER TABLE products ADD COLUMN list_price_fen INTEGER CHECK (list_price_fen >= 0);
  ALTER TABLE products ADD COLUMN flash_price_fen INTEGER CHECK (flash_price_fen >= 0);
  ALTER TABLE products ADD COLUMN stock INTEGER CHECK (stock >= 0);
  ALTER TABLE products ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE products ADD COLUMN selling_points TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE products ADD COLUMN cue TEXT;

  CREATE TABLE show_plans (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    items       TEXT NOT NULL,
    pacing      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
  );
  `,
};
