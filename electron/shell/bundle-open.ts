import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CoreConnection } from '../core/contract/bridge.js';

export interface BundleOpenResult {
  ok: boolean;
  /** One line for a message box: what was opened, or why nothing was. */
  message: string;
}

/**
 * File → Open for session bundles under Electron: main sends the chosen file to the core it
 * supervises, exactly as the console's "Open bundle…" button does, and reports the answer.
 */
export async function openBundleFile(core: CoreConnection, file: string): Promise<BundleOpenResult> {
  const name = basename(file);
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch (error) {
    return { ok: false, message: `${name}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const res = await fetch(new URL('/api/v1/review/import', core.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${core.token}`, 'content-type': 'application/octet-stream' },
    body,
  });
  const reply = (await res.json()) as { imported?: { title: string }[]; skipped?: unknown[]; error?: { message: string } };
  if (!res.ok) return { ok: false, message: `${name}: ${reply.error?.message ?? `the desk answered ${res.status}`}` };
  const titles = (reply.imported ?? []).map((s) => `“${s.title}”`).join(', ');
  const skipped = reply.skipped?.length ? `; ${reply.skipped.length} already on this desk` : '';
  return { ok: true, message: `${name}: ${reply.imported?.length ?? 0} session(s) opened${titles ? ` — ${titles}` : ''}${skipped}` };
}
