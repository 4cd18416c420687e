import { describe, expect, it } from 'vitest';
import { matchColumns } from './columns.js';
import { parseMinute, parseNumber, parseRate, parseSeconds, parseTz, yuanToFen } from './values.js';

const START = Date.UTC(2026, 10, 11, 11, 55); // 19:55 Beijing

describe('export values', () => {
  it('reads counts and amounts as the platforms write them', () => {
    expect(parseNumber('12,345')).toBe(12_345);
    expect(parseNumber('1.2万')).toBe(12_000);
    expect(parseNumber('3.5w')).toBe(35_000);
    expect(parseNumber('¥1,280.50')).toBe(1_280.5);
    expect(parseNumber('--')).toBeNull();
    expect(parseNumber('')).toBeNull();
    expect(parseNumber(42)).toBe(42);
    expect(parseNumber('abc')).toBeNaN();
    expect(parseRate('12.5%')).toBe(0.125);
    expect(parseRate('1,234.5%')).toBeCloseTo(12.345, 10);
    expect(parseRate(0.031)).toBe(0.031);
    expect(parseRate('-')).toBeNull();
    expect(parseSeconds('00:01:23')).toBe(83);
    expect(parseSeconds('1:23')).toBe(83);
    expect(parseSeconds('1分23秒')).toBe(83);
    expect(parseSeconds('45.5')).toBe(45.5);
    expect(yuanToFen(2_560.5)).toBe(256_050);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(1_179.9)).toBe(117_990);
  });

  it('reads minutes in Beijing time, with or without a date, across midnight', () => {
    expect(parseMinute('2026-11-11 20:01', 480, START)).toBe(Date.UTC(2026, 10, 11, 12, 1));
    expect(parseMinute('2026/11/11 20:01:59', 480, START)).toBe(Date.UTC(2026, 10, 11, 12, 1));
    expect(parseMinute('20:01', 480, START)).toBe(Date.UTC(2026, 10, 11, 12, 1));
    expect(parseMinute('00:10', 480, START)).toBe(Date.UTC(2026, 10, 11, 16, 10));
    expect(parseMinute(new Date(Date.UTC(2026, 10, 11, 19, 59, 59, 999)), 480, START)).toBe(Date.UTC(2026, 10, 11, 12, 0));
    expect(parseMinute('合计', 480, START)).toBeNull();
    expect(parseTz('+08:00')).toBe(480);
    expect(parseTz('-0530')).toBe(-330);
    expect(parseTz(null)).toBe(480);
    expect(parseTz('Asia/Shanghai')).toBeNull();
  });

  it('matches old and new column names, full-width brackets and units', () => {
    expect(matchColumns(['时间', '用户支付金额（元）', '实时在线人数']).fields).toEqual({ minute: 0, payFen: 1, online: 2 });
    expect(matchColumns(['统计时间', '成交金额(元)']).fields).toEqual({ minute: 0, gmvFen: 1 });
    // 成交金额 and 用户支付金额 are two figures; 人数 and 次数 are two figures; an unknown column is listed.
    expect(matchColumns(['直播间成交金额', '直播间用户支付金额', '商品曝光-点击率(次数)', '商品曝光-点击率(人数)', '神秘指标'])).toEqual({
      fields: { gmvFen: 0, payFen: 1, clickRatePv: 2, clickRate: 3 },
      unknown: ['神秘指标'],
    });
  });
});
