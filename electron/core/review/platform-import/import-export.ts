import { DeskError, type SessionSummary } from '../../contract/index.js';
import { readSpreadsheet } from '../../show/spreadsheet.js';
import type { PlatformRepo } from '../../store/platform-repo.js';
import type { SessionsRepo } from '../../store/sessions-repo.js';
import { matchCatalog, type CatalogMatch } from './match-catalog.js';
import { parseExport, type ExportKind, type Platform } from './parse-export.js';
import { parseTz } from './values.js';

export interface ImportSummary {
  sessionId: string;
  platform: Platform;
  kind: ExportKind;
  rows: number;
  /** Rows that merged into ones imported before: their columns replaced, the others kept. */
  merged: number;
  /** The same count under its old name, for clients written before merging. */
  replaced: number;
  skipped: number;
  /** Headers read, and headers no known field reads (listed, never dropped unseen). */
  columns: string[];
  unknownColumns: string[];
  from: number | null;
  to: number | null;
  /** 成交金额 and 用户支付金额 as the file states them: two figures, not aliases. */
  gmvFen: number;
  payFen: number;
  orders: number;
  /** Products: which catalog SKU each matched (by code or name), and those that matched none. */
  matched: CatalogMatch[];
  unmatched: { productId: string; name: string }[];
  /** A per-session list: how many rows were other sessions. */
  otherSessions: number;
}

export interface ImportRequest {
  bytes: Buffer;
  platform: string | null;
  tz: string | null;
}

/**
 * Merges a platform export into a session. Platform figures are kept beside the desk's own (they
 * never add to the live GMV or orders, which came from ingest), keyed by minute, product or session
 * so a repeated import replaces its own columns instead of doubling them.
 */
export async function importExport(repos: { sessions: SessionsRepo; platform: PlatformRepo }, sessionId: string, request: ImportRequest, now: number): Promise<ImportSummary> {
  const session: SessionSummary | null = repos.sessions.get(sessionId);
  if (!session) throw new DeskError('not_found', `no session "${sessionId}"`);
  if (request.platform !== null && request.platform !== 'douyin' && request.platform !== 'taobao') {
    throw new DeskError('bad_request', 'platform: must be "douyin" or "taobao" (or left out to detect it)', { field: 'platform' });
  }
  const tzOffsetMin = parseTz(request.tz);
  if (tzOffsetMin === null) throw new DeskError('bad_request', 'tz: an offset such as +08:00', { field: 'tz' });

  const sheet = await readSpreadsheet(request.bytes);
  const parsed = parseExport(sheet.rows, { platform: request.platform ?? undefined, tzOffsetMin, sessionStart: session.startedAt });
  const figures = parsed.kind === 'minutes' ? parsed.minutes.map((r) => r.figures) : parsed.kind === 'products' ? parsed.products.map((r) => r.figures) : parsed.session ? [parsed.session] : [];
  if (!figures.length) throw new DeskError('bad_request', 'file: the export has a header but no data rows', { field: 'file' });

  let matched: CatalogMatch[] = [];
  let merged = 0;
  if (parsed.kind === 'minutes') merged = repos.platform.putMinutes(sessionId, parsed.minutes).merged;
  else if (parsed.kind === 'products') {
    matched = matchCatalog(parsed.products, repos.platform.catalog());
    const skuOf = new Map(matched.map((m) => [m.productId, m.sku]));
    merged = repos.platform.putProducts(sessionId, parsed.products.map((p) => ({ ...p, sku: skuOf.get(p.productId) ?? null }))).merged;
  } else merged = repos.platform.putSession(sessionId, { platform: parsed.platform, figures: parsed.session ?? {} }).merged;

  const sum = (key: string) => figures.reduce((total, f) => total + (f[key] ?? 0), 0);
  const minutes = parsed.minutes.map((r) => r.minute);
  const matchedIds = new Set(matched.map((m) => m.productId));
  const summary: ImportSummary = {
    sessionId,
    platform: parsed.platform,
    kind: parsed.kind,
    rows: figures.length,
    merged,
    replaced: merged,
    skipped: parsed.skipped,
    columns: parsed.read,
    unknownColumns: parsed.unknownColumns,
    from: minutes.length ? (minutes[0] as number) : null,
    to: minutes.length ? (minutes[minutes.length - 1] as number) : null,
    gmvFen: sum('gmvFen'),
    payFen: sum('payFen'),
    orders: sum('orders'),
    matched,
    unmatched: parsed.products.filter((p) => !matchedIds.has(p.productId)).map((p) => ({ productId: p.productId, name: p.name })),
    otherSessions: parsed.otherSessions,
  };
  const { columns: _columns, matched: _matched, ...logged } = summary;
  repos.sessions.append(sessionId, { ts: now, kind: 'import', data: { ...logged, unmatched: logged.unmatched.length } });
  return summary;
}
