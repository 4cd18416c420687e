import { z } from 'zod';
import {
  coded, DeskError,
  explainSegmentSchema,
  firstIssue,
  ingestEventSchema,
  productInputSchema,
  sessionNotesSchema,
  sessionPatchSchema,
  sessionSummarySchema,
  STORED_TIME_FLOOR,
  tagSchema,
  timestampSchema,
} from '../contract/index.js';
import type { Db } from '../store/database.js';
import { MAX_REVIEW_SPAN_MS } from './curves.js';

/**
 * What a session bundle may hold before any of it is written (issue 13). A bundle is someone else's
 * file: its structure must be the desk's own (no extra tables or columns, no triggers, views or
 * unknown indexes), and every row that import copies must pass the same zod schemas as live data,
 * with times inside a sane window and no cell larger than the desk itself would write.
 */

/** The largest text cell any table holds (session notes: 20 notes of 20,000 characters plus actions). */
const MAX_CELL_CHARS = 1_000_000;
const DAY_MS = 86_400_000;

export interface DeskSchema {
  tables: Map<string, Set<string>>;
  indexes: Set<string>;
}

/** The desk's own tables (with their columns) and indexes, read from `schema` of `db`. */
export function deskSchema(db: Db, schema = 'main'): DeskSchema {
  const rows = db.prepare<[], { type: string; name: string }>(`SELECT type, name FROM ${schema}.sqlite_master WHERE name NOT LIKE 'sqlite_%'`).all();
  const tables = new Map<string, Set<string>>();
  for (const r of rows.filter((x) => x.type === 'table')) {
    tables.set(r.name, new Set(db.prepare<[], { name: string }>(`PRAGMA ${schema}.table_info("${r.name.replaceAll('"', '""')}")`).all().map((c) => c.name)));
  }
  return { tables, indexes: new Set(rows.filter((x) => x.type === 'index').map((x) => x.name)) };
}

const refuse = (message: string) => new DeskError('bad_request', coded('bundle.refused', {}, `the bundle is refused: ${message}`));

/** Refuses a bundle whose structure is not a subset of the desk's own schema. Reads only. */
export function checkBundleStructure(probe: Db, desk: DeskSchema): void {
  const objects = probe.prepare<[], { type: string; name: string }>(`SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`).all();
  for (const o of objects) {
    if (o.type === 'trigger' || o.type === 'view') throw refuse(`it holds a ${o.type} ("${o.name.slice(0, 60)}"); bundles carry data only`);
    if (o.type === 'index' && !desk.indexes.has(o.name)) throw refuse(`it holds an index this desk does not know ("${o.name.slice(0, 60)}")`);
    if (o.type === 'table') {
      const known = desk.tables.get(o.name);
      if (!known) throw refuse(`it holds a table this desk does not know ("${o.name.slice(0, 60)}")`);
      for (const c of probe.prepare<[], { name: string }>(`PRAGMA table_info("${o.name.replaceAll('"', '""')}")`).all()) {
        if (!known.has(c.name)) throw refuse(`its table ${o.name} has a column this desk does not know ("${c.name.slice(0, 60)}")`);
      }
    }
  }
}

type Row = Record<string, unknown>;

const storedTime = (now: number) =>
  timestampSchema.refine((t) => t >= STORED_TIME_FLOOR && t <= now + DAY_MS, { message: `a time between 2000-01-01 and a day after this desk's clock` });
const jsonObject = z.record(z.string(), z.unknown());
const intOrNull = z.int().nullable();

/** Parses a JSON text column; a parse failure becomes a zod-style issue on that column. */
const json = (inner: z.ZodType) =>
  z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
      return z.NEVER;
    }
  }).pipe(inner);

/**
 * Each copied table's schema (built once: zod compiles a schema on first use) and how a row maps onto
 * it — the shape live data has when it enters the desk.
 */
