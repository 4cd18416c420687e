import type { Cell } from './read-table.js';

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
      const [, y, mo, d, h, mi] = full.map(Number) as number[];
      wall = Date.UTC(y as number, (mo as number) - 1, d, h, mi);
    } else if (timeOnly) {
      const startWall = new Date(sessionStart + offset);
      const day = `${startWall.getUTCFullYear()}-${pad(startWall.getUTCMonth() + 1)}-${pad(startWall.getUTCDate())}`;
      wall = Date.parse(`${day}T${pad(Number(timeOnly[1]))}:${timeOnly[2]}:00Z`);
      if (wall - offset < sessionStart - 6 * 3_600_000) wall += 86_400_000;
    } else return null;
  } else return null;
  if (wall === null || Number.isNaN(wall)) return null;
  return Math.floor((wall - offset) / 60_000) * 60_000;
}

/** "+08:00" / "-05:30" / "8" → minutes east of UTC. */
export function parseTz(text: string | null): number | null {
  if (text === null || text === '') return 480;
  const m = /^([+-])?(\d{1,2})(?::?(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}
