import type { Cell } from '../../show/spreadsheet.js';

/**
 * A count or an amount as exports write it: "12,345", "1.2万", "1.5w", "¥99.00", a number cell; "-",
 * "--" and "" are unknown (null), never zero.
 */
export function parseNumber(cell: Cell): number | null {
  if (cell === null || typeof cell === 'boolean' || cell instanceof Date) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  let text = cell.trim().replace(/[,，\s¥￥元]/g, '');
  if (!text || /^-+$/.test(text)) return null;
  let factor = 1;
  if (/[万wW]$/.test(text)) {
    factor = 10_000;
    text = text.slice(0, -1);
  } else if (/亿$/.test(text)) {
    factor = 100_000_000;
    text = text.slice(0, -1);
  }
  if (!/^-?\d+(\.\d+)?$/.test(text)) return Number.NaN;
  return Number(text) * factor;
}

/** A rate as exports write it: "12.5%" → 0.125; a bare number (an XLSX percent cell) is already a fraction. */
export function parseRate(cell: Cell): number | null {
  if (typeof cell === 'string' && /%\s*$/.test(cell)) {
    const n = parseNumber(cell.replace(/%\s*$/, ''));
    // 1.56 / 100 is 0.015600000000000001 in binary: round away the noise below a millionth of a per cent.
    return n === null || Number.isNaN(n) ? n : Math.round(n * 1e6) / 1e8;
  }
  return parseNumber(cell);
}

/** A duration in seconds: "83", "83.5", "1:23", "00:01:23", "1分23秒", "2小时3分". */
export function parseSeconds(cell: Cell): number | null {
  if (typeof cell === 'string') {
    const text = cell.trim();
    const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text);
    if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
    const words = /^(?:(\d+(?:\.\d+)?)(?:小时|时))?(?:(\d+(?:\.\d+)?)分(?:钟)?)?(?:(\d+(?:\.\d+)?)秒)?$/.exec(text);
    if (words && (words[1] || words[2] || words[3])) return Number(words[1] ?? 0) * 3600 + Number(words[2] ?? 0) * 60 + Number(words[3] ?? 0);
  }
  return parseNumber(cell);
}

/** Yuan (as written) to whole fen, rounded half up; exact for two decimals. */
export function yuanToFen(yuan: number): number {
  return Math.round(Math.round(yuan * 1_000_000) / 10_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A minute of the show as ms since epoch. Platforms write Beijing wall-clock time without a zone, so
 * the caller passes the zone offset (default +08:00). A time without a date ("20:01") is taken on the
 * session's start date, or the next day if that would put it hours before the show began.
 */
export function parseMinute(cell: Cell, tzOffsetMin: number, sessionStart: number): number | null {
  const ts = parseTime(cell, tzOffsetMin, sessionStart);
  return ts === null ? null : Math.floor(ts / 60_000) * 60_000;
}

/** As `parseMinute`, to the second: a session's 直播开始时间 / 直播结束时间. */
export function parseTime(cell: Cell, tzOffsetMin: number, sessionStart: number): number | null {
  const offset = tzOffsetMin * 60_000;
  let wall: number | null = null;
  // Excel stores times as fractions of a day: 20:00 can come back as 19:59:59.999, so round to the second.
  if (cell instanceof Date) wall = Math.round(cell.getTime() / 1000) * 1000;
  else if (typeof cell === 'number') {
    // An Excel serial date (days since 1899-12-30) that read-excel-file left as a number.
    if (cell > 20_000 && cell < 80_000) wall = Math.round((cell - 25_569) * 86_400) * 1000;
    else return null;
  } else if (typeof cell === 'string') {
    const text = cell.trim();
    const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(text);
    const timeOnly = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
    if (full) {
      const [, y, mo, d, h, mi, sec] = full.map((v) => Number(v ?? 0)) as number[];
      wall = Date.UTC(y as number, (mo as number) - 1, d, h, mi, sec);
    } else if (timeOnly) {
      const startWall = new Date(sessionStart + offset);
      const day = `${startWall.getUTCFullYear()}-${pad(startWall.getUTCMonth() + 1)}-${pad(startWall.getUTCDate())}`;
      wall = Date.parse(`${day}T${pad(Number(timeOnly[1]))}:${timeOnly[2]}:${timeOnly[3] ?? '00'}Z`);
      if (wall - offset < sessionStart - 6 * 3_600_000) wall += 86_400_000;
    } else return null;
  } else return null;
  if (wall === null || Number.isNaN(wall)) return null;
  return wall - offset;
}

/** "+08:00" / "-05:30" / "8" → minutes east of UTC. */
export function parseTz(text: string | null): number | null {
  if (text === null || text === '') return 480;
  const m = /^([+-])?(\d{1,2})(?::?(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}
