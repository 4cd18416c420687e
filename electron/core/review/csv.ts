import { coded, DeskError, type KpiDetail, type KpiRatio, type ProductStats, type ReviewKpis, type ReviewListItem, type SessionNotesReply, type SessionReview } from '../contract/index.js';

export const CSV_TABLES = ['sessions', 'kpis', 'curve', 'segments', 'products', 'lanes', 'notes'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export function parseCsvTable(raw: string | null): CsvTable {
  const table = raw ?? 'products';
  if (!(CSV_TABLES as readonly string[]).includes(table)) {
    throw new DeskError('bad_request', coded('review.badTable', { tables: CSV_TABLES.join(', ') }, `table: must be one of ${CSV_TABLES.join(', ')}`), { field: 'table' });
  }
  return table as CsvTable;
}

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : String(v);
  // Quote anything with a separator, and neutralise leading formula characters for spreadsheets
  // (OWASP's list: a leading tab or carriage return also starts a formula in some of them).
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : (fen / 100).toFixed(2));

/**
 * Wall-clock time where the reader is, as the HTML report shows it: `tzOffset` is the browser's
 * getTimezoneOffset() (minutes, UTC − local); the offset is written out so the cell is unambiguous.
 */
export function localTime(ts: number | null, tzOffset: number): string | null {
  if (ts === null) return null;
  const local = new Date(ts - tzOffset * 60_000).toISOString().replace('T', ' ').slice(0, 19);
  const east = -tzOffset;
  const hh = String(Math.floor(Math.abs(east) / 60)).padStart(2, '0');
  const mm = String(Math.abs(east) % 60).padStart(2, '0');
  return `${local} ${east >= 0 ? '+' : '-'}${hh}:${mm}`;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const isRatio = (v: unknown): v is KpiRatio => typeof v === 'object' && v !== null && 'basis' in v;

/** A KPI's CSV name and value in the unit people read: money in yuan, durations in seconds. */
function kpiCell(key: string, value: number | null | undefined): [string, unknown] {
  if (key.endsWith('Fen')) return [`${snake(key.slice(0, -3))}_yuan`, yuan(value)];
  if (key.endsWith('Ms')) return [`${snake(key.slice(0, -2))}_s`, value === null || value === undefined ? null : value / 1000];
  return [snake(key), value ?? null];
}

/**
 * The KPI table: the whole-session figures, then every ratio of the desk's KPI set with its basis
 * (people = 人数, times = 次数). Keys come from the data, so a KPI added to the contract shows up here.
 */
function kpiRows(r: SessionReview): unknown[][] {
  const detail = r.kpis.detail;
  const ratioKeys = detail ? (Object.keys(detail) as (keyof KpiDetail)[]).filter((k) => isRatio(detail[k])) : [];
  const flat = (Object.keys(r.kpis) as (keyof ReviewKpis)[]).filter((k) => k !== 'detail' && !(ratioKeys as string[]).includes(k));
  const rows: unknown[][] = flat.map((k) => {
    const [name, value] = kpiCell(k, r.kpis[k] as number | null);
    return [name, value, null, kpiCell(k, r.previous?.kpis[k] as number | null)[1], kpiCell(k, r.average?.kpis[k] as number | null)[1]];
  });
  for (const k of ratioKeys) {
    const ratio = detail?.[k] as KpiRatio;
    const prev = r.previous?.kpis.detail?.[k] as KpiRatio | undefined;
    const [name, value] = kpiCell(k, ratio.value);
    rows.push([name, value, ratio.basis, kpiCell(k, prev?.value ?? null)[1], null]);
  }
  return rows;
}

/** Rows → CSV with a BOM, so spreadsheet programs read the Chinese text as UTF-8. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export interface CsvSources {
  list: () => ReviewListItem[];
  review: () => SessionReview;
  products: () => ProductStats[];
  notes: () => SessionNotesReply;
}

/** One CSV table; times in the reader's zone (`tzOffset` as the browser's getTimezoneOffset()). */
export function csvFor(table: CsvTable, src: CsvSources, tzOffset = 0): string {
  const iso = (ts: number | null) => localTime(ts, tzOffset);
  switch (table) {
    case 'sessions':
      return toCsv(
        ['id', 'title', 'started_at', 'ended_at', 'status', 'duration_s', 'gmv_yuan', 'orders', 'peak_online', 'tags'],
        src.list().map((s) => [s.id, s.title, iso(s.startedAt), iso(s.endedAt), s.status, Math.round(s.durationMs / 1000), yuan(s.gmvFen), s.orders, s.peakOnline, s.tags.join(' ')]),
      );
    case 'kpis':
      return toCsv(['kpi', 'this_session', 'basis', 'previous', 'average'], kpiRows(src.review()));
    case 'curve': {
      const r = src.review();
      return toCsv(
        ['time', 'show_time_s', 'online', 'online_max', 'viewers_uv', 'gmv_yuan', 'orders', 'cum_gmv_yuan', 'cum_orders', 'comments', 'likes', 'new_followers'],
        r.curve.points.map((p) => [iso(p.ts), p.t / 1000, p.online, p.onlineMax, p.viewersUv, yuan(p.gmvFen), p.orders, yuan(p.cumGmvFen), p.cumOrders, p.comments, p.likes, p.newFollowers]),
      );
    }
    case 'segments':
      return toCsv(
        ['sku', 'name', 'started_at', 'ended_at', 'seconds', 'gmv_yuan', 'orders', 'online_start', 'online_end'],
        src.review().segments.map((s) => [s.sku, s.name, iso(s.startedAt), iso(s.endedAt), Math.round((s.endedAt - s.startedAt) / 1000), yuan(s.gmvFen), s.orders, s.onlineStart, s.onlineEnd]),
      );
    case 'products':
      return toCsv(
        ['sku', 'name', 'explains', 'explain_s', 'gmv_during_yuan', 'orders_during', 'gmv_outside_yuan', 'orders_outside', 'gmv_per_explain_minute_yuan', 'online_changes', 'flash_sales', 'flash_sale_orders', 'flash_sale_gmv_yuan'],
        src.products().map((p) => [
          p.sku, p.name, p.explains, Math.round(p.explainMs / 1000), yuan(p.gmvDuringFen), p.ordersDuring, yuan(p.gmvOutsideFen), p.ordersOutside,
          yuan(p.gmvPerExplainMinuteFen), p.onlineChanges.map((c) => (c === null ? '?' : c > 0 ? `+${c}` : String(c))).join(' '),
          p.flashSales.length, p.flashSales.reduce((s, f) => s + f.orders, 0), yuan(p.flashSales.reduce((s, f) => s + f.gmvFen, 0)),
        ]),
      );
    case 'lanes':
      return toCsv(['lane', 'kind', 'at', 'until', 'label', 'sku'], src.review().lanes.map((l) => [l.lane, l.kind, iso(l.ts), iso(l.endTs), l.label, l.sku]));
    case 'notes': {
      const n = src.notes();
      return toCsv(['type', 'role_or_owner', 'text', 'done'], [...n.notes.map((x) => ['note', x.role, x.text, null]), ...n.actions.map((a) => ['action', a.owner, a.text, a.done])]);
    }
  }
}
