import type { BenchResult, BenchRow } from './types.js';
import { round } from './stats.js';

/** One row of `--json` output, as DESIGN §7 specifies it (plus the floor's name and a note). */
export interface BenchRecord {
  id: string;
  what: string;
  value: number | null;
  unit: string;
  floor: number | null;
  floorWhat: string;
  ratio: number | null;
  budget: string;
  meets: boolean | null;
  note?: string;
}

export function toRecord(row: BenchRow, result: BenchResult): BenchRecord {
  const ratio = result.value !== null && result.floor !== null && result.floor !== 0 ? round(result.value / result.floor, 2) : null;
  const record: BenchRecord = {
    id: result.part ? `${row.id}/${result.part}` : row.id,
    what: row.what,
    value: result.value === null ? null : round(result.value),
    unit: result.unit,
    floor: result.floor === null ? null : round(result.floor),
    floorWhat: result.floorWhat,
    ratio,
    budget: row.budget,
    meets: result.meets,
  };
  if (result.note) record.note = result.note;
  return record;
}

/** A row that failed to run still gets a line: the table always lists every row. */
export function failedRecord(row: BenchRow, error: unknown): BenchRecord {
  return {
    id: row.id,
    what: row.what,
    value: null,
    unit: '',
    floor: null,
    floorWhat: '',
    ratio: null,
    budget: row.budget,
    meets: null,
    note: `failed: ${(error as Error)?.message?.split('\n')[0] ?? String(error)}`,
  };
}

const fmt = (n: number | null) => (n === null ? '—' : Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : String(n));
const verdict = (meets: boolean | null) => (meets === null ? '?' : meets ? 'yes' : 'NO');

export function formatTable(records: readonly BenchRecord[]): string {
  const header = ['id', 'value', 'floor', 'ratio', 'meets', 'budget'];
  const lines = records.map((r) => [r.id, `${fmt(r.value)} ${r.unit}`.trim(), r.floor === null ? '—' : `${fmt(r.floor)} ${r.unit} (${r.floorWhat})`, r.ratio === null ? '—' : `${r.ratio}×`, verdict(r.meets), r.budget]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd();
  const notes = records.filter((r) => r.note).map((r) => `  ${r.id}: ${r.note}`);
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...lines.map(line), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}
