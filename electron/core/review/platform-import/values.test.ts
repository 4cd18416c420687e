import { describe, expect, it } from 'vitest';
import { matchColumns, MINUTE_COLUMNS } from './columns.js';
import { decodeText, parseDelimited } from './read-table.js';
import { parseMinute, parseNumber, parseTz, yuanToFen } from './values.js';

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

  it('decodes UTF-8 with BOM, GBK and UTF-16, and parses quoted CSV and TSV', () => {
    expect(decodeText(Buffer.from('\ufeff时间', 'utf8'))).toBe('时间');
    expect(decodeText(Buffer.from([0xca, 0xb1, 0xbc, 0xe4]))).toBe('时间');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('时间', 'utf16le')]))).toBe('时间');
    expect(parseDelimited('a,"b,1","say ""hi"""\r\n1,2,3\n\n')).toEqual([['a', 'b,1', 'say "hi"'], ['1', '2', '3']]);
    expect(parseDelimited('时间\t在线人数\n20:00\t1,200\n')).toEqual([['时间', '在线人数'], ['20:00', '1,200']]);
  });

  it('matches old and new column names, full-width brackets and units', () => {
    expect(matchColumns(['时间', '用户支付金额（元）', '实时在线人数'], MINUTE_COLUMNS)).toMatchObject({ minute: 0, gmvFen: 1, online: 2 });
    expect(matchColumns(['统计时间', '成交金额(元)'], MINUTE_COLUMNS)).toMatchObject({ minute: 0, gmvFen: 1 });
  });
});
