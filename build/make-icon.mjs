// Renders build/icon.svg to build/icon.png (512×512, transparent corners) with the local Chromium:
// `node build/make-icon.mjs`. electron-builder derives the Windows and macOS icons from the PNG.
// Set CHROMIUM_PATH if Chromium is not at /usr/bin/chromium.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(path.join(here, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(here, 'icon.png'), omitBackground: true });
  console.log(`wrote ${path.join(here, 'icon.png')}`);
} finally {
  await browser.close();
}
