import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

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
