import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutProblems, textContrast } from './geometry.js';
import { shot, startDesk, type E2eDesk } from './harness.js';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1600, height: 900 },
  { width: 1920, height: 1080 },
] as const;

/**
 * Issue 17: the top bar fits a common studio laptop (1366×768) as well as 1600×900 and 1920×1080, in
 * Chinese and English, idle (title box, plan picker) and live (title, clock), with the rehearsal badge
 * readable. Geometry is measured in Chromium; screenshots are left for people to judge.
 */
describe('top bar fits at 1366×768, 1600×900 and 1920×1080 in zh and en', () => {
  let desk: E2eDesk;
  let page: Page;

  beforeAll(async () => {
    desk = await startDesk({ obs: { kind: 'demo' }, prefix: 'livedesk-e2e-topbar' });
    await desk.api('POST', '/plans', { name: '中秋茶礼 直播脚本 第一场', items: [{ kind: 'opening', minutes: 5 }] });
    page = await desk.console('/', { viewport: SIZES[0] });
    await page.locator('[data-testid="rehearsal-badge"]').waitFor();
  });

  afterAll(async () => desk?.stop());

  const inLang = async (lang: 'zh' | 'en') => {
    if ((await page.locator('html').getAttribute('lang'))?.startsWith(lang) !== true) await page.locator('.lang-toggle').click();
    await page.locator(`html[lang^="${lang}"]`).waitFor();
  };

  const check = async (label: string) => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await shot(page.locator('.top-bar'), `top-bar-${label}-${size.width}.png`);
      if (size.width === 1366) await shot(page, `console-${label}-1366.png`);
      const problems = await layoutProblems(page.locator('.top-bar'));
      expect(problems, `${label} at ${size.width}×${size.height}`).toEqual([]);
      // The numbers right under the bar: the online count (four digits in rehearsal) is never cut.
      const figures = await layoutProblems(page.locator('.kpis'), { minEllipsisPx: 10_000 });
      expect(figures.filter((p) => p.why.startsWith('cut')), `KPI figures, ${label} at ${size.width}×${size.height}`).toEqual([]);
    }
  };

  it('idle: the title box and plan picker are wide enough, nothing wraps, the rehearsal badge reads', async () => {
    for (const lang of ['zh', 'en'] as const) {
      await inLang(lang);
      await check(`idle-${lang}`);
      const badge = await textContrast(page.locator('[data-testid="rehearsal-badge"]'));
      expect(badge.backgroundImage).toBe('none');
      expect(badge.fontPx).toBeGreaterThanOrEqual(12);
      expect(badge.ratio).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('live: the title, clock and End fit with a long title, in both languages', async () => {
    await page.locator('.session-start input').fill('中秋茶礼专场 · 明前龙井与青瓷茶具 第一场彩排');
    await page.locator('.session-start button[type="submit"]').click();
    await page.locator('[data-testid="session-live"]').waitFor();
    for (const lang of ['en', 'zh'] as const) {
      await inLang(lang);
      await check(`live-${lang}`);
    }
  });

  it('after ending: the 查看复盘 link fits beside the title box and plan picker', async () => {
    await page.setViewportSize(SIZES[1]);
    await page.locator('[data-testid="session-live"] .btn-danger-outline').click();
    await page.locator('.confirm-dialog[open] .btn-danger').click();
    await page.locator('[data-testid="session-review-link"]').waitFor();
    for (const lang of ['zh', 'en'] as const) {
      await inLang(lang);
      await check(`ended-${lang}`);
    }
  });
});
