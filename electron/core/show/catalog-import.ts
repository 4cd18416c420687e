import { z } from 'zod';
import { columnMappingSchema, DeskError, firstIssue, IMPORT_FIELDS, parseOrThrow, productInputSchema, type ColumnMapping, type ImportField } from '../contract/index.js';
import { isZip, readSpreadsheet, type CsvRecord } from './spreadsheet.js';

type ParsedProduct = z.output<typeof productInputSchema>;

// Headers seen in 抖音/快手/淘宝 product sheets and in our own export, normalized (lowercase, no spaces).
const ALIASES: Record<ImportField, string[]> = {
  sku: ['sku', 'skuid', '货号', '商品编码', '商品编号', '商品id', '编码', 'code', 'id'],
  name: ['name', 'productname', '商品名称', '商品名', '名称', '品名', 'title', '标题'],
  priceFen: ['liveprice', 'price', '直播价', '到手价', '售价', '价格', '现价'],
  listPriceFen: ['listprice', 'originalprice', 'msrp', '原价', '划线价', '吊牌价', '市场价'],
  flashPriceFen: ['flashprice', 'flashsaleprice', 'flash-saleprice', '秒杀价', '秒杀'],
  stock: ['stock', 'inventory', 'qty', '库存', '数量'],
  tags: ['tags', 'tag', '标签'],
  sellingPoints: ['sellingpoints', 'sellingpoint', 'highlights', '卖点'],
  notes: ['scriptnotes', 'script', 'notes', '话术', '脚本', '备注', '讲解要点'],
  scene: ['scene', 'obsscene', '场景'],
  cue: ['lightingcue', 'lightcue', 'cue', 'light', '灯光', '灯光cue'],
  image: ['image', 'imageurl', 'picture', 'img', '图片', '主图', '商品图'],
};
const MONEY: ReadonlySet<ImportField> = new Set(['priceFen', 'listPriceFen', 'flashPriceFen']);
const LISTS: ReadonlySet<ImportField> = new Set(['tags', 'sellingPoints']);

const norm = (h: string) => h.toLowerCase().replace(/[\s_()（）【】[\]¥￥元]/g, '');

/** Guesses which column fills which field: exact header matches first, then the longest alias a header contains. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const heads = headers.map(norm);
  for (const field of IMPORT_FIELDS) {
    const i = heads.findIndex((h, idx) => !taken.has(idx) && ALIASES[field].includes(h));
    if (i >= 0) {
      mapping[field] = i;
      taken.add(i);
    }
  }
  const candidates: { field: ImportField; col: number; len: number }[] = [];
  for (const field of IMPORT_FIELDS) {
    if (mapping[field] !== undefined) continue;
    heads.forEach((h, col) => {
      if (taken.has(col)) return;
      const hit = ALIASES[field].filter((a) => a.length > 1 && h.includes(a)).sort((a, b) => b.length - a.length)[0];
      if (hit) candidates.push({ field, col, len: hit.length });
    });
  }
  for (const c of candidates.sort((a, b) => b.len - a.len)) {
    if (mapping[c.field] !== undefined || taken.has(c.col)) continue;
    mapping[c.field] = c.col;
    taken.add(c.col);
  }
  return mapping;
}

export const importRequestSchema = z.strictObject({
  /** The file name, used to tell CSV from XLSX (the content is sniffed too). */
  name: z.string().max(255).default('catalog.csv'),
  /** The file, base64. */
  data: z.string().min(1, 'data must not be empty: send the file as base64'),
  mapping: columnMappingSchema.optional(),
});

export interface SheetRows {
  format: 'csv' | 'xlsx';
  headers: string[];
  /** Data rows with their line (CSV line / spreadsheet row) for error reports. */
  rows: CsvRecord[];
}

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  // Spreadsheet floats: 39.9 arrives as 39.900000000000006.
  if (typeof v === 'number') return String(Math.round(v * 1e6) / 1e6);
  return String(v).trim();
};

