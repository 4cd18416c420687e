import type { Migration } from './migration.js';

/**
 * session totals (GMV, orders, distinct buyers) answered from an index alone: a 12-hour show's review
 * summary no longer reads every order row
 */
export const migration: Migration = {
  version: 7,
  name: 'orders-by-buyer',
  sql: `
  CREATE INDEX orders_by_buyer ON orders(session_id, buyer, amount_fen);
  `,
};
