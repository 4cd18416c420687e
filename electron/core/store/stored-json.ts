import type { z } from 'zod';

/**
 * Reads a stored JSON column without trusting it (DESIGN §8): rows come from other desks' bundles,
 * hand edits and bad disks too. A damaged value is reported on stderr (once per place, so a damaged
 * 2M-event log does not flood it) and answered with `undefined`; the caller skips or defaults that
 * one row and the desk keeps serving.
 */
const reported = new Set<string>();

export function storedJson<S extends z.ZodType>(text: unknown, schema: S, where: string): z.output<S> | undefined {
  let value: unknown;
  try {
    value = typeof text === 'string' ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    value = undefined;
  }
  if (value === undefined) return report(where, 'not JSON');
  return storedValue(value, schema, where);
}

/** The same for a row already read into its typed shape: checked with the schema live data passes. */
export function storedValue<S extends z.ZodType>(value: unknown, schema: S, where: string): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : report(where, `${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
}

function report(where: string, why: string): undefined {
  if (!reported.has(where)) {
    reported.add(where);
    process.stderr.write(`livedesk: skipped a damaged stored value (${where}): ${why}\n`);
  }
  return undefined;
}

/** A stored JSON object column on a hot path (the log): a plain parse and shape check, reported like the rest when damaged. */
export function storedObject(text: unknown, where: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = typeof text === 'string' ? JSON.parse(text) : undefined;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  return report(where, 'not a JSON object');
}
