import type { KpiDetail, KpiRatio, Lane, LaneItem, ProductStats, ReviewKpiKey, SessionNotesReply, SessionReview } from '../contract/index.js';
import { escapeXml as esc, showClock, svgChart, type SvgBand } from './svg-chart.js';

export interface ReportSession {
  review: SessionReview;
  products: ProductStats[];
  notes: SessionNotesReply;
}

const money = (fen: number | null, currency: string) =>
  fen === null ? '—' : `${currency === 'CNY' ? '¥' : `${esc(currency)} `}${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const n = (v: number | null) => (v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));
const dur = (ms: number) => {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m ${String(s % 60).padStart(2, '0')}s`;
};
/** Wall-clock time where the reader is: `tzOffset` is the browser's getTimezoneOffset() (minutes, UTC − local). */
const when = (ts: number, tzOffset: number) => {
  const local = new Date(ts - tzOffset * 60_000).toISOString().replace('T', ' ').slice(0, 16);
  const h = -tzOffset / 60;
  return `${local} ${tzOffset === 0 ? 'UTC' : `UTC${h >= 0 ? '+' : '−'}${Math.abs(h)}`}`;
};
const BANDS = ['rgba(229,72,77,0.14)', 'rgba(168,85,247,0.14)'];
const LANE_NAMES: Record<Lane, string> = { flashsale: '秒杀 Flash sale', alert: '告警 Alert', marker: '标记 Marker', problem: '故障 Problem', other: '其他 Other' };
/** Kinds of the "other" lane people meet often, named in both languages instead of by their log name. */
const KIND_NAMES: Record<string, string> = {
  'scale.reading': '称重 Weighed',
  'scale.placed': '上秤 On scale',
  'scale.removed': '下秤 Off scale',
  'plan.segment': '环节 Segment',
  'plan.start': '流程开始 Plan start',
  'obs.scene': '切换场景 Scene',
  'session.resume': '恢复直播 Resumed',
};
const laneName = (l: LaneItem) => (l.lane === 'other' ? (KIND_NAMES[l.kind] ?? LANE_NAMES.other) : LANE_NAMES[l.lane]);
const LANE_COLORS: Record<string, string> = { flashsale: '#d97706', alert: '#dc2626', marker: '#2563eb', problem: '#7f1d1d', other: '#6b7280' };

function delta(now: number | null, base: number | null | undefined): string {
  if (now === null || base === null || base === undefined || base === 0) return '';
  const pct = ((now - base) / base) * 100;
  return `<span class="${pct >= 0 ? 'up' : 'down'}">${pct >= 0 ? '▲' : '▼'} ${Math.abs(pct).toFixed(0)}%</span>`;
}

function kpiCards(r: SessionReview, currency: string): string {
  const cards: [string, ReviewKpiKey, (v: number | null) => string][] = [
    ['成交额 GMV', 'gmvFen', (v) => money(v, currency)],
    ['订单 Orders', 'orders', n],
    ['成交人数 Buyers', 'buyers', n],
    ['最高在线 Peak online', 'peakOnline', n],
    ['平均在线 Avg online', 'avgOnline', n],
    ['观看人数 Viewers (UV)', 'viewersUv', n],
    ['客单价 Per buyer', 'perBuyerFen', (v) => money(v, currency)],
    ['新增粉丝 New followers', 'newFollowers', n],
  ];
  return `<div class="cards">${cards
    .map(([label, key, fmt]) => {
      const v = r.kpis[key];
      return `<div class="card"><div class="label">${esc(label)}</div><div class="value">${esc(fmt(v))}</div>
        <div class="cmp">vs 上一场 previous ${delta(v, r.previous?.kpis[key])} · vs 平均 average ${delta(v, r.average?.kpis[key])}</div></div>`;
    })
    .join('')}</div>`;
}

type RatioKey = { [K in keyof KpiDetail]: KpiDetail[K] extends KpiRatio ? K : never }[keyof KpiDetail];
const RATIO_LABELS: Record<RatioKey, string> = {
  avgWatchSeconds: '人均观看时长 Avg watch (s)',
  interactionRate: '互动率 Interaction rate',
  conversion: '观看-成交转化率 Conversion',
  perBuyerFen: '客单价 Per buyer',
  aovFen: '笔单价 Per order (AOV)',
  uvValueFen: 'UV价值 UV value',
  gpmFen: 'GPM 千次观看成交',
  productClickRate: '商品点击率 Click rate',
  clickToOrder: '点击-成交转化率 Click to order',
  followerConversion: '转粉率 Follower conversion',
  roi: 'ROI',
};
const BASIS_LABEL = { people: '人数 people', times: '次数 times' } as const;

