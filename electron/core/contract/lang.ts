/** The two languages people read LiveDesk in. */
export type Lang = 'zh' | 'en';

/** Chinese for any zh-* first preferred language, English otherwise: the console's and the shell's rule. */
export function detectLang(languages: readonly string[] | undefined): Lang {
  const first = languages?.[0]?.toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh' : 'en';
}

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}
