import type { MachineLoad } from './machine.js';
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
  /** Each run's value and floor (the table's value and floor are their medians). */
  runs?: number[];
  floorRuns?: number[];
  /** (max − min) / median of the runs, as a share: how far one run could land from the median. */
  spread?: number;
  /** How busy the machine was while the row ran. */
  machine?: MachineLoad;
}

export function toRecord(row: BenchRow, result: BenchResult, machine?: MachineLoad): BenchRecord {
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
  if (result.runs?.length) {
    record.runs = result.runs.map((r) => round(r));
    const mid = [...result.runs].sort((a, b) => a - b)[Math.ceil(result.runs.length / 2) - 1] as number;
    if (mid) record.spread = round((Math.max(...result.runs) - Math.min(...result.runs)) / Math.abs(mid), 2);
  }
  if (result.floorRuns?.length) record.floorRuns = result.floorRuns.map((r) => round(r));
  machine = result.machine ?? machine;
  if (machine) record.machine = { ...machine, runnable: round(machine.runnable, 2), cpuBusy: machine.cpuBusy === null ? null : round(machine.cpuBusy, 2), othersBusy: machine.othersBusy === null ? null : round(machine.othersBusy, 2), load1: round(machine.load1, 2) };
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

const spreadText = (r: BenchRecord) => (r.runs && r.runs.length > 1 ? `${fmt(Math.min(...r.runs))}–${fmt(Math.max(...r.runs))} (${r.runs.length} runs)` : '1 run');
const machineText = (m: BenchRecord['machine']) => (!m ? '' : `${m.busy ? 'BUSY ' : ''}${m.runnable.toFixed(1)}/${m.cores}${m.othersBusy === null ? '' : `, others ${Math.round(m.othersBusy * 100)}%`}`);

export function formatTable(records: readonly BenchRecord[]): string {
  const header = ['id', 'value', 'spread', 'floor', 'ratio', 'meets', 'budget', 'machine (runnable/cores)'];
  const lines = records.map((r) => [r.id, `${fmt(r.value)} ${r.unit}`.trim(), r.value === null ? '—' : spreadText(r), r.floor === null ? '—' : `${fmt(r.floor)} ${r.unit} (${r.floorWhat})`, r.ratio === null ? '—' : `${r.ratio}×`, verdict(r.meets), r.budget, machineText(r.machine)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd();
  const notes = records.filter((r) => r.note).map((r) => `  ${r.id}: ${r.note}`);
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...lines.map(line), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}
