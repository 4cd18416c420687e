/**
 * The compact desk KPI window (DESIGN §1): the core's `/kpi` page in a small frameless-feeling window
 * that stays above OBS and the console, so the field controller sees the numbers over any app. Pure
 * data, so it is tested without the Electron binary; windows.ts turns it into a BrowserWindow.
 */
export const KPI_WINDOW_SPEC = {
  route: '/kpi',
  title: 'LiveDesk KPI',
  width: 460,
  height: 720,
  minWidth: 300,
  minHeight: 320,
  alwaysOnTop: true,
} as const;

/**
 * The level it floats at. 'screen-saver' would sit above full-screen OBS projectors as well; a KPI
 * list over the program output the host watches would be worse than one that hides behind it.
 */
export const KPI_WINDOW_LEVEL = 'floating' as const;

export function kpiWindowUrl(coreUrl: string, lang?: 'zh' | 'en'): string {
  const url = new URL(KPI_WINDOW_SPEC.route, coreUrl);
  if (lang) url.searchParams.set('lang', lang);
  return url.href;
}
