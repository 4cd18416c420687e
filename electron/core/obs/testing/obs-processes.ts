import { accessSync, constants, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** Helpers for running OBS under Xvfb in its own process group and cleaning up after it (Linux). */

export function findInPath(binary: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

interface ProcInfo {
  pid: number;
  comm: string;
  state: string;
  pgrp: number;
}

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp …": comm may itself contain spaces and parentheses.
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const [state = '', , pgrp = ''] = stat.slice(close + 2).split(' ');
    return { pid, comm: stat.slice(open + 1, close), state, pgrp: Number(pgrp) };
  } catch {
    return null; // exited while we looked
  }
}

/** Live (non-zombie) members of a process group. */
export function groupMembers(pgid: number): ProcInfo[] {
  const members: ProcInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProc(Number(entry));
    if (info && info.pgrp === pgid && info.state !== 'Z' && info.state !== 'X') members.push(info);
  }
  return members;
}

export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Waits until no live process is left in the group; false if some still are after `timeoutMs`. */
export async function waitGroupGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (groupMembers(pgid).length === 0) return true;
    if (Date.now() >= deadline) return false;
    await delay(25);
  }
}

export interface XDisplay {
  xvfbPid: number;
  display: number;
}

/** The Xvfb server xvfb-run started in this group, so its lock files can be removed after a SIGKILL. */
export function findXvfb(pgid: number): XDisplay | null {
  for (const member of groupMembers(pgid)) {
    if (member.comm !== 'Xvfb') continue;
    try {
      const args = readFileSync(`/proc/${member.pid}/cmdline`, 'utf8').split('\0');
      const display = args.find((a) => /^:\d+$/.test(a));
      if (display) return { xvfbPid: member.pid, display: Number(display.slice(1)) };
    } catch {
      // exited meanwhile
    }
  }
  return null;
}

/**
 * A killed Xvfb leaves /tmp/.X<n>-lock behind and xvfb-run -a would skip that display forever; remove
 * the lock and socket only if they still belong to our (now dead) server.
 */
export function removeStaleXLock(x: XDisplay): void {
  const lock = `/tmp/.X${x.display}-lock`;
  try {
    if (Number(readFileSync(lock, 'utf8').trim()) !== x.xvfbPid) return;
  } catch {
    return;
  }
  rmSync(lock, { force: true });
  rmSync(`/tmp/.X11-unix/X${x.display}`, { force: true });
}
