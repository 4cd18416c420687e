import { DeskError } from '../../contract/index.js';
import type { Cell, SheetRow } from '../../show/spreadsheet.js';
import type { PlatformFigures, PlatformMinuteRow, PlatformProductRow } from '../../store/platform-repo.js';
import { COLUMNS, matchColumns, normalizeHeader, PLATFORM_MARKERS, type ColumnField } from './columns.js';
import { parseNumber, parseRate, parseSeconds, parseTime, yuanToFen } from './values.js';

export type Platform = 'douyin' | 'taobao';
/** Per minute (罗盘/百应 trend tables, 生意参谋 大盘), per product (rankings, 分商品效果), per session (直播间列表, 分场次). */
export type ExportKind = 'minutes' | 'products' | 'sessions';

export interface ParsedExport {
  platform: Platform;
  kind: ExportKind;
  header: string[];
  /** Headers read into figures or keys. */
  read: string[];
  /** Headers no known field reads: listed so nothing is dropped unseen. */
  unknownColumns: string[];
  minutes: PlatformMinuteRow[];
  products: PlatformProductRow[];
  /** The row of a per-session list that is this session, and how many rows were other sessions. */
  session: PlatformFigures | null;
  otherSessions: number;
  /** Totals lines (合计) and rows without a key. */
  skipped: number;
}

export interface ParseOptions {
  platform?: Platform | undefined;
  tzOffsetMin: number;
  sessionStart: number;
}

const TOTALS = /^(合计|总计|汇总|全部|total)/i;
/** A per-session list row belongs to this session when it started within this much of it. */
const SAME_SESSION_MS = 3 * 3_600_000;

export const cellText = (cell: Cell | undefined): string =>
  cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim();

/** Exports often open with a title and an export-time line: the header is the row naming the most known columns. */
function findHeader(rows: readonly SheetRow[]): number {
  let best = { index: -1, score: 0 };
  for (let i = 0; i < Math.min(rows.length, 15); i++) {
    const score = Object.keys(matchColumns((rows[i]?.cells ?? []).map(cellText)).fields).length;
    if (score > best.score) best = { index: i, score };
  }
  if (best.index < 0 || best.score < 2) {
    throw new DeskError('bad_request', 'file: no header row with known columns (e.g. 时间, 在线人数, 成交金额, 商品名称, 直播开始时间) in the first 15 rows; is this a 罗盘/巨量百应 or 生意参谋 export?', { field: 'file' });
  }
  return best.index;
}

export function detectPlatform(header: readonly string[]): Platform {
  const names = new Set(header.map(normalizeHeader));
  const score = (p: Platform) => PLATFORM_MARKERS[p].filter((m) => names.has(normalizeHeader(m))).length;
  return score('taobao') > score('douyin') ? 'taobao' : 'douyin';
}

/** One cell as the figure its column's unit says; null when empty or "-", NaN when unreadable. */
function figure(field: ColumnField, cell: Cell): number | null {
  switch (COLUMNS[field].unit) {
    case 'money': {
      const v = parseNumber(cell);
      return v === null || Number.isNaN(v) ? v : yuanToFen(v);
    }
    case 'rate':
      return parseRate(cell);
    case 'seconds':
      return parseSeconds(cell);
    case 'minutes': {
      const v = parseSeconds(cell);
      // A bare number is minutes; "1:23" or "1分23秒" already came back as seconds.
      return v === null || Number.isNaN(v) ? v : typeof cell === 'string' && /[:分秒时]/.test(cell) ? v : Math.round(v * 60);
    }
    default: {
      const v = parseNumber(cell);
      return v === null || Number.isNaN(v) ? v : Math.round(v);
    }
  }
}

