import type { Migration } from './migration.js';

/**
 * issue 15 (review-12h summary): a session's refunded sum read every order row (the one total not kept
 * beside the orders), 100+ ms on the first open of a 12-hour show. Refunded orders are few: a partial
 * index holds just them, and a live order (refunded_fen 0) never enters it.
 */
export const migration: Migration = {
  version: 10,
  name: 'refunded-orders',
  sql: `
  CREATE INDEX orders_refunded ON orders(session_id, refunded_fen) WHERE refunded_fen > 0;
  `,
};
