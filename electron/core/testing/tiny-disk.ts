import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A real, tiny file system for disk-trouble tests: a tmpfs mounted on `dir` (needs root or
 * CAP_SYS_ADMIN; callers skip with a message where it fails rather than fake a full disk).
 */
export function tryMount(dir: string, options: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const umount = (dir: string) => execFileSync('umount', [dir], { stdio: 'ignore' });

/** Fills the file system under `dir` until it refuses; returns the filler (remove it to free the space) and the refusal's code. */
export function fillDisk(dir: string): { filler: string; code: string | undefined } {
  const filler = join(dir, 'filler.bin');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) appendFileSync(filler, chunk);
  } catch (error) {
    return { filler, code: (error as NodeJS.ErrnoException).code };
  }
}
