import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STRAY_BUNDLE_ENTRIES } from './proof-inputs.js';

/** Creates every stray `*.ldbundle` entry of the proof inputs in `dir`; returns their names. */
export function makeStrayBundles(dir: string): string[] {
  for (const { name, make } of STRAY_BUNDLE_ENTRIES) {
    const path = join(dir, name);
    switch (make) {
      case 'a symlink to nothing':
        symlinkSync(join(dir, 'nowhere', 'missing.ldbundle'), path);
        break;
      case 'a symlink to itself':
        symlinkSync(path, path);
        break;
      case 'a FIFO nobody writes':
        execFileSync('mkfifo', [path]);
        break;
      case 'a directory':
        mkdirSync(path);
        break;
      case 'a symlink to /dev/zero':
        symlinkSync('/dev/zero', path);
        break;
      case 'an empty file':
        writeFileSync(path, '');
        break;
      default:
        writeFileSync(path, 'not a bundle\n');
    }
  }
  return STRAY_BUNDLE_ENTRIES.map((e) => e.name);
}