/** Every ratio of the desk's KPI set with its basis, numerator and denominator, as the live desk states them. */
function ratioTable(detail: KpiDetail | null, currency: string): string {
  if (!detail) return '';
  const keys = Object.keys(RATIO_LABELS) as RatioKey[];
  const value = (k: RatioKey, r: KpiRatio) =>
    r.value === null ? '—' : k.endsWith('Fen') ? money(r.value, currency) : k === 'avgWatchSeconds' || k === 'roi' ? n(r.value) : `${(r.value * 100).toFixed(2)}%`;
  return table(
    ['指标 KPI', '值 Value', '口径 Basis', '分子 Numerator', '分母 Denominator'],
    keys.map((k) => {
      const r = detail[k];
      // Money ratios divide GMV (fen), ROI divides it by ad spend (fen): show those in yuan.
      const inFen = (side: 'num' | 'den') => k === 'roi' || (side === 'num' && k.endsWith('Fen'));
      return [esc(RATIO_LABELS[k]), esc(value(k, r)), esc(BASIS_LABEL[r.basis]), esc(inFen('num') ? money(r.num, currency) : n(r.num)), esc(inFen('den') ? money(r.den, currency) : n(r.den))];
    }),
    'ratios',
  );
}

function charts(r: SessionReview, currency: string): string {
  const start = r.session.startedAt;
  const times = r.curve.points.map((p) => p.t);
  const spanMs = Math.max(r.curve.bucketMs, r.session.durationMs);
  const bands: SvgBand[] = r.segments.map((s, i) => ({ from: s.startedAt - start, to: s.endedAt - start, label: s.name, color: BANDS[i % 2] as string }));
  const marks = r.lanes.map((l) => ({ at: l.ts - start, label: `${laneName(l)}: ${l.label}`, color: LANE_COLORS[l.lane] ?? '#6b7280' }));
  const per = `/ ${r.curve.bucketMs >= 60_000 ? `${r.curve.bucketMs / 60_000} min` : `${r.curve.bucketMs / 1000} s`}`;
  const series = [
    { title: '在线人数 Online', color: '#0284c7', values: r.curve.points.map((p) => p.online), style: 'line' as const, bands, marks },
    { title: '累计观看 Viewers (UV)', color: '#0891b2', values: r.curve.points.map((p) => p.viewersUv), style: 'line' as const },
    { title: `成交额 GMV ${per}`, color: '#d97706', values: r.curve.points.map((p) => p.gmvFen), style: 'bars' as const, bands, format: (v: number) => money(v, currency) },
    { title: `订单 Orders ${per}`, color: '#b45309', values: r.curve.points.map((p) => p.orders), style: 'bars' as const },
    { title: `评论 Comments ${per}`, color: '#16a34a', values: r.curve.points.map((p) => p.comments), style: 'bars' as const },
    { title: `点赞 Likes ${per}`, color: '#db2777', values: r.curve.points.map((p) => p.likes), style: 'bars' as const },
    { title: `新增粉丝 New followers ${per}`, color: '#7c3aed', values: r.curve.points.map((p) => p.newFollowers), style: 'bars' as const },
  ];
  return series
    .filter((s) => s.values.some((v) => v !== null && v !== 0))
    .map((s) => svgChart({ title: s.title, times, spanMs, series: { label: s.title, color: s.color, values: s.values, style: s.style }, bands: s.bands, marks: s.marks, format: s.format }))
    .join('');
}

