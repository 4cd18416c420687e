import { describe, expect, it } from 'vitest';
import { fromStored, ruleUnit, toStored } from './rule-units.js';

describe('alert rule units', () => {
  it('types drops and rates in %, money in yuan, counts as they are', () => {
    expect(ruleUnit('online', 'drop')).toBe('pct');
    expect(ruleUnit('conversion', 'below')).toBe('pct');
    expect(ruleUnit('gmvFen', 'above')).toBe('yuan');
    expect(ruleUnit('online', 'below')).toBe('count');
    expect(toStored('20', 'pct')).toBe(0.2);
    expect(toStored('0.35', 'pct')).toBe(0.0035);
    expect(toStored('1280.5', 'yuan')).toBe(128_050);
    expect(toStored('', 'count')).toBeNull();
    expect(toStored('-1', 'count')).toBeNull();
    expect(toStored('abc', 'count')).toBeNull();
    expect(fromStored(0.2, 'pct')).toBe('20');
    expect(fromStored(128_050, 'yuan')).toBe('1280.50');
    expect(fromStored(undefined, 'count')).toBe('');
  });
});
