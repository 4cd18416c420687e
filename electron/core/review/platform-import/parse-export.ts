import { coded, DeskError } from '../../contract/index.js';
import type { PlatformMinuteRow, PlatformProductRow } from '../../store/platform-repo.js';
import { MINUTE_COLUMNS, PLATFORM_MARKERS, PRODUCT_COLUMNS, matchColumns, normalizeHeader, type MinuteField, type ProductField } from './columns.js';
import type { Cell, Table } from './read-table.js';
import { parseMinute, parseNumber, yuanToFen } from './values.js';

export type Platform = 'douyin' | 'taobao';
export type ExportKind = 'minutes' | 'products';

export type ParsedExport =
  | { platform: Platform; kind: 'minutes'; header: string[]; rows: PlatformMinuteRow[]; skipped: number }
  | { platform: Platform; kind: 'products'; header: string[]; rows: PlatformProductRow[]; skipped: number };

export interface ParseOptions {
  platform?: Platform | undefined;
  tzOffsetMin: number;
  sessionStart: number;
}

const text = (cell: Cell | undefined): string => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim());

/** Exports often open with a title and an export-time line: the header is the row naming the most known columns. */
function findHeader(table: Table): { index: number; header: string[] } {
  let best = { index: -1, score: 0 };
  for (let i = 0; i < Math.min(table.length, 15); i++) {
    const header = (table[i] ?? []).map(text);
    const score = Object.keys(matchColumns(header, MINUTE_COLUMNS)).length + Object.keys(matchColumns(header, PRODUCT_COLUMNS)).length;
    if (score > best.score) best = { index: i, score };
  }
  if (best.index < 0 || best.score < 2) {
    const detail = 'file: no header row with known columns (e.g. 时间, 在线人数, 成交金额, 商品ID) in the first 15 rows; is this a 罗盘/巨量百应 or 生意参谋 export?';
    throw new DeskError('bad_request', coded('platformImport.noHeader', {}, detail), { field: 'file' });
  }
  return { index: best.index, header: (table[best.index] ?? []).map(text) };
}

export function detectPlatform(header: readonly string[]): Platform {
  const names = new Set(header.map(normalizeHeader));
  const score = (p: Platform) => PLATFORM_MARKERS[p].filter((m) => names.has(normalizeHeader(m))).length;
  return score('taobao') > score('douyin') ? 'taobao' : 'douyin';
}

/** Reads the figures of one row; a cell that is not a number names its row and column. */
function figures<F extends string>(row: Cell[], columns: Partial<Record<F, number>>, header: string[], rowNumber: number, skip: readonly F[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [field, index] of Object.entries(columns) as [F, number][]) {
    if (skip.includes(field)) continue;
    const value = parseNumber(row[index] ?? null);
    if (value === null) continue;
    if (Number.isNaN(value)) {
      const params = { row: rowNumber, column: header[index] ?? '', value: text(row[index]) };
      const detail = `file: row ${rowNumber}, column "${params.column}": "${params.value}" is not a number`;
      throw new DeskError('bad_request', coded('platformImport.notNumber', params, detail), { field: 'file', index: rowNumber });
    }
    out[field] = field === 'gmvFen' ? yuanToFen(value) : Math.round(value);
  }
  return out;
}

/** Turns a platform export into rows keyed by minute or by product. */
export function parseExport(table: Table, options: ParseOptions): ParsedExport {
  const { index, header } = findHeader(table);
  const platform = options.platform ?? detectPlatform(header);
  const productCols = matchColumns<ProductField>(header, PRODUCT_COLUMNS);
  const minuteCols = matchColumns<MinuteField>(header, MINUTE_COLUMNS);
  const body = table.slice(index + 1);
  let skipped = 0;

  if (productCols.productId !== undefined || (productCols.name !== undefined && minuteCols.minute === undefined)) {
    const rows: PlatformProductRow[] = [];
    body.forEach((row, i) => {
      const productId = text(row[productCols.productId ?? productCols.name ?? 0]);
      // Totals lines ("合计", "总计") summarise the rows above; counting them would double everything.
      if (!productId || /^(合计|总计|汇总)$/.test(productId)) return void skipped++;
      const name = productCols.name !== undefined ? text(row[productCols.name]) : productId;
      const sku = productCols.sku !== undefined ? text(row[productCols.sku]) || null : null;
      rows.push({ platform, productId, name, sku, figures: figures(row, productCols, header, index + i + 2, ['productId', 'name', 'sku']) });
    });
    return { platform, kind: 'products', header, rows, skipped };
  }

  if (minuteCols.minute === undefined) {
    const detail = `file: neither a time column (时间/分钟/统计时间) nor a product column (商品ID/商品名称) found; columns: ${header.join(', ')}`;
    throw new DeskError('bad_request', coded('platformImport.noKnownColumns', { columns: header.join(', ') }, detail), { field: 'file' });
  }
  const byMinute = new Map<number, PlatformMinuteRow>();
  body.forEach((row, i) => {
    const minute = parseMinute(row[minuteCols.minute as number] ?? null, options.tzOffsetMin, options.sessionStart);
    if (minute === null) return void skipped++;
    // A minute listed twice in one file: the later line is the platform's correction.
    byMinute.set(minute, { platform, minute, figures: figures(row, minuteCols, header, index + i + 2, ['minute']) });
  });
  return { platform, kind: 'minutes', header, rows: [...byMinute.values()].sort((a, b) => a.minute - b.minute), skipped };
}
