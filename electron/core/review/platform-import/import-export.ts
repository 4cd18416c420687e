import { coded, DeskError, type SessionSummary } from '../../contract/index.js';
import type { PlatformRepo } from '../../store/platform-repo.js';
import type { SessionsRepo } from '../../store/sessions-repo.js';
import { parseExport, type ExportKind, type Platform } from './parse-export.js';
import { readTable } from './read-table.js';
import { parseTz } from './values.js';

export interface ImportSummary {
  sessionId: string;
  platform: Platform;
  kind: ExportKind;
  rows: number;
  /** Rows that replaced ones imported before (a re-import counts nothing twice). */
  replaced: number;
  skipped: number;
  columns: string[];
  from: number | null;
  to: number | null;
  gmvFen: number;
  orders: number;
}

export interface ImportRequest {
  bytes: Buffer;
  platform: string | null;
  tz: string | null;
}

/**
 * Merges a platform export into a session. Platform figures are kept beside the desk's own (they
 * never add to the live GMV or orders, which came from ingest), keyed by minute or product so a
 * repeated import replaces instead of doubling.
 */
export async function importExport(repos: { sessions: SessionsRepo; platform: PlatformRepo }, sessionId: string, request: ImportRequest, now: number): Promise<ImportSummary> {
  const session: SessionSummary | null = repos.sessions.get(sessionId);
  if (!session) throw new DeskError('not_found', coded('session.notFound', { id: sessionId }, `no session "${sessionId}"`));
  if (request.platform !== null && request.platform !== 'douyin' && request.platform !== 'taobao') {
    throw new DeskError('bad_request', coded('platformImport.badPlatform', {}, 'platform: must be "douyin" or "taobao" (or left out to detect it)'), { field: 'platform' });
  }
  const tzOffsetMin = parseTz(request.tz);
  if (tzOffsetMin === null) throw new DeskError('bad_request', coded('platformImport.badTz', {}, 'tz: an offset such as +08:00'), { field: 'tz' });

  const table = await readTable(request.bytes);
  const parsed = parseExport(table, { platform: request.platform ?? undefined, tzOffsetMin, sessionStart: session.startedAt });
  if (!parsed.rows.length) throw new DeskError('bad_request', coded('platformImport.noRows', {}, 'file: the export has a header but no data rows'), { field: 'file' });

  const { replaced } = parsed.kind === 'minutes' ? repos.platform.putMinutes(sessionId, parsed.rows) : repos.platform.putProducts(sessionId, parsed.rows);
  const sum = (key: string) => parsed.rows.reduce((total, r) => total + (r.figures[key] ?? 0), 0);
  const minutes = parsed.kind === 'minutes' ? parsed.rows.map((r) => r.minute) : [];
  const summary: ImportSummary = {
    sessionId,
    platform: parsed.platform,
    kind: parsed.kind,
    rows: parsed.rows.length,
    replaced,
    skipped: parsed.skipped,
    columns: parsed.header.filter(Boolean),
    from: minutes.length ? (minutes[0] as number) : null,
    to: minutes.length ? (minutes[minutes.length - 1] as number) : null,
    gmvFen: sum('gmvFen'),
    orders: sum('orders'),
  };
  const { columns: _columns, ...logged } = summary;
  repos.sessions.append(sessionId, { ts: now, kind: 'import', data: { ...logged } });
  return summary;
}
