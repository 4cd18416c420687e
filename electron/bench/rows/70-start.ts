import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_CORE_MAIN as CORE_MAIN } from '../fixtures/core-main.js';
import { DESK_READY_PREFIX } from '../../core/contract/index.js';
import { median } from '../stats.js';
import { spawnUntilLine, stopChild } from '../fixtures/spawn-line.js';
import type { BenchRow } from '../types.js';

const BUDGET_MS = 800;

/**
 * Core start to DESK_READY on an existing data dir (the everyday start), beside the floor of starting a
 * bare Node process that prints one line. The first start (creating the database) is reported apart.
 */
export const row: BenchRow = {
  id: 'start',
  what: 'core start to DESK_READY',
  budget: '≤ 800 ms',
  async run(ctx) {
    const runs = ctx.quick ? 3 : 7;
    const dataDir = join(ctx.dir, 'start-data');
    mkdirSync(dataDir, { recursive: true });
    // Port 9 (discard) refuses at once: the core never waits for OBS to start.
    const args = [CORE_MAIN, '--data-dir', dataDir, '--port', '0', '--obs-url', 'ws://127.0.0.1:9'];
    const first = await spawnUntilLine(process.execPath, args, DESK_READY_PREFIX);
    await stopChild(first.child);
    const core: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = await spawnUntilLine(process.execPath, args, DESK_READY_PREFIX);
      core.push(started.ms);
      await stopChild(started.child);
      const floor = await spawnUntilLine(process.execPath, ['-e', `process.stdout.write(${JSON.stringify(DESK_READY_PREFIX + '{}\n')})`], DESK_READY_PREFIX);
      bare.push(floor.ms);
      await stopChild(floor.child);
    }
    const value = median(core);
    return {
      value,
      unit: 'ms',
      floor: median(bare),
      floorWhat: 'bare node start printing a line',
      meets: value <= BUDGET_MS,
      runs: core,
      floorRuns: bare,
      note: `median of ${runs}, each beside a bare start; first start (new database) ${Math.round(first.ms)} ms; slowest ${Math.round(Math.max(...core))} ms`,
    };
  },
};
