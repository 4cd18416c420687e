import { type CodedTextWire, type Lang, type TextParam } from '../contract.js';
import { formatMoney, groupThousands } from './format.js';
import { KPI_LABEL } from './kpi-labels.js';
import { en, zh, type StringKey } from './strings/index.js';

export { detectLang, isLang, type Lang } from '../contract.js';
export type Vars = Record<string, string | number>;

/**
 * The one translate function: a key of the tables with `{name}` values, or a coded text from the core
 * (an error, alert or log line) with the developer sentence to fall back on for a code it does not know.
 */
export interface Translate {
  (key: StringKey, vars?: Vars): string;
  (text: CodedTextWire, detail?: string): string;
}

const TABLES: Record<Lang, Record<StringKey, string>> = { en, zh };

export function isStringKey(key: string): key is StringKey {
  return Object.hasOwn(en, key);
}

function fill(text: string, vars: Vars | undefined): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A word the core sends as an id (a status, a command, an action type), shown by its name when known. */
const PARAM_WORDS: Record<string, Record<string, string>> = {
  'obs.notConnected': { status: 'obsStatus.' },
  'obs.down': { status: 'obsStatus.' },
  'serial.status': { status: 'dev.status.' },
  'controls.problem': { status: 'ctl.status.' },
  'session.notInterrupted': { status: 'review.status.' },
  'scale.noCommand': { command: 'scale.' },
  'action.needsConfirm': { action: 'act.' },
  'hotkey.needsLongPress': { action: 'act.' },
};

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

function formatParam(lang: Lang, text: CodedTextWire, name: string, value: TextParam): string | number {
  const { params } = text;
  if (typeof value === 'number') {
    // Money travels as integer fen and ratios as fractions; `value`/`limit` follow the `unit` param.
    const unit = name === 'value' || name === 'limit' ? params['unit'] : undefined;
    if (name.endsWith('Fen') || unit === 'fen') return formatMoney(value);
    if (name.endsWith('Ratio') || unit === 'ratio') return percent(value);
    // Quantities read better grouped (12,345); ids such as a close code 1006 or a row number do not.
    return unit === 'count' || name === 'count' ? groupThousands(value) : String(value);
  }
  if (name === 'kpi') {
    const label = typeof params['name'] === 'string' && params['name'] ? params['name'] : null;
    const key = KPI_LABEL[value as keyof typeof KPI_LABEL] as StringKey | undefined;
    return label ?? (key ? TABLES[lang][key] : value);
  }
  const prefix = PARAM_WORDS[text.code]?.[name];
  const key = prefix ? `${prefix}${value}` : null;
  return key && isStringKey(key) ? TABLES[lang][key] : value;
}

function say(lang: Lang, text: CodedTextWire, detail: string | undefined): string {
  const key = `msg.${text.code}`;
  if (!isStringKey(key)) return fill(TABLES[lang]['msg.unknown'], { detail: detail || text.code });
  const vars: Vars = {};
  for (const [name, value] of Object.entries(text.params)) vars[name] = formatParam(lang, text, name, value);
  return fill(TABLES[lang][key], vars);
}

/** Looks `key` up in `lang` (falling back to English) and fills `{name}` placeholders from `vars`. */
export function translate(lang: Lang, key: StringKey, vars?: Vars): string;
/** Says a coded text from the core in `lang`; an unknown code gives a generic sentence plus `detail`. */
export function translate(lang: Lang, text: CodedTextWire, detail?: string): string;
export function translate(lang: Lang, what: StringKey | CodedTextWire, extra?: Vars | string): string {
  if (typeof what !== 'string') return say(lang, what, typeof extra === 'string' ? extra : undefined);
  const text = TABLES[lang][what] ?? en[what] ?? what;
  return fill(text, typeof extra === 'object' ? extra : undefined);
}

/** `translate` bound to one language. */
export function translator(lang: Lang): Translate {
  return ((what: StringKey | CodedTextWire, extra?: Vars | string) => translate(lang, what as StringKey, extra as Vars)) as Translate;
}

export type { StringKey };
