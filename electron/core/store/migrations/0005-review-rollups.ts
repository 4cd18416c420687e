import type { Migration } from './migration.js';

/**
 * review (issue 8): 10-second rollups built from the log once (at session end, or on first open) and
 * kept up to date incrementally; the few non-audience events copied aside for the review lanes; tags,
 * notes and next actions kept with the session; an index that answers per-product questions.
 */
export const migration: Migration = {
  version: 5,
  name: 'review-rollups',
  sql: `
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
};
