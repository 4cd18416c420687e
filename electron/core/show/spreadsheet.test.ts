import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv, readSpreadsheet } from './spreadsheet.js';

describe('parseCsv', () => {
  it('reads quotes, escaped quotes, embedded newlines and CRLF, numbering records by their first line', () => {
    const text = '\ufeffsku,name,notes\r\nA-1,"龙井, 250g","说 ""好""\r\n第二行"\r\nB-2,茶杯,\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['sku', 'name', 'notes'] },
      { line: 2, cells: ['A-1', '龙井, 250g', '说 "好"\r\n第二行'] },
      { line: 4, cells: ['B-2', '茶杯', ''] },
    ]);
  });

  it('guesses a semicolon or tab separator from the header', () => {
    expect(parseCsv('sku;name\nA;x').map((r) => r.cells)).toEqual([['sku', 'name'], ['A', 'x']]);
    expect(parseCsv('sku\tname\nA\tx, y').map((r) => r.cells)).toEqual([['sku', 'name'], ['A', 'x, y']]);
  });
});

describe('the one spreadsheet reader', () => {
  it('decodes UTF-8 with BOM, GBK and UTF-16 with or without a BOM', () => {
    expect(decodeText(Buffer.from('\ufeff时间', 'utf8'))).toBe('时间');
    expect(decodeText(Buffer.from([0xca, 0xb1, 0xbc, 0xe4]))).toBe('时间');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('时间', 'utf16le')]))).toBe('时间');
    expect(decodeText(Buffer.from('sku,名称', 'utf16le'))).toBe('sku,名称');
  });

  it('finds the separator below a title line and drops empty rows', async () => {
    const sheet = await readSpreadsheet(Buffer.from('直播间分钟级数据\n时间;在线人数\n20:00;"1,200"\n;\n'));
    expect(sheet).toEqual({ format: 'csv', rows: [{ line: 1, cells: ['直播间分钟级数据'] }, { line: 2, cells: ['时间', '在线人数'] }, { line: 3, cells: ['20:00', '1,200'] }] });
  });

  it('gives the catalog import the same encodings and separators as the platform import', async () => {
    const { readSheetRows } = await import('./catalog-import.js');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('货号\t商品名称\nA-1\t龙井\n', 'utf16le')]);
    expect(await readSheetRows('c.csv', utf16)).toMatchObject({ format: 'csv', headers: ['货号', '商品名称'], rows: [{ line: 2, cells: ['A-1', '龙井'] }] });
  });
});