function rowFigures(row: SheetRow, fields: Partial<Record<ColumnField, number>>, header: string[], options: ParseOptions): PlatformFigures {
  const out: PlatformFigures = {};
  for (const [field, index] of Object.entries(fields) as [ColumnField, number][]) {
    const unit = COLUMNS[field].unit;
    if (unit === 'text' || field === 'minute') continue;
    const cell = row.cells[index] ?? null;
    const value = unit === 'time' ? parseTime(cell, options.tzOffsetMin, options.sessionStart) : figure(field, cell);
    if (value === null) continue;
    if (Number.isNaN(value)) {
      throw new DeskError('bad_request', `file: row ${row.line}, column "${header[index]}": "${cellText(cell)}" is not a number`, { field: 'file', index: row.line });
    }
    out[field === 'avgWatchMinutes' ? 'avgWatchSeconds' : field] = value;
  }
  return out;
}

/** Turns a platform export into rows keyed by minute, by product, or the one row of this session. */
export function parseExport(rows: readonly SheetRow[], options: ParseOptions): ParsedExport {
  const index = findHeader(rows);
  const header = (rows[index]?.cells ?? []).map(cellText);
  const { fields, unknown } = matchColumns(header);
  const platform = options.platform ?? detectPlatform(header);
  const body = rows.slice(index + 1);
  const keyCells = (['minute', 'productId', 'name', 'startedAt', 'roomSessionId'] as const).map((f) => fields[f]).filter((i) => i !== undefined);
  const isTotals = (row: SheetRow) => keyCells.some((i) => TOTALS.test(cellText(row.cells[i])));
  const kind: ExportKind | null =
    fields.minute !== undefined ? 'minutes'
    : fields.productId !== undefined || fields.name !== undefined ? 'products'
    : fields.startedAt !== undefined || fields.roomSessionId !== undefined || fields.durationSeconds !== undefined ? 'sessions'
    : null;
  if (!kind) {
    throw new DeskError('bad_request', `file: no time (时间), product (商品名称/商品ID) or session (直播开始时间/场次id) column; columns: ${header.join(', ')}`, { field: 'file' });
  }
  const out: ParsedExport = {
    platform, kind, header, read: Object.values(fields).map((i) => header[i] as string), unknownColumns: unknown,
    minutes: [], products: [], session: null, otherSessions: 0, skipped: 0,
  };
  if (kind === 'minutes') {
    const byMinute = new Map<number, PlatformMinuteRow>();
    for (const row of body) {
      const ts = isTotals(row) ? null : parseTime(row.cells[fields.minute as number] ?? null, options.tzOffsetMin, options.sessionStart);
      if (ts === null) {
        out.skipped++;
        continue;
      }
      const minute = Math.floor(ts / 60_000) * 60_000;
      // A minute listed twice in one file: the later line is the platform's correction.
      byMinute.set(minute, { platform, minute, figures: rowFigures(row, fields, header, options) });
    }
    out.minutes = [...byMinute.values()].sort((a, b) => a.minute - b.minute);
  } else if (kind === 'products') {
    for (const row of body) {
      const productId = cellText(row.cells[fields.productId ?? fields.name ?? 0]);
      if (!productId || isTotals(row)) {
        out.skipped++;
        continue;
      }
      const name = fields.name !== undefined ? cellText(row.cells[fields.name]) : productId;
      const sku = fields.sku !== undefined ? cellText(row.cells[fields.sku]) || null : null;
      out.products.push({ platform, productId, name, sku, figures: rowFigures(row, fields, header, options) });
    }
  } else {
    const candidates = body.filter((row) => !isTotals(row)).map((row) => rowFigures(row, fields, header, options));
    out.skipped = body.length - candidates.length;
    const distance = (f: PlatformFigures) => (f.startedAt === undefined ? Infinity : Math.abs(f.startedAt - options.sessionStart));
    const best = candidates.length === 1 && candidates[0]?.startedAt === undefined ? candidates[0] : [...candidates].sort((a, b) => distance(a) - distance(b))[0];
    if (!best || (best.startedAt !== undefined && distance(best) > SAME_SESSION_MS)) {
      throw new DeskError('bad_request', `file: none of the ${candidates.length} sessions in this list started within 3 hours of this session's start`, { field: 'file' });
    }
    out.session = best;
    out.otherSessions = candidates.length - 1;
  }
  return out;
}
