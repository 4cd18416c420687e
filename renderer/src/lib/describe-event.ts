import type { SessionEvent } from '../contract.js';
import { describeDeviceEvent } from './describe-device-event.js';
import { formatClock, formatMoney } from './format.js';
import { isStringKey, type StringKey, type Translate } from './i18n.js';

export type EventTone = 'info' | 'warn' | 'error' | 'money' | 'scene' | 'product' | 'session';
export type EventLine = { label: string; detail: string; tone: EventTone };

type Data = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Data | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : null);

/** An action type by its name in the console's language ("obs.stream.stop" → "停播"), else as it is. */
export function actionName(t: Translate, type: string): string {
  const key = `act.${type}`;
  return isStringKey(key) ? t(key) : type;
}

/**
 * The coded text a log line carries (`code` + `params` beside the developer sentence), translated; a
 * line logged before codes existed shows its sentence as it was stored.
 */
function codedLine(d: Data, t: Translate, sentence: string | null): string {
  const code = str(d['code']);
  const params = obj(d['params']);
  if (code && params) return t({ code, params: params as Record<string, string | number> }, sentence ?? undefined);
  return sentence ?? '';
}

/** "切换场景 · 商品特写" — an action by its name in the reader's language, plus its one interesting argument. */
export function summarizeAction(action: unknown, t: Translate): string {
  const a = obj(action);
  if (!a) return '?';
  const type = str(a['type']);
  const arg = str(a['scene']) ?? str(a['sku']) ?? str(a['title']) ?? str(a['label']) ?? str(a['cue']);
  const name = type ? actionName(t, type) : '?';
  return arg ? `${name} · ${arg}` : name;
}

/** Where an action came from ("中控台", "按键板"), or the logged surface as it is when unknown. */
function originName(t: Translate, surface: string): string {
  const key = `origin.${surface}`;
  return isStringKey(key) ? t(key) : surface;
}

