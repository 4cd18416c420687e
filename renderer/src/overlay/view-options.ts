import type { Lang } from '../lib/i18n.js';

export type Theme = 'dark' | 'light' | 'brand';

export type ViewOptions<L extends string> = { layout: L; theme: Theme; lang: Lang };

const THEMES: readonly Theme[] = ['dark', 'light', 'brand'];

/**
 * Reads `?layout=&theme=&lang=` from an overlay URL. Unknown values fall back to the defaults (the
 * first layout, dark, Chinese) rather than a blank overlay on air.
 */
export function viewOptions<L extends string>(search: string, layouts: readonly [L, ...L[]]): ViewOptions<L> {
  const params = new URLSearchParams(search);
  const layout = layouts.find((l) => l === params.get('layout')) ?? layouts[0];
  const theme = THEMES.find((t) => t === params.get('theme')) ?? 'dark';
  const lang: Lang = params.get('lang') === 'en' ? 'en' : 'zh';
  return { layout, theme, lang };
}
