import { coded, DeskError } from '../contract/index.js';

/**
 * The one spreadsheet reader (STYLE §16): the catalog import and the platform-export import both read
 * their files here. XLSX is told by its zip signature whatever the file is called; anything else is
 * CSV/TSV in the encodings Chinese Excel and back offices write — UTF-8 (with or without BOM),
 * UTF-16 (with a BOM, or the BOM-less little-endian some exports use) or GB18030/GBK — separated by
 * `,`, `;` or tab.
 */
export type Cell = string | number | boolean | Date | null;

/** One row and the 1-based line (CSV line, sheet row) it starts on, for error reports. */
export interface SheetRow {
  line: number;
  cells: Cell[];
}

export interface Spreadsheet {
  format: 'csv' | 'xlsx';
  /** Rows with at least one non-empty cell. */
  rows: SheetRow[];
}

/** One CSV record; quoted fields may span lines. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export const isZip = (bytes: Uint8Array): boolean => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const blank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');

/** Reads an uploaded sheet; `field` names the request field a refusal points at. */
export async function readSpreadsheet(bytes: Buffer, field = 'file'): Promise<Spreadsheet> {
  if (!bytes.length) throw new DeskError('bad_request', coded('platformImport.emptyFile', {}, `${field}: the upload is empty`), { field });
  if (isZip(bytes)) {
    let data: Cell[][];
    try {
      // Loaded on the first workbook, not at start: the reader and its unzipper are 70 modules.
      const { readSheet } = await import('read-excel-file/node');
      data = (await readSheet(bytes)) as Cell[][];
    } catch (error) {
      throw new DeskError('bad_request', coded('platformImport.badXlsx', {}, `${field}: not a readable XLSX workbook (${(error as Error).message})`), { field });
    }
    return { format: 'xlsx', rows: data.map((cells, i) => ({ line: i + 1, cells })).filter((r) => !r.cells.every(blank)) };
  }
  return { format: 'csv', rows: parseCsv(decodeText(bytes)).filter((r) => !r.cells.every(blank)) };
}

/** Text of a CSV file in whichever encoding it was saved. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // BOM-less UTF-16LE: ASCII characters leave every other byte zero.
  if (bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) return new TextDecoder('utf-16le').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Excel on a Chinese Windows saves "CSV" as GBK, which GB18030 contains.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * The separator: of `,` `;` tab, the one the first line with any of them has most of — the header,
 * usually, since exports may open with a title line that has none.
 */
function guessSeparator(src: string): string {
  for (const line of src.split(/\r?\n/, 20)) {
    const counts = [',', ';', '\t'].map((sep) => ({ sep, n: line.split(sep).length - 1 }));
    const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
    if (best.n > 0) return best.sep;
  }
  return ',';
}

/** RFC 4180 CSV: quoted fields with "" escapes and embedded newlines, CRLF or LF, a leading BOM. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const sep = guessSeparator(src);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === sep) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += c;
    i++;
  }
  if (cell !== '' || cells.length) endRecord();
  return records;
}
