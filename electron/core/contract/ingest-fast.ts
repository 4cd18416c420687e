/** What the check vouches for; `ingest.ts` reads it as its `IngestEvent` (importing that here would close an import cycle). */
type IngestEvent = { readonly type: string; readonly ts: number } & Record<string, unknown>;

/**
 * A fast acceptance check for the common, well-formed ingest event, so a 10k-event batch does not pay
 * for zod on every event. It is deliberately narrower than `ingestEventSchema`: whatever it accepts,
 * the schema accepts unchanged (same object, no trimming needed); anything else goes through the
 * schema, which also writes the error message. The test checks the two agree.
 */
const isInt = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length >= 1 && v.length <= max;
const SKU = /^[^\s/?#]{1,64}$/;

const SNAPSHOT_KEYS = new Set(['type', 'ts', 'online', 'viewersUv', 'viewsPv', 'likes', 'comments', 'newFollowers', 'productExposures', 'productClicks', 'adSpend']);

function onlyKeys(o: Record<string, unknown>, allowed: number): boolean {
  let n = 0;
  for (const _ in o) n++;
  return n === allowed;
}

export function fastIngestEvent(value: unknown): IngestEvent | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const e = value as Record<string, unknown>;
  if (Object.getPrototypeOf(e) !== Object.prototype || !isInt(e.ts, 0)) return null;
  switch (e.type) {
    case 'like':
      return isInt(e.count, 1) && onlyKeys(e, 3) ? (e as IngestEvent) : null;
    case 'comment':
      return isText(e.user, 256) && typeof e.text === 'string' && e.text.length <= 2000 && onlyKeys(e, 4) ? (e as IngestEvent) : null;
    case 'enter':
    case 'follow':
      return isText(e.user, 256) && onlyKeys(e, 3) ? (e as IngestEvent) : null;
    case 'refund':
      return isText(e.orderId, 128) && isInt(e.amount, 0) && onlyKeys(e, 4) ? (e as IngestEvent) : null;
    case 'order': {
      const hasBuyer = 'buyer' in e;
      if (hasBuyer && !isText(e.buyer, 256)) return null;
      return isText(e.orderId, 128) && typeof e.sku === 'string' && SKU.test(e.sku) && isInt(e.qty, 1) && isInt(e.amount, 0) && onlyKeys(e, hasBuyer ? 7 : 6)
        ? (e as IngestEvent)
        : null;
    }
    case 'snapshot':
      for (const key in e) {
        if (!SNAPSHOT_KEYS.has(key)) return null;
        if (key !== 'type' && !isInt(e[key], 0)) return null;
      }
      return e as IngestEvent;
    default:
      return null;
  }
}