function table(head: string[], rows: string[][], cls = ''): string {
  return `<table class="${cls}"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function sessionSection(s: ReportSession, tzOffset: number): string {
  const r = s.review;
  const cur = r.session.currency;
  const start = r.session.startedAt;
  const products = table(
    ['商品 Product', 'SKU', '讲解次数 Explains', '讲解时长 Explain time', '讲解期间成交 GMV during', '订单 Orders during', '讲解外成交 GMV outside', '订单 Orders outside', '每讲解分钟成交 GMV / explain-min', '在线变化 Online change', '秒杀 Flash sales'],
    s.products.map((p) => [
      esc(p.name), esc(p.sku), n(p.explains), dur(p.explainMs), money(p.gmvDuringFen, cur), n(p.ordersDuring), money(p.gmvOutsideFen, cur), n(p.ordersOutside),
      `<strong>${money(p.gmvPerExplainMinuteFen, cur)}</strong>`,
      esc(p.onlineChanges.map((c) => (c === null ? '?' : c > 0 ? `+${c}` : String(c))).join(' ')),
      esc(p.flashSales.map((f) => `${showClock(f.startedAt - start, true)} ${f.orders}单 ${money(f.gmvFen, cur)}${f.stock !== null ? ` / ${f.stock}` : ''}`).join('; ')),
    ]),
    'products',
  );
  const segments = table(
    ['#', '商品 Product', '开始 Start', '时长 Duration', '成交 GMV', '订单 Orders', '在线 Online start→end'],
    r.segments.map((g, i) => [String(i + 1), esc(g.name), showClock(g.startedAt - start, true), dur(g.endedAt - g.startedAt), money(g.gmvFen, cur), n(g.orders), `${n(g.onlineStart)} → ${n(g.onlineEnd)}`]),
  );
  const lanes = table(['类型 Lane', '时间 At', '至 Until', '内容 What'], r.lanes.map((l) => [esc(laneName(l)), showClock(l.ts - start, true), l.endTs ? showClock(l.endTs - start, true) : '', esc(l.label)]));
  const notes = s.notes.notes.map((x) => `<h4>${esc(x.role)}</h4><p class="note">${esc(x.text)}</p>`).join('');
  const actions = s.notes.actions.map((a) => `<li>${a.done ? '☑' : '☐'} ${esc(a.text)}${a.owner ? ` — ${esc(a.owner)}` : ''}</li>`).join('');
  const f = r.funnel;
  const best = s.products.find((p) => p.gmvPerExplainMinuteFen !== null);
  const drop = r.audienceDrop;
  const insights = `<p class="insights"><strong>每讲解分钟成交最高 Best per explain-minute:</strong> ${best ? `${esc(best.name)} ${money(best.gmvPerExplainMinuteFen, cur)}/min` : '—'}
    · <strong>观众流失最多 Biggest audience drop:</strong> ${drop ? `${showClock(drop.from - start, true)} → ${showClock(drop.to - start, true)}, ${n(drop.onlineFrom)} → ${n(drop.onlineTo)}${drop.name ? ` (${esc(drop.name)})` : ''}` : '—'}</p>`;
  return `<section class="session" data-session="${esc(r.session.id)}">
  <h2>${esc(r.session.title)}</h2>
  <p class="meta">${esc(when(r.session.startedAt, tzOffset))} · ${esc(dur(r.session.durationMs))} · ${esc(r.session.id)}${r.session.tags.length ? ` · ${r.session.tags.map(esc).join(', ')}` : ''}</p>
  ${insights}
  ${kpiCards(r, cur)}
  ${ratioTable(r.kpis.detail, cur)}
  <h3>曲线 Curves</h3>${charts(r, cur)}
  <h3>商品 Per product</h3>${products}
  <h3>讲解片段 Explain segments</h3>${segments}
  ${r.lanes.length ? `<h3>事件 Events</h3>${lanes}` : ''}
  <h3>漏斗 Funnel</h3>${table(['观看 Viewers (UV)', '商品曝光 Exposures', '商品点击 Clicks', '成交人数 Buyers'], [[n(f.viewersUv), n(f.productExposures), n(f.productClicks), n(f.buyers)]])}
  ${notes || actions ? `<h3>备注 Notes</h3>${notes}${actions ? `<h4>下一步 Next actions</h4><ul class="actions">${actions}</ul>` : ''}` : ''}
</section>`;
}

const CSS = `body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:24px;color:#1f2937;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 2px;border-top:2px solid #e5e7eb;padding-top:16px}h3{font-size:15px;margin:22px 0 8px;color:#374151}
.meta{color:#6b7280;margin:0 0 12px}.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:8px}.card{border:1px solid #e5e7eb;border-radius:6px;padding:8px 10px}
.label{font-size:12px;color:#6b7280}.value{font-size:20px;font-weight:600}.cmp{font-size:11px;color:#6b7280}.up{color:#16a34a}.down{color:#dc2626}
table{border-collapse:collapse;width:100%;font-size:12px;margin-bottom:8px}th,td{border-bottom:1px solid #e5e7eb;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f9fafb}
figure.chart{margin:6px 0 12px;max-width:980px}figcaption{font-size:12px;color:#374151}figcaption i{display:inline-block;width:10px;height:10px;margin-right:6px;border-radius:2px}
.note{white-space:pre-wrap}.insights{background:#eff6ff;border-left:3px solid #2563eb;padding:8px 10px;font-size:13px}@media print{.session+.session{break-before:page}figure.chart,tr{break-inside:avoid}}`;

/**
 * A self-contained 复盘 report: inline CSS and SVG, no script, and a CSP that forbids every fetch, so
 * it opens offline in any browser and never phones home.
 */
export function htmlReport(sessions: readonly ReportSession[], generatedAt: number, tzOffset = 0): string {
  const title = sessions.length === 1 ? `复盘 ${sessions[0]?.review.session.title ?? ''}` : `复盘 ${sessions.length} sessions`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="LiveDesk">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body><h1>${esc(title)}</h1><p class="meta">LiveDesk · ${esc(when(generatedAt, tzOffset))}</p>
${sessions.map((x) => sessionSection(x, tzOffset)).join('\n')}
</body></html>
`;
}
