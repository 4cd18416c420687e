import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.LIVEDESK_CHROMIUM ?? '/usr/bin/chromium';

/** Where e2e runs leave their screenshots, for people to look at (not asserted on). */
export const SHOTS_DIR = process.env.LIVEDESK_SHOTS ?? join(tmpdir(), 'livedesk-shots');

/**
 * Debian's Chromium, headless, with the background services off: on a closed network they would
 * only produce refused connections. Playwright gives each launch its own throwaway profile.
 */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