/** Reads a CSV or XLSX file into a header row and data rows; refuses anything else with a clear 400. */
export async function readSheetRows(name: string, bytes: Buffer): Promise<SheetRows> {
  if (/\.xlsx$/i.test(name) && !isZip(bytes)) throw new DeskError('bad_request', `data: ${name} is not an XLSX file (no zip signature)`, { field: 'data' });
  if (/\.xls$/i.test(name) && !isZip(bytes)) throw new DeskError('bad_request', `data: ${name} is an old .xls file; save it as .xlsx or .csv`, { field: 'data' });
  const sheet = await readSpreadsheet(bytes, 'data');
  const [header, ...rows] = sheet.rows.map((r) => ({ line: r.line, cells: r.cells.map(cellText) }));
  if (!header) throw new DeskError('bad_request', `data: ${name} has no rows`, { field: 'data' });
  return { format: sheet.format, headers: header.cells.map((c) => c.trim()), rows };
}

/** "128", "¥1,280.50", "128元" → fen; null for an empty cell; an Error for anything else. */
export function parseYuan(text: string, inFen: boolean): number | null | Error {
  const t = text.replace(/[¥￥,，\s元]/g, '');
  if (t === '') return null;
  if (inFen) return /^\d+$/.test(t) ? Number(t) : new Error(`"${text}" is not a whole number of fen`);
  const m = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return new Error(`"${text}" is not a price in yuan (e.g. 128 or 128.50)`);
  const decimals = (m[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return new Error(`"${text}" has more than 2 decimals (fen is the smallest unit)`);
  return Number(m[1]) * 100 + Number(decimals.padEnd(2, '0'));
}

const splitList = (text: string, field: ImportField) =>
  text
    .split(field === 'tags' ? /[,，;；|、/]/ : /[;；|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

export interface RowError {
  line: number;
  field?: string;
  message: string;
}

/** Turns mapped rows into validated product inputs; a bad row becomes an error with its line, the rest are kept. */
/** Prices are read as yuan unless the column header says 分/fen. */
export function rowsToProducts(sheet: SheetRows, mapping: ColumnMapping): { products: ParsedProduct[]; errors: RowError[] } {
  if (mapping.sku == null || mapping.name == null || mapping.priceFen == null) {
    const missing = (['sku', 'name', 'priceFen'] as const).filter((f) => mapping[f] == null);
    throw new DeskError('bad_request', `mapping: map a column to ${missing.join(', ')} (required)`, { field: 'mapping' });
  }
  const products: ParsedProduct[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const row of sheet.rows) {
    const input: Record<string, unknown> = {};
    let error: RowError | null = null;
    for (const field of IMPORT_FIELDS) {
      const col = mapping[field];
      if (col == null) continue;
      const text = (row.cells[col] ?? '').trim();
      if (MONEY.has(field)) {
        const fen = parseYuan(text, /fen|分/i.test(sheet.headers[col] ?? ''));
        if (fen instanceof Error) error ??= { line: row.line, field, message: `${sheet.headers[col] ?? field}: ${fen.message}` };
        else if (fen !== null || field !== 'priceFen') input[field] = fen;
      } else if (field === 'stock') {
        if (text === '') input.stock = null;
        else if (/^\d+$/.test(text.replace(/[,，]/g, ''))) input.stock = Number(text.replace(/[,，]/g, ''));
        else error ??= { line: row.line, field, message: `${sheet.headers[col] ?? field}: "${text}" is not a whole number` };
      } else if (LISTS.has(field)) input[field] = splitList(text, field);
      else if (text !== '' || field === 'sku' || field === 'name') input[field] = text;
      else input[field] = null;
    }
    if (!error) {
      const parsed = productInputSchema.safeParse(input);
      if (!parsed.success) {
        const issue = firstIssue(parsed.error);
        error = { line: row.line, field: issue.field, message: issue.message };
      } else {
        const earlier = seen.get(parsed.data.sku);
        if (earlier !== undefined) error = { line: row.line, field: 'sku', message: `sku: "${parsed.data.sku}" already appears on line ${earlier}` };
        else {
          seen.set(parsed.data.sku, row.line);
          products.push(parsed.data);
        }
      }
    }
    if (error) errors.push(error);
  }
  return { products, errors };
}

export function decodeImportRequest(body: unknown) {
  const request = parseOrThrow(importRequestSchema, body);
  const bytes = Buffer.from(request.data, 'base64');
  if (!bytes.length) throw new DeskError('bad_request', 'data: not valid base64 or empty', { field: 'data' });
  return { ...request, bytes };
}
