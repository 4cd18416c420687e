import type { Migration } from './migration.js';

/**
 * issue 14 (review truth): rollup buckets count from the session's start, so every rollup built before
 * is dropped and rebuilt from the log on first open; watch time and ad spend summed per bucket; the
 * distinct viewers, followers and interactors the live desk counts; platform figures for a whole
 * session (罗盘 直播间列表, 生意参谋 直播分场次).
 */
export const migration: Migration = {
  version: 8,
  name: 'review-truth',
  sql: `
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
};
