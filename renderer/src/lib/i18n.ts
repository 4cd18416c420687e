import { en, zh, type StringKey } from './strings.js';

export type Lang = 'zh' | 'en';
export type Vars = Record<string, string | number>;
export type Translate = (key: StringKey, vars?: Vars) => string;

const TABLES: Record<Lang, Record<StringKey, string>> = { en, zh };

/** Chinese for any zh-* browser language, English otherwise. */
export function detectLang(languages: readonly string[] | undefined): Lang {
  const first = languages?.[0]?.toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh' : 'en';
}

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** Looks `key` up in `lang` (falling back to English) and fills `{name}` placeholders from `vars`. */
export function translate(lang: Lang, key: StringKey, vars?: Vars): string {
  const text = TABLES[lang][key] ?? en[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type { StringKey };
