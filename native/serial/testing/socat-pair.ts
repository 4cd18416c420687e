import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface SocatPair {
  /** Stable symlinks to the two ends (socat re-creates them on restart, so a "replug" keeps the path). */
  a: string;
  b: string;
  /** The pseudo-terminals behind them, parsed from socat's stderr. */
  ptys: [string, string];
  pid: number;
  /** Kills socat: both ends vanish as an unplugged USB adapter would. */
  kill(): Promise<void>;
}

/**
 * A virtual null-modem cable: `socat -d -d pty,raw,echo=0 pty,raw,echo=0`, resolved once socat says
 * it is transferring data. Stopped by pid only.
 */
export function startSocatPair(dir: string, names: [string, string] = ['a', 'b']): Promise<SocatPair> {
  const a = join(dir, names[0]);
  const b = join(dir, names[1]);
  const child: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    let started = false;
    const ptys: string[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`socat did not start within 5 s: ${stderr}`));
    }, 5_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run socat (Debian package "socat"): ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`socat exited with ${code}: ${stderr}`));
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      stderr += text;
      for (const m of text.matchAll(/PTY is (\/dev\/pts\/\d+)/g)) ptys.push(m[1] as string);
      if (!started && ptys.length >= 2 && stderr.includes('starting data transfer loop')) {
        started = true;
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({
          a,
          b,
          ptys: [ptys[0] as string, ptys[1] as string],
          pid: child.pid as number,
          kill: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              process.kill(child.pid as number, 'SIGTERM');
            }),
        });
      }
    });
  });
}
