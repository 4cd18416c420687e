import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CoreConnection } from '../core/contract/bridge.js';
import type { BundleOutcome } from './shell-strings.js';

/**
 * File → Open for session bundles under Electron: main sends the chosen file to the core it
 * supervises, exactly as the console's "Open bundle…" button does, and reports the answer.
 */
export async function openBundleFile(core: CoreConnection, file: string): Promise<BundleOutcome> {
  const name = basename(file);
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch (error) {
    return { file: name, unreadable: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
  const res = await fetch(new URL('/api/v1/review/import', core.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${core.token}`, 'content-type': 'application/octet-stream' },
    body,
  });
  const reply = (await res.json()) as { imported?: { title: string }[]; skipped?: unknown[]; error?: { message: string } };
  if (!res.ok) return { file: name, refused: reply.error?.message ?? `the desk answered ${res.status}` };
  return { file: name, opened: { titles: (reply.imported ?? []).map((s) => s.title), skipped: reply.skipped?.length ?? 0 } };
}
