import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeskError } from '../contract/index.js';

/** Where a headless Chromium may live on the machines the desk runs on; LIVEDESK_CHROMIUM wins. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
const PRINT_TIMEOUT_MS = 60_000;

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const own = env.LIVEDESK_CHROMIUM;
  if (own) return existsSync(own) ? own : null;
  return CANDIDATES.find((c) => existsSync(c)) ?? null;
}

/**
 * The PDF of the HTML report where Electron's printer is absent (a browser tab, a headless desk):
 * headless Chromium prints the very same report, so the PDF and the HTML cannot disagree. The page
 * is written to scratch space and printed from a file URL; the report fetches nothing (its CSP says so).
 */
export async function htmlToPdf(html: string, scratchDir: string, chromium = findChromium()): Promise<Buffer> {
  if (!chromium) {
    throw new DeskError('conflict', 'format=pdf needs Chromium on this machine (set LIVEDESK_CHROMIUM); export the HTML report and print it instead');
  }
  mkdirSync(scratchDir, { recursive: true });
  const dir = mkdtempSync(join(scratchDir, 'pdf-'));
  try {
    const page = join(dir, 'report.html');
    const out = join(dir, 'report.pdf');
    writeFileSync(page, html);
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${out}`, `file://${page}`];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      const timer = setTimeout(() => child.kill('SIGKILL'), PRINT_TIMEOUT_MS);
      child.on('error', (error) => (clearTimeout(timer), reject(error)));
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (code === 0 && existsSync(out)) resolve();
        else reject(new DeskError('internal', `Chromium could not print the report (exit ${code}): ${stderr.trim().split('\n').at(-1) ?? ''}`));
      });
    });
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
