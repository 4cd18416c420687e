import { pressSamples } from '../fixtures/press-samples.js';
import { percentileOfRuns } from '../fixtures/runs.js';
import type { BenchRow } from '../types.js';

const BUDGET_RATIO = 1.2;

/** Key press → OBS acknowledged, against a bare obs-websocket-js round trip to the same OBS. */
export const row: BenchRow = {
  id: 'press-ack',
  what: 'key press → OBS acknowledged, vs a bare obs-websocket-js call',
  budget: '≤ 1.2× at p50 and p99',
  async run(ctx) {
    const s = await pressSamples(ctx);
    const note = `median of ${s.rounds.length} runs of ${s.rounds[0]?.deskAck.length} presses on the virtual deck against ${s.server}, each interleaved with bare calls`;
    return [50, 99].map((p) => {
      const r = percentileOfRuns(s.rounds, p, (x) => x.deskAck, (x) => x.bareAck);
      return { part: `p${p}`, ...r, unit: 'ms', floorWhat: 'bare obs-websocket-js round trip', meets: r.value <= r.floor * BUDGET_RATIO, machine: s.machine, note };
    });
  },
};
