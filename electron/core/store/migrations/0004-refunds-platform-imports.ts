import type { Migration } from './migration.js';

/**
 * issue 7: idempotent refunds; platform exports (minute-level and per-product) imported into a session
 */
export const migration: Migration = {
  version: 4,
  name: 'refunds-platform-imports',
  sql: `
  -- A refund is identified by its order, time and amount, so a retried batch never refunds twice.
  CREATE TABLE refunds (
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    order_id    TEXT NOT NULL,
    ts          INTEGER NOT NULL,
    amount_fen  INTEGER NOT NULL,
    PRIMARY KEY (session_id, order_id, ts, amount_fen)
  ) WITHOUT ROWID;

  -- One row per platform and minute (or product): importing the same export again replaces its rows
  -- instead of adding to them. data is a JSON object of the figures the export had.
  CREATE TABLE platform_minutes (
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    platform    TEXT NOT NULL,
    minute      INTEGER NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (session_id, platform, minute)
  ) WITHOUT ROWID;

  CREATE TABLE platform_products (
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    platform    TEXT NOT NULL,
    product_id  TEXT NOT NULL,
    name        TEXT NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (session_id, platform, product_id)
  ) WITHOUT ROWID;
  `,
};
