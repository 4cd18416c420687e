import { readSheet } from 'read-excel-file/node';
import { coded, DeskError } from '../../contract/index.js';

export type Cell = string | number | boolean | Date | null;
export type Table = Cell[][];

const isZip = (bytes: Buffer) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * Reads an export as rows of cells: XLSX (recognised by its zip signature, whatever the name says) or
 * CSV/TSV in UTF-8 (with or without BOM), UTF-16 or GBK, the encodings Chinese Excel writes.
 */
export async function readTable(bytes: Buffer): Promise<Table> {
  if (!bytes.length) throw new DeskError('bad_request', coded('platformImport.emptyFile', {}, 'file: the upload is empty'));
  if (isZip(bytes)) {
    try {
      return (await readSheet(bytes)) as Table;
    } catch (error) {
      throw new DeskError('bad_request', coded('platformImport.badXlsx', {}, `file: not a readable XLSX workbook (${(error as Error).message})`), { field: 'file' });
    }
  }
  return parseDelimited(decodeText(bytes));
}

export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Excel on a Chinese Windows saves "CSV" as GBK (GB18030 is its superset).
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, newlines in quotes); a tab in the first line makes it TSV. */
export function parseDelimited(text: string): Table {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: Table = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell !== ''));
}
