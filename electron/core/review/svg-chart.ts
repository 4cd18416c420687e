/** Inline SVG charts for the offline HTML report: no script, no fonts or images to fetch. */

export interface SvgSeries {
  label: string;
  color: string;
  values: (number | null)[];
  /** Bars for per-bucket amounts, a line for gauges and running totals. */
  style: 'line' | 'bars';
}

export interface SvgBand {
  from: number; // show-time ms
  to: number;
  label: string;
  color: string;
}

export const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const W = 960;
const H = 200;
const PAD_L = 56;
const PAD_B = 22;
const PAD_T = 18;

/** Show time as "HH:MM", or "HH:MM:SS" with `seconds` (two explains 18 s apart must not both read "00:00"). */
export function showClock(ms: number, seconds = false): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hm = `${String(Math.floor(total / 3600)).padStart(2, '0')}:${String(Math.floor((total % 3600) / 60)).padStart(2, '0')}`;
  return seconds ? `${hm}:${String(total % 60).padStart(2, '0')}` : hm;
}

/** One chart: time on x (show time), one series scaled to its own max, bands behind it. */
export function svgChart(options: {
  title: string;
  times: number[];
  spanMs: number;
  series: SvgSeries;
  bands?: SvgBand[];
  marks?: { at: number; label: string; color: string }[];
  format?: (v: number) => string;
}): string {
  const { times, spanMs, series } = options;
  const format = options.format ?? ((v: number) => String(v));
  const innerW = W - PAD_L - 8;
  const innerH = H - PAD_T - PAD_B;
  const x = (t: number) => PAD_L + (spanMs > 0 ? (t / spanMs) * innerW : 0);
  const max = Math.max(1, ...series.values.map((v) => v ?? 0));
  const y = (v: number) => PAD_T + innerH - (v / max) * innerH;
  const parts: string[] = [];
  for (const b of options.bands ?? []) {
    const x1 = x(b.from);
    const w = Math.max(1, x(b.to) - x1);
    parts.push(`<rect x="${x1.toFixed(1)}" y="${PAD_T}" width="${w.toFixed(1)}" height="${innerH}" fill="${b.color}"><title>${escapeXml(b.label)}</title></rect>`);
    if (w > 40) parts.push(`<text x="${(x1 + 3).toFixed(1)}" y="${PAD_T - 4}" font-size="10" fill="#555">${escapeXml(b.label.slice(0, Math.floor(w / 11)))}</text>`);
  }
  if (series.style === 'bars') {
    const bw = Math.max(1, innerW / Math.max(1, times.length) - 0.5);
    series.values.forEach((v, i) => {
      if (!v) return;
      parts.push(`<rect x="${x(times[i] as number).toFixed(1)}" y="${y(v).toFixed(1)}" width="${bw.toFixed(1)}" height="${(PAD_T + innerH - y(v)).toFixed(1)}" fill="${series.color}"/>`);
    });
  } else {
    const pts = series.values.map((v, i) => (v === null ? null : `${x(times[i] as number).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean);
    if (pts.length) parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${series.color}" stroke-width="1.6"/>`);
  }
  for (const m of options.marks ?? []) {
    parts.push(`<line x1="${x(m.at).toFixed(1)}" x2="${x(m.at).toFixed(1)}" y1="${PAD_T}" y2="${PAD_T + innerH}" stroke="${m.color}" stroke-dasharray="3 2"><title>${escapeXml(m.label)}</title></line>`);
  }
  const ticks = 6;
  for (let i = 0; i <= ticks; i++) {
    const t = (spanMs * i) / ticks;
    // The last tick ends at the right edge instead of spilling past it.
    const anchor = i === ticks ? 'end' : 'middle';
    // Ticks under a minute apart carry seconds, or a short show's axis reads 00:00, 00:00, 00:00.
    parts.push(`<text x="${x(t).toFixed(1)}" y="${H - 6}" font-size="10" fill="#666" text-anchor="${anchor}">${showClock(t, spanMs / ticks < 60_000)}</text>`);
  }
  parts.push(`<text x="${PAD_L - 6}" y="${PAD_T + 4}" font-size="10" fill="#666" text-anchor="end">${escapeXml(format(max))}</text>`);
  parts.push(`<text x="${PAD_L - 6}" y="${PAD_T + innerH}" font-size="10" fill="#666" text-anchor="end">0</text>`);
  parts.push(`<line x1="${PAD_L}" x2="${W - 8}" y1="${PAD_T + innerH}" y2="${PAD_T + innerH}" stroke="#bbb"/>`);
  return (
    `<figure class="chart"><figcaption><i style="background:${series.color}"></i>${escapeXml(options.title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeXml(options.title)}">${parts.join('')}</svg></figure>`
  );
}
