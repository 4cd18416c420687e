/**
 * Numbered, forward-only schema migrations (STYLE §5). Migration N moves the database from
 * `user_version` N-1 to N; all pending ones run in one transaction. Never edit a shipped migration:
 * add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: sessions, their append-only event log, products, orders, explain segments, KPI rollups */ `
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
  /* 2: serial devices (scales, DMX, button boxes), each a zod-validated JSON config, in user order */ `
  CREATE TABLE serial_devices (
    id        TEXT PRIMARY KEY,
    position  INTEGER NOT NULL,
    config    TEXT NOT NULL
  );
  `,
  /* the show (issue 4): product catalog fields (fen), show plans (run-of-show) as validated JSON */ `
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
  /* issue 7: idempotent refunds; platform exports (minute-level and per-product) imported into a session */ `
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
  /* review (issue 8): 10-second rollups built from the log once (at session end, or on first open) and
     kept up to date incrementally; the few non-audience events copied aside for the review lanes; tags,
     notes and next actions kept with the session; an index that answers per-product questions. */ `
  CREATE TABLE review_rollup (
    session_id      TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    bucket          INTEGER NOT NULL,            -- floor(ts / 10000)
    online_last     INTEGER,
    online_last_ts  INTEGER,
    online_max      INTEGER,
    online_sum      INTEGER NOT NULL DEFAULT 0,  -- sum and count of online readings, for the mean
    online_n        INTEGER NOT NULL DEFAULT 0,
    viewers_cum     INTEGER,                     -- cumulative counters from snapshots: their max in the bucket
    views_cum       INTEGER,
    likes_cum       INTEGER,
    comments_cum    INTEGER,
    followers_cum   INTEGER,
    exposures_cum   INTEGER,
    clicks_cum      INTEGER,
    gmv_fen         INTEGER NOT NULL DEFAULT 0,  -- discrete events: their count or sum in the bucket
    orders          INTEGER NOT NULL DEFAULT 0,
    refunds_fen     INTEGER NOT NULL DEFAULT 0,
    likes           INTEGER NOT NULL DEFAULT 0,
    comments        INTEGER NOT NULL DEFAULT 0,
    follows         INTEGER NOT NULL DEFAULT 0,
    enters          INTEGER NOT NULL DEFAULT 0,
    events          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, bucket)
  ) WITHOUT ROWID;

  CREATE TABLE review_cursor (
    session_id     TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    last_event_id  INTEGER NOT NULL
  );

  CREATE TABLE review_marks (
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    ts          INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    data        TEXT NOT NULL
  );
  CREATE INDEX review_marks_by_session ON review_marks(session_id, ts);

  CREATE TABLE session_tags (
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    PRIMARY KEY (session_id, tag)
  ) WITHOUT ROWID;

  CREATE TABLE session_notes (
    session_id  TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    body        TEXT NOT NULL,               -- JSON {notes:[{role,text}], actions:[{text,owner,done}]}
    updated_at  INTEGER NOT NULL
  );

  CREATE INDEX orders_by_sku_ts ON orders(session_id, sku, ts, amount_fen);
  `,
  /* issue 5: control bindings — deck layouts, hotkeys, HID buttons, press guards — one validated JSON document per part */ `
  CREATE TABLE control_bindings (
    part        TEXT PRIMARY KEY CHECK (part IN ('layouts', 'hotkeys', 'hid', 'guards')),
    config      TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
  );
  `,
  /* session totals (GMV, orders, distinct buyers) answered from an index alone: a 12-hour show's
     review summary no longer reads every order row */ `
  CREATE INDEX orders_by_buyer ON orders(session_id, buyer, amount_fen);
  `,
  /* issue 14 (review truth): rollup buckets count from the session's start, so every rollup built before
     is dropped and rebuilt from the log on first open; watch time summed per bucket; the distinct
     viewers, followers and interactors the live desk counts; platform figures for a whole session. */ `
  DELETE FROM review_rollup;
  DELETE FROM review_marks;
  DELETE FROM review_cursor;
  ALTER TABLE review_rollup ADD COLUMN watch_ms INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE review_rollup ADD COLUMN adspend_cum INTEGER;

  CREATE TABLE review_people (
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('viewer', 'follower', 'interactor')),
    user        TEXT NOT NULL,
    PRIMARY KEY (session_id, role, user)
  ) WITHOUT ROWID;

  CREATE TABLE platform_sessions (
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    platform    TEXT NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (session_id, platform)
  ) WITHOUT ROWID;
  `,
];
