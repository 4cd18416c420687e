import type { IncomingMessage } from 'node:http';
import { coded, DeskError } from '../contract/index.js';

/** Reads a binary body (a file upload) up to `limit` bytes; a larger one is refused with 413. */
export async function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw new DeskError('payload_too_large', coded('request.tooLarge', { limit }, `file is ${declared} bytes; the limit is ${limit}`));
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new DeskError('payload_too_large', coded('request.tooLarge', { limit }, `file exceeds the limit of ${limit} bytes`));
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
