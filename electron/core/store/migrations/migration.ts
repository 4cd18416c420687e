/**
 * One forward-only schema step (STYLE §5, §17). It carries its own number, so two branches that each
 * add a migration conflict visibly in `index.ts` instead of being renumbered by merge order. Never edit
 * a shipped migration: add the next one as `NNNN-name.ts`.
 */
export interface Migration {
  /** The `user_version` the database has after this step; migration N runs on a database at N-1. */
  readonly version: number;
  /** Matches the file name after its number, e.g. `0002-serial-devices.ts` → `serial-devices`. */
  readonly name: string;
  readonly sql: string;
}
