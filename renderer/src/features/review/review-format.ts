/** Show time (ms since the session started) as "h:mm" for axes and "h:mm:ss" for read-outs. */
export function showClock(ms: number, seconds = false): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const s = String(total % 60).padStart(2, '0');
  return seconds ? `${h}:${m}:${s}` : `${h}:${m}`;
}

/**
 * An axis label for show time `ms` on an axis spanning `spanMs`: to the minute ("1:05") when the span
 * is long enough that ticks fall minutes apart, else to the second ("1:05:30" past an hour, "5:30"
 * below), so a zoomed axis never reads "0:00, 0:00, 0:00".
 */
export function axisClock(ms: number, spanMs: number): string {
  if (spanMs >= 60 * 60_000) return showClock(ms);
  const total = Math.max(0, Math.round(ms / 1000));
  if (total >= 3600) return showClock(total * 1000, true);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Where the evenly spaced ticks of an axis from `from` to `to` fall: on whole seconds or minutes. */
export function axisTicks(from: number, to: number, count = 6): number[] {
  const span = Math.max(1, to - from);
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200].map((s) => s * 1000);
  const step = steps.find((s) => span / s <= count) ?? Math.ceil(span / count / 3_600_000) * 3_600_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

/** Percent change from `base` to `now`; null when there is nothing to compare against. */
export function change(now: number | null, base: number | null | undefined): number | null {
  if (now === null || base === null || base === undefined || base === 0) return null;
  return (now - base) / base;
}

/** "+12%" / "−8%" for a change, "—" without one. */
export function formatChange(c: number | null): string {
  if (c === null) return '—';
  const pct = Math.round(c * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)}%`;
}

/** A signed count: "+50", "−30", "0"; null → "?". */
export function formatSigned(n: number | null): string {
  if (n === null) return '?';
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0';
}

/** The bucket size in words for "per …" labels: "min", "10 s", "5 min". */
export function bucketUnit(bucketMs: number, lang: 'zh' | 'en'): string {
  if (bucketMs % 60_000 === 0) {
    const m = bucketMs / 60_000;
    return lang === 'zh' ? (m === 1 ? '分钟' : `${m} 分钟`) : m === 1 ? 'min' : `${m} min`;
  }
  return lang === 'zh' ? `${bucketMs / 1000} 秒` : `${bucketMs / 1000} s`;
}

/** Parses the tag editor's text ("茶, spring，新品") into distinct tags. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,，;；]/).map((t) => t.trim()).filter(Boolean))];
}

/** The filename the core named in content-disposition (RFC 5987 form first), else a fallback. */
export function downloadName(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition ?? '');
  return plain?.[1] ?? fallback;
}
