const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', JPY: '¥', GBP: '£', HKD: 'HK$' };

/** Groups an integer's digits by thousands: 1234567 → "1,234,567". */
export function groupThousands(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Money in fen (integer, smallest unit) → "¥1,234.50". Integer arithmetic only, so no float rounding ever
 * shows up on screen.
 */
export function formatMoney(fen: number, currency = 'CNY'): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.round(Math.abs(fen));
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const symbol = SYMBOLS[currency] ?? `${currency} `;
  return `${sign}${symbol}${groupThousands(whole)}.${cents}`;
}

/** Whole-yuan money for big KPI tiles where cents are noise: 123456789 → "¥1,234,568". */
export function formatMoneyWhole(fen: number, currency = 'CNY'): string {
  const symbol = SYMBOLS[currency] ?? `${currency} `;
  const sign = fen < 0 ? '-' : '';
  return `${sign}${symbol}${groupThousands(Math.round(Math.abs(fen) / 100))}`;
}

/** A count for display; null (no data yet) → "—". */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : groupThousands(n);
}

/**
 * Parses a price typed in yuan ("12", "12.5", "1,299.00") into integer fen, or returns null when it is not
 * a non-negative amount with at most two decimals. Parsed as text, not as a float, so 0.29 stays 29 fen.
 */
export function parseYuanToFen(input: string): number | null {
  const text = input.trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, '');
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) return null;
  const whole = Number(m[1]);
  const cents = Number((m[2] ?? '').padEnd(2, '0'));
  return whole * 100 + cents;
}

/** Fen → an editable yuan string with two decimals: 129900 → "1299.00". */
export function fenToYuanInput(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A clock-style duration: 65_000 → "01:05", 3_725_000 → "1:02:05". Negative durations show as zero. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${pad2(m)}:${pad2(s)}`;
}

/** A coarse duration for tables: "2h 05m", "12m 30s", "45s". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${pad2(m)}m`;
  if (m > 0) return `${m}m ${pad2(s)}s`;
  return `${s}s`;
}

/** Local wall-clock time: "14:03:09". */
export function formatTime(ts: number): string {
  const d = new Date(ts);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** Local date and minute: "2024-05-01 14:03". */
export function formatDateTime(ts: number): string {
  const d = new Date(ts);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** Axis ticks: "14:03". */
export function formatHourMinute(ts: number): string {
  const d = new Date(ts);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

const trim1 = (n: number) => (Math.round(n * 10) / 10).toString();

/** Short money for chart axes, in the reader's units: ¥1.2万 / ¥3.4亿 in Chinese, ¥12k / ¥1.2M in English. */
export function formatMoneyCompact(fen: number, lang: 'zh' | 'en'): string {
  const yuan = Math.abs(fen) / 100;
  const sign = fen < 0 ? '-' : '';
  if (lang === 'zh') {
    if (yuan >= 1e8) return `${sign}¥${trim1(yuan / 1e8)}亿`;
    if (yuan >= 1e4) return `${sign}¥${trim1(yuan / 1e4)}万`;
  } else {
    if (yuan >= 1e6) return `${sign}¥${trim1(yuan / 1e6)}M`;
    if (yuan >= 1e3) return `${sign}¥${trim1(yuan / 1e3)}k`;
  }
  return `${sign}¥${groupThousands(Math.round(yuan))}`;
}
