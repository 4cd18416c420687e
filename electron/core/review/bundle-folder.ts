import { closeSync, constants, fstatSync, openSync, readSync, writeSync, type Stats } from 'node:fs';

/** The largest bundle the desk copies out of its folder (the same bound as an upload). */
export const BUNDLE_FILE_LIMIT = 2 * 1024 * 1024 * 1024;
const CHUNK = 1024 * 1024;

/**
 * A `*.ldbundle` entry of the data dir, opened without ever blocking: start must not depend on a stray
 * file (DESIGN §8). O_NONBLOCK keeps a FIFO from hanging the open; fstat on the opened descriptor (not
 * a stat before it) decides, so a symlink swapped between the two cannot slip a device or pipe in.
 * Throws an Error whose message says why the entry is skipped.
 */
export function openFolderBundle(path: string): { fd: number; stat: Stats } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? 'skipped: a link to nothing' : code === 'ELOOP' ? 'skipped: a symlink loop' : `skipped: cannot be opened (${code ?? (error as Error).message})`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new Error('skipped: a directory, not a bundle file');
    if (!stat.isFile()) throw new Error('skipped: not a regular file (a pipe, socket or device)');
    if (stat.size > BUNDLE_FILE_LIMIT) throw new Error(`skipped: ${stat.size} bytes, over the ${BUNDLE_FILE_LIMIT}-byte limit`);
    return { fd, stat };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Copies an opened folder bundle into `dest` (scratch space), at most `stat.size` bytes, and closes it. */
export function copyFolderBundle(source: { fd: number; stat: Stats }, dest: string): void {
  const out = openSync(dest, 'w');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let position = 0;
    while (position < source.stat.size) {
      const n = readSync(source.fd, buffer, 0, Math.min(CHUNK, source.stat.size - position), position);
      if (n === 0) break;
      writeSync(out, buffer, 0, n);
      position += n;
    }
  } finally {
    closeSync(out);
    closeSync(source.fd);
  }
}
