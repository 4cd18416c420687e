import { describe, expect, it } from 'vitest';
import { englishSentences, TEXT_CODES, TEXT_PARAMS, type TextCode } from '../contract.js';
import { detectLang, translate, type Lang } from './i18n.js';
import { DOMAIN_TABLES, en, zh } from './strings/index.js';

/** A plausible value for each param, chosen by the registry's naming conventions. */
function sampleParams(code: TextCode): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const name of TEXT_PARAMS[code] as readonly string[]) {
    if (name === 'unit') params[name] = 'fen';
    else if (name === 'kpi') params[name] = 'gmvFen';
    else if (name === 'name') params[name] = '';
    else if (name.endsWith('Fen') || name.endsWith('Ratio') || ['value', 'limit', 'count', 'row', 'key', 'keys', 'max'].includes(name)) params[name] = 2990;
    else params[name] = '春季新品';
  }
  return params;
}

describe('i18n', () => {
  it('picks Chinese for zh-* browsers and English otherwise', () => {
    expect(detectLang(['zh-CN', 'en'])).toBe('zh');
    expect(detectLang(['zh-TW'])).toBe('zh');
    expect(detectLang(['en-US', 'zh-CN'])).toBe('en');
    expect(detectLang([])).toBe('en');
    expect(detectLang(undefined)).toBe('en');
  });

  it('looks up and fills placeholders', () => {
    expect(translate('en', 'products.explain')).toBe('Explain');
    expect(translate('zh', 'products.explain')).toBe('讲解');
    expect(translate('en', 'conn.retryIn', { s: 3 })).toBe('retrying in 3s');
    expect(translate('zh', 'conn.retryIn', { s: 3 })).toBe('3 秒后重试');
    expect(translate('en', 'conn.retryIn')).toBe('retrying in {s}s');
  });

  it('has every key in both languages and the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key], key).toBeTypeOf('string');
      expect(names(zh[key]), key).toEqual(names(en[key]));
    }
  });

  it('joins the domain tables without one key shadowing another', () => {
    const sizes = Object.values(DOMAIN_TABLES).reduce((sum, [table]) => sum + Object.keys(table).length, 0);
    expect(sizes).toBe(Object.keys(en).length);
  });

  it('shows no English sentence anywhere in the Chinese table', () => {
    const english = Object.entries(zh).flatMap(([key, text]) => englishSentences(text).map((s) => `${key}: ${s}`));
    expect(english).toEqual([]);
  });
});

describe('coded texts from the core', () => {
  it('says every code of the contract in both languages, fully filled, and in Chinese without English', () => {
    expect(TEXT_CODES.length).toBeGreaterThan(100);
    for (const code of TEXT_CODES) {
      for (const lang of ['zh', 'en'] as Lang[]) {
        const text = translate(lang, { code, params: sampleParams(code) }, 'developer detail');
        expect(text.trim(), `${lang} ${code}`).not.toBe('');
        expect(text, `${lang} ${code} has an unfilled placeholder`).not.toMatch(/\{\w+\}/);
        expect(text, `${lang} ${code} fell back to the generic line`).not.toContain('developer detail');
        if (lang === 'zh') expect(englishSentences(text), `zh ${code}: ${text}`).toEqual([]);
      }
    }
  });

  it('uses every param its template declares and declares every param its template uses', () => {
    for (const code of TEXT_CODES) {
      const declared = new Set<string>(TEXT_PARAMS[code]);
      for (const lang of [en, zh]) {
        const used = [...lang[`msg.${code}`].matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
        for (const name of used) expect(declared.has(name), `msg.${code} uses {${name}}`).toBe(true);
      }
    }
  });

  it('shows money in yuan to the fen and ratios as percentages', () => {
    expect(translate('zh', { code: 'kpi.above', params: { kpi: 'gmvFen', name: '', unit: 'fen', value: 2990, limit: 100_000 } })).toBe('成交金额 为 ¥29.90（达到或高于 ¥1,000.00）。');
    expect(translate('en', { code: 'kpi.drop', params: { kpi: 'online', name: '', unit: 'count', value: 120, changeRatio: 0.25, limitRatio: 0.2, windowSec: 60 } })).toBe(
      'Online fell 25% in 60s (limit 20%), now 120.',
    );
  });

  it('groups quantities but not ids', () => {
    expect(translate('zh', { code: 'storage.dropped', params: { count: 12_345 } })).toBe('存储故障期间有 12,345 条日志未能保存。');
    expect(translate('zh', { code: 'obsLink.closed', params: { code: 1006 } })).toBe('连接已关闭（1006）。');
  });

  it('names ids it knows: OBS states, statuses, actions', () => {
    expect(translate('zh', { code: 'obs.down', params: { status: 'auth-failed' } })).toBe('OBS 断开（密码错误）。');
    expect(translate('zh', { code: 'action.needsConfirm', params: { action: 'obs.stream.stop' } })).toMatch(/^停播 需要确认/);
  });

  it('falls back to a generic translated line plus the developer message for an unknown code', () => {
    expect(translate('zh', { code: 'from.a.newer.core', params: { x: 1 } }, 'something new happened')).toBe('中控拒绝了操作（something new happened）');
    expect(translate('en', { code: 'from.a.newer.core', params: {} })).toBe('The desk refused: from.a.newer.core');
  });
});
