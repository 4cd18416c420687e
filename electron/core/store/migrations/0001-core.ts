import type { Migration } from './migration.js';

/**
 * sessions, their append-only event log, products, orders, explain segments, KPI rollups
 */
export const migration: Migration = {
  version: 1,
  name: 'core',
  sql: `
  CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    plan_id     TEXT,
    currency    TEXT NOT NULL DEFAULT 'CNY',
    rehearsal   INTEGER NOT NULL DEFAULT 0,
    started_at  INTEGER NOT NULL,
    ended_at    INTEGER,
    status      TEXT NOT NULL CHECK (status IN ('live', 'ended', 'interrupted'))
  );
  CREATE INDEX sessions_by_start ON sessions(started_at);

  CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    ts          INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    data        TEXT NOT NULL
  );
  CREATE INDEX events_by_session ON events(session_id, id);

  CREATE TABLE products (
    sku         TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    price_fen   INTEGER NOT NULL CHECK (price_fen >= 0),
    currency    TEXT NOT NULL DEFAULT 'CNY',
    scene       TEXT,
    image       TEXT,
    notes       TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
  );

  CREATE TABLE orders (
    session_id    TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    order_id      TEXT NOT NULL,
    sku           TEXT NOT NULL,
    qty           INTEGER NOT NULL,
    amount_fen    INTEGER NOT NULL,
    buyer         TEXT,
    ts            INTEGER NOT NULL,
    refunded_fen  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, order_id)
  ) WITHOUT ROWID;

  CREATE TABLE explain_segments (
    id          INTEGER PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    sku         TEXT NOT NULL,
    name        TEXT NOT NULL,
    started_at  INTEGER NOT NULL,
    ended_at    INTEGER
  );
  CREATE INDEX explain_segments_by_session ON explain_segments(session_id, started_at);

  -- One row per second that saw a change: the KPI values at the end of that second. Review reads
  -- these instead of the raw log so a 12-hour session draws instantly.
  CREATE TABLE kpi_seconds (
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    second      INTEGER NOT NULL,
    online      INTEGER,
    gmv_fen     INTEGER NOT NULL,
    orders      INTEGER NOT NULL,
    PRIMARY KEY (session_id, second)
  ) WITHOUT ROWID;

  CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
  );
  `,
};
