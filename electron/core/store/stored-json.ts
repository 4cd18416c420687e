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
  const parsed = value === undefined ? null : schema.safeParse(value);
  if (parsed?.success) return parsed.data;
  if (!reported.has(where)) {
    reported.add(where);
    process.stderr.write(`livedesk: skipped a damaged stored value (${where}): ${parsed ? parsed.error.issues[0]?.message ?? 'invalid' : 'not JSON'}\n`);
  }
  return undefined;
}
