import type { Migration } from './migration.js';
import { migration as m0001 } from './0001-core.js';
import { migration as m0002 } from './0002-serial-devices.js';
import { migration as m0003 } from './0003-show-catalog.js';
import { migration as m0004 } from './0004-refunds-platform-imports.js';
import { migration as m0005 } from './0005-review-rollups.js';
import { migration as m0006 } from './0006-control-bindings.js';
import { migration as m0007 } from './0007-orders-by-buyer.js';
import { migration as m0008 } from './0008-review-truth.js';
import { migration as m0009 } from './0009-lean-order-indexes.js';
import { migration as m0010 } from './0010-refunded-orders.js';

export type { Migration } from './migration.js';

/**
 * Every migration, in version order. Adding one: create `NNNN-name.ts` with the next free number and
 * list it here; `migrations.test.ts` refuses gaps, repeats and files missing from this list.
 */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010];
