#!/usr/bin/env node
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createContext } from './context.js';
import { watchMachine } from './machine.js';
import { failedRecord, formatTable, toRecord, type BenchRecord } from './report.js';
import type { BenchRow } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_JSON = resolve(here, '../../bench/results.json');

/** Every module in rows/ that exports `row`, in file-name order: adding a row is adding a file. */
async function loadRows(): Promise<BenchRow[]> {
  const dir = join(here, 'rows');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
  const rows: BenchRow[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as { row?: BenchRow };
    if (module.row) rows.push(module.row);
  }
  return rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      json: { type: 'string' },
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
    },
  });
  if (values.list) {
    for (const r of await loadRows()) process.stdout.write(`${r.id.padEnd(16)} ${r.what} — ${r.budget}\n`);
    return;
  }
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
  const rows = (await loadRows()).filter((r) => !only || only.has(r.id));
  if (!rows.length) throw new Error(`no benchmark rows match --only ${values.only}`);
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const log = (message: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
  const ctx = createContext({ quick: values.quick, log });
  const records: BenchRecord[] = [];
  try {
    for (const row of rows) {
      log(`${row.id}: ${row.what}`);
      const machine = watchMachine();
      try {
        const results = await row.run(ctx);
        const load = machine.stop();
        if (load.busy) log(`${row.id}: the machine was busier than its ${load.cores} cores (${load.runnable.toFixed(1)} runnable on average)`);
        for (const result of Array.isArray(results) ? results : [results]) records.push(toRecord(row, result, load));
      } catch (error) {
        machine.stop();
        log(`${row.id} failed: ${(error as Error)?.stack ?? String(error)}`);
        records.push(failedRecord(row, error));
      }
    }
  } finally {
    await ctx.close();
  }
  // Absolute figures move with the machine's load; the ratios (value and floor from the same run) much less.
  const machine = `${availableParallelism()} cores, load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]?.toFixed(1)} at end`;
  const busyRows = records.filter((r) => r.machine?.busy).map((r) => r.id);
  if (busyRows.length) process.stdout.write(`\nwarning: the machine was busier than its ${availableParallelism()} cores during ${busyRows.join(', ')}: those absolute figures are pessimistic; read the ratios\n`);
  process.stdout.write(`\nLiveDesk benchmarks (DESIGN §7)${values.quick ? ' — quick run, smaller workloads' : ''}, ${((Date.now() - started) / 1000).toFixed(0)} s; ${machine}\n\n${formatTable(records)}\n`);
  for (const file of new Set([DEFAULT_JSON, ...(values.json ? [resolve(values.json)] : [])])) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(records, null, 2) + '\n');
    process.stdout.write(`\nwrote ${file}\n`);
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`bench: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