function rowSchemas(now: number): Record<string, { schema: z.ZodType; value: (r: Row) => unknown }> {
  const time = storedTime(now);
  const order = ingestEventSchema.options.find((o) => o.shape.type.value === 'order') as z.ZodType;
  const refund = ingestEventSchema.options.find((o) => o.shape.type.value === 'refund') as z.ZodType;
  const session = sessionSummarySchema
    .extend({ id: z.string().min(1).max(64), title: sessionPatchSchema.shape.title.unwrap(), startedAt: time, endedAt: time.nullable(), planId: z.string().max(64).nullable(), rehearsal: z.literal([0, 1]) })
    .refine((s) => s.endedAt === null || (s.endedAt >= s.startedAt && s.endedAt - s.startedAt <= MAX_REVIEW_SPAN_MS), { message: 'ends before it starts or spans more than 7 days', path: ['ended_at'] });
  const logged = z.object({ ts: time, kind: z.string().min(1).max(64), data: json(jsonObject) });
  const same = (r: Row) => r;
  return {
    sessions: {
      schema: session,
      value: (r) => ({ id: r.id, title: r.title, currency: r.currency, startedAt: r.started_at, endedAt: r.ended_at, status: r.status, rehearsal: r.rehearsal, planId: r.plan_id }),
    },
    events: { schema: logged, value: same },
    products: {
      schema: productInputSchema.extend({ tags: json(productInputSchema.shape.tags.unwrap()), sellingPoints: json(productInputSchema.shape.sellingPoints.unwrap()), createdAt: time, updatedAt: time }),
      value: (r) => ({
        sku: r.sku, name: r.name, priceFen: r.price_fen, currency: r.currency, scene: r.scene, image: r.image, notes: r.notes, listPriceFen: r.list_price_fen,
        flashPriceFen: r.flash_price_fen, stock: r.stock, tags: r.tags, sellingPoints: r.selling_points, cue: r.cue, createdAt: r.created_at, updatedAt: r.updated_at,
      }),
    },
    orders: {
      schema: order.and(z.object({ ts: time, refunded: z.int().nonnegative() })),
      value: (r) => ({ type: 'order', ts: r.ts, orderId: r.order_id, sku: r.sku, qty: r.qty, amount: r.amount_fen, ...(r.buyer === null ? {} : { buyer: r.buyer }), refunded: r.refunded_fen }),
    },
    refunds: { schema: refund.and(z.object({ ts: time })), value: (r) => ({ type: 'refund', ts: r.ts, orderId: r.order_id, amount: r.amount_fen }) },
    explain_segments: {
      schema: explainSegmentSchema.extend({ name: productInputSchema.shape.name, startedAt: time, endedAt: time.nullable() }),
      value: (r) => ({ sku: r.sku, name: r.name, startedAt: r.started_at, endedAt: r.ended_at }),
    },
    session_tags: { schema: tagSchema, value: (r) => r.tag },
    session_notes: { schema: z.object({ body: json(sessionNotesSchema), updatedAt: time }), value: (r) => ({ body: r.body, updatedAt: r.updated_at }) },
    review_marks: { schema: logged, value: same },
    platform_minutes: { schema: z.object({ platform: z.string().min(1).max(64), minute: z.int(), data: json(jsonObject) }), value: same },
    platform_sessions: { schema: z.object({ platform: z.string().min(1).max(64), data: json(jsonObject) }), value: same },
    platform_products: { schema: z.object({ platform: z.string().min(1).max(64), product_id: z.string().min(1).max(256), name: z.string().max(400), data: json(jsonObject) }), value: same },
    kpi_seconds: { schema: z.object({ second: z.int(), online: intOrNull, gmv_fen: z.int(), orders: z.int() }), value: same },
  };
}

/** Every cell: no blobs, no text beyond what the desk writes, INTEGER columns hold safe integers. */
function checkCells(row: Row, integerColumns: Set<string>, where: () => string): void {
  for (const [column, value] of Object.entries(row)) {
    if (value === null) continue;
    if (Buffer.isBuffer(value)) throw refuse(`${where()}: ${column} holds binary data`);
    if (typeof value === 'string' && value.length > MAX_CELL_CHARS) throw refuse(`${where()}: ${column} is ${value.length} characters long`);
    if (integerColumns.has(column) && !(typeof value === 'number' && Number.isSafeInteger(value))) throw refuse(`${where()}: ${column} must be an integer`);
  }
}

/**
 * Checks every row import would copy: the sessions, their rows in `tables`, and the products. Reads
 * only; throws a 400 naming the table, the row and the field of the first bad value. Yields after
 * every `slice` rows, so a caller can let the event loop breathe between slices (uploads do).
 */
export function* checkBundleRowSteps(probe: Db, tables: readonly string[], now: number, slice = 5_000): Generator<void, void, void> {
  const schemas = rowSchemas(now);
  for (const table of ['sessions', ...tables, 'products']) {
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const integerColumns = new Set(
      probe
        .prepare<[], { name: string; type: string }>(`PRAGMA table_info(${quoted})`)
        .all()
        .filter((c) => /INT/i.test(c.type))
        .map((c) => c.name),
    );
    const map = schemas[table];
    let n = 0;
    for (const row of probe.prepare<[], Row>(`SELECT * FROM ${quoted}`).iterate()) {
      n++;
      const where = () => `${table} row ${n}`;
      checkCells(row, integerColumns, where);
      if (map) {
        const result = map.schema.safeParse(map.value(row));
        if (!result.success) throw refuse(`${where()}: ${firstIssue(result.error).message}`);
      }
      if (n % slice === 0) yield;
    }
  }
}

/** The same checks in one go (start-up's folder import, where nothing else is running yet). */
export function checkBundleRows(probe: Db, tables: readonly string[], now: number): void {
  for (const step of checkBundleRowSteps(probe, tables, now, Number.MAX_SAFE_INTEGER)) void step;
}
