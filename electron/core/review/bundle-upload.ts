import { open } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { coded, DeskError } from '../contract/index.js';
import { isStorageError } from '../engine/storage-guard.js';
import { BUNDLE_FILE_LIMIT } from './bundle-folder.js';
import { removeBundleFile } from './bundle.js';

/** What an upload needs: scratch space, and the import (on the bus: a `review.import` action) of the received file. */
export interface BundleUploadDeps {
  scratchFile(): string;
  importFile(file: string): Promise<unknown>;
}

/** File-system codes that mean the disk, not the bundle: answered like every other refused write. */
const DISK_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO']);

function asStorageFailure(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!isStorageError(error) && !(typeof code === 'string' && DISK_CODES.has(code))) return error;
  const why = code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT' ? 'the disk is full' : code === 'EROFS' || code === 'SQLITE_READONLY' ? 'the data dir is read-only' : `the disk failed (${code})`;
  return new DeskError('storage_unavailable', coded('bundle.noSpace', {}, `the desk cannot store the bundle: ${why}. Nothing of it was imported; retry when there is space`));
}

/**
 * Streams an uploaded bundle into scratch space, then hands it to the import (which checks and
 * imports it in slices, so the desk keeps answering); the scratch copy is always removed. A full or
 * read-only disk answers 503 storage_unavailable, like every other write.
 */
export async function importUploadedBundle(deps: BundleUploadDeps, req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (/^application\/json\b/i.test(type)) throw new DeskError('bad_request', coded('bundle.sendFile', {}, 'send the bundle file itself as the body (application/octet-stream), not JSON'));
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > BUNDLE_FILE_LIMIT) throw new DeskError('payload_too_large', coded('bundle.tooLarge', { limit: BUNDLE_FILE_LIMIT }, `bundle is ${declared} bytes; the limit is ${BUNDLE_FILE_LIMIT}`));
  let file: string | null = null;
  try {
    file = deps.scratchFile();
    // Written by hand, not piped: a write error (a full disk) must not cut the request, or the client
    // sees a reset instead of the 503; the rest of the body is read and dropped.
    const out = await open(file, 'w');
    let size = 0;
    let writeFailure: unknown = null;
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > BUNDLE_FILE_LIMIT) throw new DeskError('payload_too_large', coded('bundle.tooLarge', { limit: BUNDLE_FILE_LIMIT }, `bundle exceeds the limit of ${BUNDLE_FILE_LIMIT} bytes`));
        if (writeFailure === null) await out.write(chunk).catch((error: unknown) => (writeFailure = error));
      }
    } finally {
      await out.close().catch((error: unknown) => (writeFailure ??= error));
    }
    if (writeFailure !== null) throw writeFailure;
    if (size === 0) throw new DeskError('bad_request', coded('bundle.empty', {}, 'body is empty; send a session bundle file'));
    return await deps.importFile(file);
  } catch (error) {
    throw asStorageFailure(error);
  } finally {
    if (file) removeBundleFile(file);
  }
}
