import { describe, expect, it } from 'vitest';
import { detectLang, translate } from './i18n.js';
import { en, zh } from './strings.js';

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
});