function compact(data: Data): string {
  const text = Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** One event of a session log as a short, human line for the console's log and the review. */
export function describeEvent(event: SessionEvent, t: Translate, currency = 'CNY'): EventLine {
  const d = event.data;
  const money = (v: unknown) => formatMoney(num(v) ?? 0, currency);
  const labelKey = `ev.${event.kind}` as StringKey;
  const known = t(labelKey) !== labelKey;
  const label = known ? t(labelKey) : event.kind;
  switch (event.kind) {
    case 'action': {
      const origin = str(obj(d['origin'])?.['surface']);
      return { label, detail: [summarizeAction(d['action'], t), origin && t('ev.by', { origin: originName(t, origin) })].filter(Boolean).join('  '), tone: 'info' };
    }
    case 'action.refused': {
      const text = obj(d['text']);
      const why = text ? codedLine(text, t, str(d['refused'])) : (str(d['refused']) ?? '');
      return { label, detail: `${summarizeAction(d['action'], t)}: ${why}`, tone: 'error' };
    }
    case 'marker':
    case 'mark': {
      const text = str(d['label']) ?? '';
      const preset = `mark.${text}` as StringKey;
      return { label, detail: t(preset) !== preset ? t(preset) : text, tone: 'session' };
    }
    case 'plan.start':
      return { label, detail: `${str(d['name']) ?? ''} · ${num(d['segments']) ?? 0}`, tone: 'session' };
    case 'plan.segment': {
      const kind = str(d['kind']) ?? '?';
      const key = `kind.${kind}` as StringKey;
      const what = [t(key) !== key ? t(key) : kind, str(d['sku']) ?? str(d['title'])].filter(Boolean).join(' · ');
      return { label, detail: `${(num(d['index']) ?? 0) + 1}. ${what}`, tone: 'session' };
    }
    case 'plan.leave':
    case 'plan.resume':
      return { label, detail: str(d['sku']) ?? '', tone: 'warn' };
    case 'pacing.reminder': {
      const key = `reminder.${str(d['kind']) ?? ''}` as StringKey;
      return { label, detail: t(key) !== key ? t(key) : (str(d['kind']) ?? ''), tone: 'warn' };
    }
    case 'flashsale.start':
      return { label, detail: `${str(d['name']) ?? str(d['sku']) ?? '?'}  ${money(d['priceFen'])}`, tone: 'money' };
    case 'flashsale.warmup':
      return { label, detail: `${str(d['name']) ?? str(d['sku']) ?? '?'}  ${money(d['priceFen'])} · ${t('ev.warmup', { s: num(d['warmupSeconds']) ?? 0 })}`, tone: 'money' };
    case 'flashsale.cancel': {
      const reason = str(d['reason']) ?? '';
      const key = `flash.reason.${reason}` as StringKey;
      return { label, detail: `${str(d['sku']) ?? '?'} · ${t(key) !== key ? t(key) : reason}`, tone: 'warn' };
    }
    case 'flashsale.end': {
      const reason = str(d['reason']) ?? '';
      const key = `flash.reason.${reason}` as StringKey;
      return { label, detail: `${str(d['sku']) ?? '?'} · ${t(key) !== key ? t(key) : reason} · ${num(d['sold']) ?? 0} · ${money(d['gmvFen'])}`, tone: 'money' };
    }
    case 'press': {
      // A hardware press: which surface and key, what it was bound to, and what the guards made of it.
      const key = num(d['key']);
      const outcome = str(d['outcome']) ?? '?';
      const bound = str(d['action']);
      const what = bound === null ? '—' : bound.startsWith('page:') ? t('act.deck.page') : actionName(t, bound);
      const detail = `${str(d['surface']) ?? '?'} #${key === null ? '?' : key + 1} ${what} · ${t(`ev.press.${outcome}` as StringKey)}`;
      return { label, detail, tone: outcome === 'fired' || outcome === 'held' || outcome === 'page' ? 'info' : 'warn' };
    }
    case 'alert': {
      const level = str(d['level']);
      return { label, detail: codedLine(d, t, str(d['text'])), tone: level === 'error' ? 'error' : level === 'warn' ? 'warn' : 'info' };
    }
    case 'alert.clear':
      return { label, detail: codedLine(d, t, str(d['text']) ?? str(d['id'])), tone: 'info' };
    case 'session.start':
      return { label, detail: str(d['title']) ?? '', tone: 'session' };
    case 'session.end': {
      const parts = [`GMV ${money(d['gmvFen'])}`];
      const orders = num(d['orders']);
      if (orders !== null) parts.push(t('ev.orders', { n: orders }));
      return { label, detail: parts.join(' · '), tone: 'session' };
    }
    case 'obs.status': {
      const status = str(d['status']) ?? '?';
      const statusKey = `obsStatus.${status}`;
      const reasonText = obj(d['reasonText']);
      const reason = reasonText ? codedLine(reasonText, t, str(d['reason'])) : str(d['reason']);
      const word = isStringKey(statusKey) ? t(statusKey) : status;
      return { label, detail: reason ? `${word} — ${reason}` : word, tone: status === 'connected' ? 'info' : 'warn' };
    }
    case 'obs.scene':
      return { label, detail: `${str(d['from']) ?? '—'} → ${str(d['scene']) ?? '—'}`, tone: 'scene' };
    case 'explain.start': {
      const name = str(d['name']) ?? str(d['sku']) ?? '?';
      const price = num(d['priceFen']);
      return { label, detail: price === null ? name : `${name}  ${money(price)}`, tone: 'product' };
    }
    case 'explain.end': {
      const seconds = num(d['seconds']);
      return { label, detail: `${str(d['sku']) ?? '?'}${seconds === null ? '' : `  ${formatClock(seconds * 1000)}`}`, tone: 'product' };
    }
    case 'ingest.order': {
      const qty = num(d['qty']);
      return { label, detail: `${str(d['sku']) ?? '?'}${qty && qty > 1 ? ` ×${qty}` : ''}  ${money(d['amount'])}`, tone: 'money' };
    }
    case 'ingest.refund':
      return { label, detail: `${str(d['orderId']) ?? '?'}  −${money(d['amount'])}`, tone: 'warn' };
    case 'ingest.snapshot': {
      const online = num(d['online']);
      return { label, detail: online === null ? compact(d) : t('ev.online', { n: online }), tone: 'info' };
    }
    default: {
      const device = describeDeviceEvent(event.kind, d);
      return device ? { label, ...device } : { label, detail: compact(d), tone: 'info' };
    }
  }
}
